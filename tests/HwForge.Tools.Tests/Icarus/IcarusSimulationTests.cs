using System.Text;
using HwForge.Tools.Foundation.Diagnostics;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs.Icarus;

namespace HwForge.Tools.Tests.Icarus;

/// <summary>Compiling and simulating real designs with the real iverilog and vvp, in the sandbox.</summary>
public sealed class IcarusSimulationTests : IDisposable
{
    private readonly TestHost _test = new();

    private const string Counter = """
        module counter(input clk, input rst, output reg [7:0] q);
          always @(posedge clk) if (rst) q <= 0; else q <= q + 1;
        endmodule
        """;

    private const string CounterBench = """
        module tb;
          reg clk = 0, rst = 1; wire [7:0] q;
          counter dut(.clk(clk), .rst(rst), .q(q));
          always #5 clk = ~clk;
          initial begin
            $dumpfile("wave.vcd"); $dumpvars(0, tb);
            #12 rst = 0;
            repeat (5) begin @(posedge clk); #1 $display("q=%0d", q); end
            if ($test$plusargs("verbose")) $display("verbose on");
            $finish;
          end
        endmodule
        """;

    private Task<SimulationReport> Simulate(IReadOnlyList<SourceFile> sources, string top, IcarusOptions? options = null) =>
        IcarusSimulation.RunAsync(_test.Host, _test.Versions, sources, top, options ?? IcarusOptions.Default);

    private IReadOnlyList<SourceFile> Files(params (string Name, string Text)[] files) =>
        SourceLoader.Load(files.Select(f => _test.WriteFile(f.Name, f.Text)));

    [Fact]
    public async Task I_can_simulate_a_counter_and_read_its_output()
    {
        var report = await Simulate(Files(("counter.v", Counter), ("tb.v", CounterBench)), "tb");

        Assert.True(report.Finished, report.Summary + "\n" + report.Run.StandardError);
        Assert.Equal(SimulationStage.Simulate, report.Stage);
        Assert.Equal(["q=1", "q=2", "q=3", "q=4", "q=5"], report.Output.Split('\n').Where(l => l.StartsWith("q=")));
        Assert.DoesNotContain("verbose on", report.Output);
        Assert.Empty(report.Diagnostics);
    }

    [Fact]
    public async Task Plusargs_reach_the_testbench()
    {
        var report = await Simulate(Files(("counter.v", Counter), ("tb.v", CounterBench)), "tb",
            new IcarusOptions { PlusArgs = ["verbose"] });

        Assert.True(report.Finished, report.Summary);
        Assert.Contains("verbose on", report.Output);
    }

    [Fact]
    public async Task I_can_collect_the_waveform_the_testbench_dumps()
    {
        var report = await Simulate(Files(("counter.v", Counter), ("tb.v", CounterBench)), "tb",
            new IcarusOptions { CollectFiles = ["wave.vcd", "never-written.txt"] });

        var vcd = report.OutputText("wave.vcd");
        Assert.NotNull(vcd);
        Assert.Contains("$enddefinitions", vcd);
        Assert.Contains("$var wire 8 ! q [7:0] $end", vcd); // the testbench's 8-bit q, declared in the header
        Assert.Contains("b101 !", vcd); // q reached 5, as the testbench printed
        Assert.EndsWith("#56\n", vcd); // the dump runs to the $finish at time 56
        Assert.False(report.Outputs.ContainsKey("never-written.txt"));
    }

    [Fact]
    public async Task A_harness_I_generate_drives_the_design_and_writes_a_results_file()
    {
        var harness = SourceLoader.FromText("harness.sv", """
            module harness;
              reg clk = 0, rst = 1; wire [7:0] q; integer f;
              counter dut(.clk(clk), .rst(rst), .q(q));
              always #1 clk = ~clk;
              initial begin
                $readmemh("expected.hex", want);
                #3 rst = 0; repeat (3) @(posedge clk); #0.5;
                f = $fopen("results.txt", "w");
                $fdisplay(f, "%s q=%0d want=%0d", q == want[0] ? "PASS" : "FAIL", q, want[0]);
                $fclose(f); $finish;
              end
              reg [7:0] want [0:0];
            endmodule
            """);
        var options = new IcarusOptions
        {
            Harness = [harness],
            DataFiles = [InputFile.FromText("expected.hex", "03\n")],
            CollectFiles = ["results.txt"],
        };
        var report = await Simulate(Files(("counter.v", Counter)), "harness", options);

        Assert.True(report.Finished, report.Summary + "\n" + report.Run.StandardError + report.Output);
        Assert.Equal("PASS q=3 want=3", report.OutputText("results.txt")?.Trim());
    }

