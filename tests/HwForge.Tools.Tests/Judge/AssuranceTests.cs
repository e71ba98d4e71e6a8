using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Tools.Tests.Judge;

/// <summary>
/// "Verified" means proven: every way a pass used to be claimed without a proof, and every way a
/// correct design used to be judged wrong by the formal stage, each as a real verification.
/// </summary>
public sealed class AssuranceTests : IDisposable
{
    private readonly TestHost _test = new();

    private const string ResetCounter = """
        module cnt(input clk, input rst, input en, output reg [3:0] q);
          always @(posedge clk) if (rst) q <= 4'd0; else if (en) q <= q + 4'd1;
        endmodule
        """;

    [Fact]
    public async Task A_proven_pair_is_verified_and_says_how()
    {
        var design = ResetCounter.Replace("q + 4'd1", "4'd1 + q");
        var report = await JudgeFixture.VerifyAsync(_test, design, ResetCounter, "cnt");
        Assert.True(report.Verified, report.Summary);
        Assert.Equal(Assurance.Proven, report.Assurance);
        Assert.StartsWith("verified: formally proven", report.Summary);
    }

    /// <summary>A latch cannot be proven here: the simulation alone decides, and that is said, never "verified".</summary>
    [Fact]
    public async Task A_design_the_proof_cannot_read_is_simulated_not_verified()
    {
        const string reference = "module l(input clk, input en, input [3:0] d, output [3:0] q);\n  reg [3:0] r;\n  always @* if (en) r = d;\n  assign q = r;\nendmodule\n";
        var design = reference.Replace("if (en) r = d;", "if (en == 1'b1) r = d;");
        var report = await JudgeFixture.VerifyAsync(_test, design, reference, "l");
        Assert.Equal(Verdict.Pass, report.Verdict);
        Assert.False(report.Verified);
        Assert.Equal(Assurance.Simulated, report.Assurance);
        Assert.Contains("not proven", report.Summary);
        Assert.DoesNotContain("verified", report.Summary);
    }

    /// <summary>A bounded check is not a proof: the words give both bounds and say "not proven".</summary>
    [Fact]
    public async Task A_bug_beyond_every_bound_is_never_verified()
    {
        const string reference = "module c(input clk, input rst, output reg [15:0] q);\n  always @(posedge clk) if (rst) q <= 0; else q <= q + 1;\nendmodule\n";
        var design = reference.Replace("q <= q + 1", "q <= (q == 16'd50000) ? 16'd7 : q + 1");
        var report = await JudgeFixture.VerifyAsync(_test, design, reference, "c", r => r with { FormalTimeout = TimeSpan.FromSeconds(6) });
        Assert.False(report.Verified, report.Summary);
        if (report.Verdict == Verdict.Pass) Assert.Contains("not proven", report.Summary);
    }

    /// <summary>No reset, state set by a load input: the copies start unknown, so a copy is never judged wrong.</summary>
    [Fact]
    public async Task A_design_without_a_reset_passes_against_its_own_copy_and_is_proven()
    {
        const string reference = "module sh(input clk, input load, input [3:0] d, input in, output [3:0] q);\n  reg [3:0] r;\n  always @(posedge clk) if (load) r <= d; else r <= {r[2:0], in};\n  assign q = r;\nendmodule\n";
        var report = await JudgeFixture.VerifyAsync(_test, reference.Replace("module sh", "module sh_copy"), reference, "sh_copy",
            r => r with { ReferenceTop = "sh" });
        Assert.True(report.Verified, report.Summary);
    }

    [Fact]
    public async Task A_free_running_design_without_reset_or_initial_values_is_not_judged_wrong_against_its_copy()
    {
        const string reference = "module f(input clk, input [3:0] a, output reg [3:0] q, output [3:0] y);\n  always @(posedge clk) q <= q + a;\n  assign y = a ^ 4'd5;\nendmodule\n";
        var report = await JudgeFixture.VerifyAsync(_test, reference.Replace("module f", "module f2"), reference, "f2", r => r with { ReferenceTop = "f" });
        Assert.Equal(Verdict.Pass, report.Verdict);
    }

