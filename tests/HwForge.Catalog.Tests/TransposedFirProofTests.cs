using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl.Catalog;
using HwForge.Tools.Targets.Rtl.Judge;
using Xunit.Abstractions;

namespace HwForge.Catalog.Tests;

/// <summary>
/// The catalog's transposed FIR against its reference, a delay line and one sum: both are pipelines (no register
/// feedback), but each cycle reads too many sample bits to enumerate and SAT does not close the sums added in another
/// order. Their unrolled cycles are compared word by word instead (the output's bits weighted 2^k, each counted only
/// where the reference, X until reset, knows it): the same polynomial on both sides is a proof for every cycle.
/// </summary>
public sealed class TransposedFirProofTests(CatalogJudge judge, ITestOutputHelper output) : IClassFixture<CatalogJudge>
{
    private static GeneratedDesign Fir(int pipeline) =>
        ArchitectureVariantTests.Generate("fir", ("taps", 8), ("width", 12), ("signed", true), ("architecture", "transposed"), ("pipeline", pipeline));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task An_8_tap_transposed_fir_is_proven_equivalent_to_its_direct_reference_by_rewriting_its_unrolled_cycles(int pipeline)
    {
        var report = await judge.VerifyAsync(Fir(pipeline), FormalMode.On);
        output.WriteLine($"{report.Verdict} {report.Assurance}: {report.Formal.Detail}");
        Assert.Equal(Assurance.Proven, report.Assurance);
        Assert.Contains("algebraic rewriting", report.Formal.Detail);
    }

    [Fact]
    public async Task A_transposed_fir_wrong_for_one_pair_of_consecutive_samples_is_refuted_at_that_pair()
    {
        // One pair of samples in 2^24 (simulation's random vectors miss it): the word proof does not close, and the
        // counterexample comes from SAT on the same unrolled cycles, replayed in simulation.
        var correct = Fir(0);
        const string tap = "    wire signed [17:0] prod0 = $signed(x) * 18'sd1;\n";
        Assert.Contains(tap, correct.Verilog);
        var mutant = correct with
        {
            Verilog = correct.Verilog.Replace(tap,
                "    reg [11:0] previous;\n    always @(posedge clk) previous <= rst ? 12'd0 : x;\n" +
                "    wire signed [17:0] prod0 = $signed(x) * 18'sd1 + (x == 12'h5a5 && previous == 12'h0f0 ? 18'sd64 : 18'sd0);\n", StringComparison.Ordinal),
        };
        var report = await judge.VerifyAsync(mutant, FormalMode.On);
        var inputs = string.Join("; ", report.Formal.Counterexample?.PrecedingInputs ?? []);
        output.WriteLine($"{report.Verdict} at {report.DecidedBy}: {report.Summary}; {report.Formal.Detail}; {inputs}");
        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.Equal(FormalStatus.Counterexample, report.Formal.Status);
        Assert.Contains("x=0x5a5", inputs);
    }
}
