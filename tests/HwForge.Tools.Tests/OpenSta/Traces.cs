using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Programs.Icarus;

namespace HwForge.Tools.Tests.OpenSta;

/// <summary>Makes real VCD traces: Icarus simulates a design under a testbench, confined like every tool run.</summary>
internal static class Traces
{
    public const string File = "trace.vcd";

    /// <summary>Random operands into the multiplier every 10 ns clock, for 200 cycles; the design is tb.dut.</summary>
    public const string MultiplierBench = """
        `timescale 1ns/1ps
        module tb;
          reg clk = 0;
          reg [15:0] a = 0, b = 0;
          wire [31:0] p;
          mul dut(.clk(clk), .a(a), .b(b), .p(p));
          always #5 clk = ~clk;
          initial begin
            $dumpfile("trace.vcd");
            $dumpvars(0, tb);
            repeat (200) begin
              @(negedge clk);
              a = $random;
              b = $random;
            end
            $finish;
          end
        endmodule
        """;

    public static async Task<string> SimulateAsync(TestHost test, string design, string bench)
    {
        var version = await test.Versions.RequireAsync(IcarusTool.Descriptor);
        var step = new ToolStep("iverilog", version,
            new ToolInvocation("sh", ["-c", $"iverilog -g2012 -o sim.vvp design.v tb.v && vvp -n sim.vvp"]))
        {
            Inputs = [InputFile.FromText("design.v", design), InputFile.FromText("tb.v", bench)],
            Outputs = [File],
        };
        var result = await test.Host.RunAsync(step);
        Assert.True(result.Run.Succeeded, result.Run.StandardError + result.Run.StandardOutput);
        return result.OutputText(File) ?? throw new InvalidOperationException("the simulation wrote no trace.vcd");
    }
}