    /// <summary>Once the reference's state is defined (after load), a design that differs is caught.</summary>
    [Fact]
    public async Task A_design_without_a_reset_that_differs_after_load_fails()
    {
        const string reference = "module sh(input clk, input load, input [3:0] d, input in, output [3:0] q);\n  reg [3:0] r;\n  always @(posedge clk) if (load) r <= d; else r <= {r[2:0], in};\n  assign q = r;\nendmodule\n";
        var design = reference.Replace("{r[2:0], in}", "{r[2:0], in ^ (r == 4'd9)}");
        var report = await JudgeFixture.VerifyAsync(_test, design, reference, "sh");
        Assert.Equal(Verdict.Fail, report.Verdict);
    }

    /// <summary>An undriven control net is a free input to the proof and X to the simulator: never a pass.</summary>
    [Fact]
    public async Task An_undriven_control_net_cannot_pass()
    {
        var design = "module cnt(input clk, input rst, input en, output reg [3:0] q);\n  wire go;\n  always @(posedge clk) if (rst) q <= 4'd0; else if (go) q <= q + 4'd1;\nendmodule\n";
        var report = await JudgeFixture.VerifyAsync(_test, design, ResetCounter, "cnt");
        Assert.Equal(Verdict.Fail, report.Verdict);
    }

    /// <summary>An X the design drives where the reference is defined is a mismatch, in simulation and in the proof.</summary>
    [Fact]
    public async Task An_x_on_an_output_where_the_reference_is_defined_fails()
    {
        const string reference = "module m(input [1:0] s, input [3:0] a, output reg [3:0] y);\n  always @* case (s) 2'd0: y = a; 2'd1: y = ~a; default: y = 4'd0; endcase\nendmodule\n";
        var design = reference.Replace("default: y = 4'd0;", "2'd2: y = 4'd0; default: y = 4'bx;");
        var report = await JudgeFixture.VerifyAsync(_test, design, reference, "m");
        Assert.Equal(Verdict.Fail, report.Verdict);
    }

    /// <summary>Where the reference says 'x (don't care), the design may drive anything and is still proven.</summary>
    [Fact]
    public async Task The_references_dont_care_lets_the_design_choose()
    {
        const string reference = "module m(input [1:0] s, input [3:0] a, output reg [3:0] y);\n  always @* case (s) 2'd0: y = a; 2'd1: y = ~a; default: y = 4'bx; endcase\nendmodule\n";
        var design = reference.Replace("default: y = 4'bx;", "default: y = 4'd3;");
        var report = await JudgeFixture.VerifyAsync(_test, design, reference, "m");
        Assert.True(report.Verified, report.Summary);
    }

    /// <summary>A retimed pipeline (multiplier moved across a register) is proven by sequential equivalence, not bounded.</summary>
    [Fact]
    public async Task A_retimed_pipeline_is_proven()
    {
        const string reference = "module p(input clk, input rst, input [5:0] a, input [5:0] b, output reg [11:0] y);\n  reg [5:0] a1, b1;\n  always @(posedge clk) if (rst) begin a1 <= 0; b1 <= 0; y <= 0; end else begin a1 <= a; b1 <= b; y <= a1 * b1; end\nendmodule\n";
        const string design = "module p(input clk, input rst, input [5:0] a, input [5:0] b, output reg [11:0] y);\n  reg [11:0] p1;\n  always @(posedge clk) if (rst) begin p1 <= 0; y <= 0; end else begin p1 <= a * b; y <= p1; end\nendmodule\n";
        var report = await JudgeFixture.VerifyAsync(_test, design, reference, "p", r => r with { FormalTimeout = TimeSpan.FromSeconds(60) });
        Assert.True(report.Verified, report.Summary);
    }

    /// <summary>A correct design that is only slow to simulate is an infrastructure outcome, never "functionally wrong".</summary>
    [Fact]
    public async Task A_slow_but_correct_simulation_killed_by_the_clock_is_not_a_verdict_on_the_design()
    {
        var slow = """
            module add8(input [7:0] a, input [7:0] b, output reg [8:0] s);
              integer i; reg [31:0] t;
              always @* begin
                t = 0;
                for (i = 0; i < 2000; i = i + 1) t = t + 1;
                s = a + b + (t == 32'd2000 ? 9'd0 : 9'd1);
              end
            endmodule
            """;
        var report = await JudgeFixture.VerifyAsync(_test, slow, JudgeFixture.Adder, "add8",
            r => r with { SimulationTimeout = TimeSpan.FromSeconds(2), Cycles = 30000, Formal = FormalMode.Off });
        Assert.NotEqual(Verdict.Fail, report.Verdict);
        if (report.Verdict == Verdict.Error) Assert.Contains("not a verdict on the design", report.Summary);
    }

    public void Dispose() => _test.Dispose();
}
