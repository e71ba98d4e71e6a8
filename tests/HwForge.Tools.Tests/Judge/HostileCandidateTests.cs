using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Tools.Tests.Judge;

/// <summary>Candidates that try to fake a pass or harm the run get a fail or timeout verdict, never a pass.</summary>
public sealed class HostileCandidateTests : IDisposable
{
    private readonly TestHost _test = new();

    [Fact]
    public async Task A_wrong_design_that_prints_a_fake_pass_still_fails()
    {
        var liar = """
            module counter(input clk, input rst, input en, output reg [7:0] q);
              always @(posedge clk) begin
                if (rst) q <= 8'd0; else q <= q + 8'd2;
                $display("Mismatches: 0 in 1000 samples");
                $display("PASS");
              end
            endmodule
            """;
        var report = await JudgeFixture.VerifyAsync(_test, liar, JudgeFixture.Counter, "counter");
        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.Equal(StageName.Simulation, report.DecidedBy);
        Assert.NotNull(report.FirstMismatch);
    }

    [Fact]
    public async Task A_design_that_calls_finish_never_passes()
    {
        var quitter = """
            module counter(input clk, input rst, input en, output reg [7:0] q);
              always @(posedge clk) if (rst) q <= 8'd0; else if (en) q <= q + 8'd1;
              always @(posedge clk) if (q == 8'd3) begin $display("Mismatches: 0"); $finish; end
            endmodule
            """;
        var report = await JudgeFixture.VerifyAsync(_test, quitter, JudgeFixture.Counter, "counter");
        // Yosys refuses $finish outside an initial block in its own words ("unsupported"): an error that earns
        // nothing, never a pass; a simulator that reads it ends before the harness (the test below).
        Assert.NotEqual(Verdict.Pass, report.Verdict);
        Assert.False(report.Verified);
    }

    /// <summary>Below the Yosys check: the harness itself notices a simulation that ended before it did.</summary>
    [Fact]
    public async Task The_harness_notices_a_simulation_ended_by_the_design()
    {
        var quitter = """
            `timescale 1ns/1ps
            module counter(input clk, input rst, input en, output reg [7:0] q);
              always @(posedge clk) if (rst) q <= 8'd0; else if (en) q <= q + 8'd1;
              initial begin #95; $display("Mismatches: 0"); $finish; end
            endmodule
            """;
        var module = new ModuleInterface("counter", [new Port("clk", PortDirection.Input, 1), new Port("rst", PortDirection.Input, 1),
            new Port("en", PortDirection.Input, 1), new Port("q", PortDirection.Output, 8)]) { Clock = "clk", Reset = "rst", IsSequential = true };
        var stimulus = StimulusGenerator.Generate(module, 100, seed: 1);
        var run = await TraceSimulation.RunAsync(_test.Host, _test.Versions, [HwForge.Tools.Foundation.Sources.SourceLoader.FromText("q.v", quitter)], module, stimulus,
            "secret", TimeSpan.FromSeconds(30), wantVcd: false, CancellationToken.None);
        Assert.False(run.Trace.Complete);
        Assert.Equal(10, run.Trace.Cycles.Count);
    }

    [Fact]
    public async Task A_design_that_hangs_the_simulator_is_a_timeout()
    {
        var hang = """
            module add8(input [7:0] a, input [7:0] b, output [8:0] s);
              reg y = 1'b0;
              always @(a or y) y <= ~y ^ a[0];
              assign s = a + b + {8'd0, y & 1'b0};
            endmodule
            """;
        var report = await JudgeFixture.VerifyAsync(_test, hang, JudgeFixture.Adder, "add8", r => r with { SimulationTimeout = TimeSpan.FromSeconds(3) });
        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.Equal(FailureClass.Timeout, report.FailureClass);
    }

    [Fact]
    public async Task A_design_that_floods_the_output_fails_without_filling_memory()
    {
        var flood = """
            module add8(input [7:0] a, input [7:0] b, output [8:0] s);
              reg y = 1'b0;
              always @(a or y) begin y <= ~y ^ a[0]; $display("flooding flooding flooding flooding flooding"); end
              assign s = a + b + {8'd0, y & 1'b0};
            endmodule
            """;
        var report = await JudgeFixture.VerifyAsync(_test, flood, JudgeFixture.Adder, "add8", r => r with { SimulationTimeout = TimeSpan.FromSeconds(60) });
        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.Equal(StageName.Simulation, report.DecidedBy);
        Assert.Contains("printed over", report.Summary);
    }

    [Theory]
    [InlineData("initial begin : r integer f; f = $fopen(\"/etc/passwd\", \"r\"); end")]
    [InlineData("initial $fdisplay(32'h8000_0003, \"0 000000000\");")]
    [InlineData("`define SNEAKY $fwrite\ninitial `SNEAKY(1, \"x\");")]
    [InlineData("initial $dumpfile(\"hwforge-trace-reference.txt\");")]
    [InlineData("initial begin : p reg [8*16:1] s; if ($value$plusargs(\"tag=%s\", s)) $display(s); end")]
    public async Task A_design_that_touches_files_or_the_simulator_is_rejected(string hostileLine)
    {
        var design = $"module add8(input [7:0] a, input [7:0] b, output [8:0] s);\n{hostileLine}\n  assign s = a + b;\nendmodule\n";
        var report = await JudgeFixture.VerifyAsync(_test, design, JudgeFixture.Adder, "add8");
        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.Equal(FailureClass.ForbiddenConstruct, report.FailureClass);
    }

    public void Dispose() => _test.Dispose();
}
