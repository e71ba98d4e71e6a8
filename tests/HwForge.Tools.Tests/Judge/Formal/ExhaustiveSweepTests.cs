using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Tools.Tests.Judge.Formal;

/// <summary>
/// A sequential pair whose multipliers differ in structure (a gate-level array multiplier against <c>*</c>):
/// SAT cannot match them within the budget, enumeration of their 16 input bits can, and then the
/// accumulators close. A multiplier wrong on one operand pair is not merged, and its counterexample is replayed.
/// </summary>
public sealed class ExhaustiveSweepTests : IDisposable
{
    private readonly TestHost _test = new(useCache: false);

    private const string Reference = """
        module macc8(input wire clk, input wire rst, input wire [7:0] a, input wire [7:0] b, output reg [19:0] acc);
            always @(posedge clk) if (rst) acc <= 20'd0; else acc <= acc + a * b;
        endmodule
        """;

    private static string Design(string product) => GateLevelMultiplier.Array8 + $$"""
        module macc8(input wire clk, input wire rst, input wire [7:0] a, input wire [7:0] b, output reg [19:0] acc);
            wire [15:0] m;
            mul8_array mul(.a(a), .b(b), .p(m));
            wire [15:0] p = {{product}};
            always @(posedge clk) if (rst) acc <= 20'd0; else acc <= acc + {4'd0, p};
        endmodule
        """;

    [Fact]
    public async Task An_accumulator_fed_by_a_gate_level_multiplier_is_proven_once_the_multipliers_are_merged()
    {
        var report = await VerifyAsync(Design("m"));
        Assert.True(report.Verified, report.Summary);
        Assert.Contains("proven equal by enumeration", report.Formal.Detail);
    }

    [Fact]
    public async Task A_multiplier_wrong_on_one_operand_pair_is_not_merged_and_its_counterexample_is_replayed()
    {
        var report = await VerifyAsync(Design("(a == 8'hA5 && b == 8'h3C) ? m + 16'd1 : m"));
        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.NotEqual(Assurance.Proven, report.Assurance);
        if (report.DecidedBy == StageName.Formal) Assert.NotNull(report.Formal.Counterexample);
        Assert.NotNull(report.FirstMismatch);
    }

    // A generous budget: each proof takes 3-12 s here, and a CI machine busy with other test classes ran a proof
    // like these past the default 30 s (SignalCorrespondenceTests); a proof that needs more time is not a verdict.
    private Task<VerifyReport> VerifyAsync(string design) =>
        new Verifier(_test.Host, _test.Versions).VerifyAsync(new VerifyRequest(
            [SourceLoader.FromText("design.v", design)], "macc8", [SourceLoader.FromText("ref.v", Reference)], "macc8")
            { FormalTimeout = TimeSpan.FromSeconds(120) });

    public void Dispose() => _test.Dispose();
}
