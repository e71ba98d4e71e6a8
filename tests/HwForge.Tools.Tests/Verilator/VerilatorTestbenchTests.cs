using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs.Verilator;

namespace HwForge.Tools.Tests.Verilator;

/// <summary>Verilator builds real C++ models in the sandbox; each build takes seconds.</summary>
public sealed class VerilatorTestbenchTests : IDisposable
{
    private readonly TestHost _test = new();

    private static readonly SourceFile Counter = SourceLoader.FromText("counter.v", """
        module counter(input clk, input rst, output reg [3:0] q);
          always @(posedge clk) if (rst) q <= 4'd0; else q <= q + 4'd1;
        endmodule
        """);

    private const string CppBench = """
        #include "Vcounter.h"
        #include "verilated.h"
        #include <cstdio>
        int main(int argc, char** argv) {
            VerilatedContext context;
            context.commandArgs(argc, argv);
            Vcounter top{&context};
            top.rst = 1; top.clk = 0; top.eval(); top.clk = 1; top.eval(); top.rst = 0;
            for (int i = 0; i < CYCLES; i++) { top.clk = 0; top.eval(); top.clk = 1; top.eval(); }
            std::printf("q=%d\n", top.q);
            return 0;
        }
        """;

    private Task<TestbenchReport> RunCppAsync(string bench, TimeSpan? timeout = null) =>
        VerilatorTestbench.RunAsync(_test.Host, _test.Versions, [Counter], "counter", SourceLoader.FromText("tb.cpp", bench),
            TestbenchLanguage.Cpp, timeout ?? TimeSpan.FromMinutes(3));

    [Fact]
    public async Task I_can_build_and_run_a_cpp_testbench_and_read_what_it_prints()
    {
        var report = await RunCppAsync(CppBench.Replace("CYCLES", "5"));
        Assert.True(report.Passed, report.Run.StandardOutput + report.Run.StandardError);
        Assert.Equal("q=5\n", report.Run.StandardOutput);
        var again = await RunCppAsync(CppBench.Replace("CYCLES", "5"));
        Assert.True(again.FromCache);
    }

    [Fact]
    public async Task I_can_run_a_systemverilog_testbench_with_delays()
    {
        var bench = SourceLoader.FromText("tb.sv", """
            module tb;
              reg clk = 0, rst = 1; wire [3:0] q;
              counter dut(.clk(clk), .rst(rst), .q(q));
              always #5 clk = ~clk;
              initial begin #12 rst = 0; repeat (7) @(posedge clk); #1 $display("q=%0d", q); $finish; end
            endmodule
            """);
        var report = await VerilatorTestbench.RunAsync(_test.Host, _test.Versions, [Counter], "tb", bench, TestbenchLanguage.SystemVerilog, TimeSpan.FromMinutes(3));
        Assert.True(report.Passed, report.Run.StandardOutput);
        Assert.Contains("q=7", report.Run.StandardOutput);
    }

    [Fact]
    public async Task A_testbench_that_does_not_compile_is_a_build_failure_with_the_message()
    {
        var report = await RunCppAsync(CppBench.Replace("CYCLES", "5").Replace("top.q", "top.no_such_port"));
        Assert.Equal(TestbenchStage.Build, report.Stage);
        Assert.Contains(report.Diagnostics, d => d.Message.Contains("no_such_port"));
    }

    [Fact]
    public async Task A_testbench_that_never_ends_is_stopped_by_its_timeout()
    {
        var report = await RunCppAsync(CppBench.Replace("i < CYCLES", "true"), TimeSpan.FromSeconds(40));
        Assert.Equal(LimitHit.WallClock, report.Run.Limit);
    }

    public void Dispose() => _test.Dispose();
}
