using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl.Judge;
using Xunit.Abstractions;

namespace HwForge.Catalog.Tests;

/// <summary>
/// The README's main job: 16-bit signed MACs behind two pipeline stages, against the catalog's reference MAC. The
/// registers of the two differ (a product register against a partial-product tree), so the proof must first find which
/// register bits correspond (signal correspondence, with corner operands in its simulation so that the one product
/// that sets bit 30 without the sign, −2^15 × −2^15, keeps those two bits apart), then prove the product words equal.
/// </summary>
public sealed class PipelinedMacProofTests(CatalogJudge judge, ITestOutputHelper output) : IClassFixture<CatalogJudge>
{
    private static GeneratedDesign Mac(string multiplier) =>
        ArchitectureVariantTests.Generate("mac", ("width", 16), ("signed", true), ("pipeline", 2), ("multiplier", multiplier));

    [Theory]
    [InlineData("operator")]
    [InlineData("array")]
    [InlineData("dadda")]
    public async Task A_16_bit_signed_mac_with_two_pipeline_stages_is_proven_equivalent_to_its_reference(string multiplier)
    {
        var report = await judge.VerifyAsync(Mac(multiplier), FormalMode.On);
        output.WriteLine($"{report.Verdict} {report.Assurance}: {report.Formal.Detail} ({report.Stages.Where(s => s.Stage == StageName.Formal).Sum(s => s.Duration.TotalSeconds):0.0} s)");
        Assert.Equal(Assurance.Proven, report.Assurance);
    }

    [Fact]
    public async Task A_pipelined_mac_wrong_for_a_single_operand_pair_of_four_billion_is_refuted_at_that_pair()
    {
        // Simulation misses it (2^-32 a vector): the proof must find it through the merged registers.
        var correct = Mac("operator");
        var mutant = correct with { Verilog = OnePairWrong(correct.Verilog) };
        Assert.NotEqual(correct.Verilog, mutant.Verilog);
        var report = await judge.VerifyAsync(mutant, FormalMode.On);
        output.WriteLine($"{report.Verdict} at {report.DecidedBy}: {report.Summary}; {report.Formal.Detail}; {string.Join("; ", report.Formal.Counterexample?.PrecedingInputs ?? [])}");
        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.Equal(FormalStatus.Counterexample, report.Formal.Status);
        Assert.Contains("a=0xbeef b=0x1234", string.Join("; ", report.Formal.Counterexample?.PrecedingInputs ?? []));
    }

    private static string OnePairWrong(string verilog) => verilog.Replace(
        "    assign m = $signed(a1) * $signed(b1);",
        "    wire [31:0] m0 = $signed(a1) * $signed(b1);\n    assign m = m0 ^ {1'b0, a1 == 16'hBEEF && b1 == 16'h1234, 30'b0};", StringComparison.Ordinal);
}