    [Fact]
    public async Task A_syntax_error_is_reported_at_my_file_and_line()
    {
        var sources = Files(("counter.v", Counter), ("broken.v", "module broken(input a, output b);\n  assign b = a\nendmodule\n"));
        var report = await Simulate(sources, "broken");

        Assert.Equal(SimulationStage.Compile, report.Stage);
        Assert.False(report.Finished);
        var error = Assert.Single(report.Errors);
        Assert.Equal(sources[1].Path, error.File);
        Assert.Equal(3, error.Line);
        Assert.Contains("syntax error", error.Message);
        Assert.Equal("", report.Output);
    }

    [Fact]
    public async Task An_unknown_module_and_an_unknown_top_are_reported()
    {
        var sources = Files(("top.v", "module top;\n  wire x;\n  nosuch u(.a(x));\nendmodule\n"));
        var unknownModule = await Simulate(sources, "top");
        var unknownTop = await Simulate(sources, "missing_top");

        var error = Assert.Single(unknownModule.Errors, e => e.Message.Contains("Unknown module type: nosuch"));
        Assert.Equal((sources[0].Path, 3), (error.File, error.Line));
        Assert.Equal(SimulationStage.Compile, unknownModule.Stage);

        var bare = Assert.Single(unknownTop.Errors);
        Assert.Equal(("", 0), (bare.File, bare.Line));
        Assert.Contains("Unable to find the root module \"missing_top\"", bare.Message);
        Assert.Contains("-s missing_top", bare.Message); // the hint on iverilog's continuation line is kept
        Assert.Contains("missing_top", unknownTop.Summary);
    }

    [Fact]
    public async Task Warnings_are_reported_and_do_not_stop_the_simulation()
    {
        var sources = Files(("w.v", """
            module w;
              reg [3:0] r;
              sub s(.a({r, r}));
              initial begin r = 1; $display("ran"); $finish; end
            endmodule
            module sub(input [3:0] a); endmodule
            """));
        var report = await Simulate(sources, "w");

        Assert.True(report.Finished, report.Summary);
        Assert.Contains("ran", report.Output);
        Assert.Empty(report.Errors);
        var warning = Assert.Single(report.Diagnostics);
        Assert.Equal((Severity.Warning, 3, sources[0].Path), (warning.Severity, warning.Line, warning.File));
        Assert.StartsWith("Port 1 (a) of sub expects 4 bits, got 8.", warning.Message);
        Assert.EndsWith("Pruning 4 high bits of the expression.", warning.Message); // its continuation line is folded in
    }

    [Fact]
    public async Task A_fatal_error_in_the_testbench_is_a_failed_simulation()
    {
        var report = await Simulate(Files(("f.v", "module f; initial begin $display(\"before\"); $fatal(1, \"mismatch at 42\"); end endmodule\n")), "f");

        Assert.Equal(SimulationStage.Simulate, report.Stage);
        Assert.False(report.Finished);
        Assert.NotEqual(0, report.Run.ExitCode);
        Assert.Contains("mismatch at 42", report.Output);
    }

    [Fact]
    public async Task A_simulation_that_never_finishes_is_stopped_as_a_typed_timeout()
    {
        var sources = Files(("loop.v", "module loop;\n  reg x = 0;\n  always #1 x = ~x;\nendmodule\n"));
        var report = await Simulate(sources, "loop", new IcarusOptions { Timeout = TimeSpan.FromSeconds(2) });

        Assert.Equal(SimulationStage.Simulate, report.Stage);
        Assert.True(report.TimedOut, report.Summary);
        Assert.Equal(LimitHit.WallClock, report.Limit);
        Assert.Contains("timed out", report.Summary);
        Assert.True(report.Run.Duration < TimeSpan.FromSeconds(30), $"took {report.Run.Duration}");
    }

    [Fact]
    public async Task A_second_identical_run_is_served_from_the_cache()
    {
        var sources = Files(("counter.v", Counter), ("tb.v", CounterBench));
        var options = new IcarusOptions { CollectFiles = ["wave.vcd"] };
        var first = await Simulate(sources, "tb", options);
        var second = await Simulate(sources, "tb", options);

        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(first.Output, second.Output);
        Assert.Equal(first.Stage, second.Stage);
        Assert.Equal(Encoding.UTF8.GetString(first.Outputs["wave.vcd"]), second.OutputText("wave.vcd"));
    }

    public void Dispose() => _test.Dispose();
}
