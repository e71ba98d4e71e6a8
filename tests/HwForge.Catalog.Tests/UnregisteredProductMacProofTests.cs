using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl.Judge;
using Xunit.Abstractions;

namespace HwForge.Catalog.Tests;

/// <summary>
/// 16-bit signed MACs whose product is not registered before the accumulator (pipeline 0) or is registered from a
/// multiplier of the catalog's own (pipeline 1), against the reference's <c>a * b</c>. No product bit can be matched
/// alone and the 40-bit accumulator's word through two different multipliers is past rewriting, so the proof must
/// first merge the product words (named wires, proven equal as wholes by algebraic rewriting), then the accumulators.
/// </summary>
public sealed class UnregisteredProductMacProofTests(CatalogJudge judge, ITestOutputHelper output) : IClassFixture<CatalogJudge>
{
    /// <summary>The proofs take 8–25 s alone; CI runs the other test assemblies beside them on two cores.</summary>
    private static readonly TimeSpan ProofBudget = TimeSpan.FromSeconds(240);

    private static GeneratedDesign Mac(int pipeline, string multiplier) =>
        ArchitectureVariantTests.Generate("mac", ("width", 16), ("signed", true), ("pipeline", pipeline), ("multiplier", multiplier));

    [Theory]
    [InlineData(0, "array")]
    [InlineData(1, "booth_radix4")]
    public async Task A_16_bit_signed_mac_with_a_multiplier_of_the_catalog_and_no_operand_registers_is_proven(int pipeline, string multiplier)
    {
        var report = await judge.VerifyAsync(Mac(pipeline, multiplier), FormalMode.On, formalTimeout: ProofBudget);
        output.WriteLine($"{report.Verdict} {report.Assurance}: {report.Summary}; {report.Formal.Detail} ({report.Stages.Where(s => s.Stage == StageName.Formal).Sum(s => s.Duration.TotalSeconds):0.0} s)");
        Assert.Equal(Assurance.Proven, report.Assurance);
        Assert.Contains("proven equal by algebraic rewriting and merged", report.Formal.Detail);
    }

    [Fact]
    public async Task The_same_mac_wrong_for_one_operand_pair_after_its_multiplier_is_refuted_at_that_pair()
    {
        // The multiplier's own output still equals a * b and is merged; the product the accumulator adds is not, for one pair.
        var correct = Mac(0, "array");
        var mutant = correct with { Verilog = OnePairWrong(correct.Verilog, correct.Top) };
        Assert.NotEqual(correct.Verilog, mutant.Verilog);
        var report = await judge.VerifyAsync(mutant, FormalMode.On, formalTimeout: ProofBudget);
        output.WriteLine($"{report.Verdict} at {report.DecidedBy}: {report.Summary}; {report.Formal.Detail}; {string.Join("; ", report.Formal.Counterexample?.PrecedingInputs ?? [])}");
        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.Equal(FormalStatus.Counterexample, report.Formal.Status);
        Assert.Contains("a=0xbeef b=0x1234", string.Join("; ", report.Formal.Counterexample?.PrecedingInputs ?? []));
    }

    private static string OnePairWrong(string verilog, string top) => verilog.Replace(
        $"    {top}_mul mul (.x(a), .y(b), .p(m));",
        $"    wire [31:0] m0;\n    {top}_mul mul (.x(a), .y(b), .p(m0));\n    assign m = m0 ^ {{1'b0, a == 16'hBEEF && b == 16'h1234, 30'b0}};", StringComparison.Ordinal);
}
