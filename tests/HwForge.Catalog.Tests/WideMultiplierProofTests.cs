using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl.Judge;
using Xunit.Abstractions;

namespace HwForge.Catalog.Tests;

/// <summary>
/// 16×16 multipliers of every structure against Yosys's own: 32 input bits, past enumeration and, for two
/// different structures, past SAT. Algebraic rewriting of the product word proves each in a few seconds (the model export included).
/// </summary>
public sealed class WideMultiplierProofTests(CatalogJudge judge, ITestOutputHelper output) : IClassFixture<CatalogJudge>
{
    [Theory]
    [InlineData("array", false)]
    [InlineData("array", true)]
    [InlineData("booth_radix4", false)]
    [InlineData("booth_radix4", true)]
    [InlineData("wallace", false)]
    [InlineData("wallace", true)]
    [InlineData("dadda", false)]
    [InlineData("dadda", true)]
    public async Task A_16_bit_multiplier_of_any_structure_is_proven_by_rewriting_its_product_word(string architecture, bool signed)
    {
        var design = ArchitectureVariantTests.Generate("multiplier", ("width", 16), ("signed", signed), ("architecture", architecture), ("pipeline", 0));
        var report = await judge.VerifyAsync(design, FormalMode.On);
        output.WriteLine($"{report.Verdict} {report.Assurance}: {report.Formal.Detail} ({report.Stages.Where(s => s.Stage == StageName.Formal).Sum(s => s.Duration.TotalSeconds):0.0} s)");
        Assert.Equal(Assurance.Proven, report.Assurance);
        Assert.Contains("algebraic rewriting", report.Formal.Detail);
    }

    [Theory]
    [InlineData("array", false)]
    [InlineData("dadda", true)]
    public async Task A_16_bit_multiplier_wrong_for_a_single_input_pair_of_four_billion_is_refuted_at_that_pair(string architecture, bool signed)
    {
        // Random simulation misses it (2^-32 a vector), so the proof must find it: the rewritten polynomial is not
        // zero, and its least monomial names the pair.
        var correct = ArchitectureVariantTests.Generate("multiplier", ("width", 16), ("signed", signed), ("architecture", architecture), ("pipeline", 0));
        var mutant = correct with
        {
            Verilog = correct.Verilog.Replace("    assign p = m;", "    assign p = m ^ {31'b0, a == 16'hBEEF && b == 16'h1234};", StringComparison.Ordinal),
        };
        Assert.NotEqual(correct.Verilog, mutant.Verilog);
        var report = await judge.VerifyAsync(mutant, FormalMode.On);
        var inputs = string.Join("; ", report.Formal.Counterexample?.PrecedingInputs ?? []);
        output.WriteLine($"{report.Verdict}: {report.Formal.Detail}; {inputs}");
        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.Equal(FormalStatus.Counterexample, report.Formal.Status);
        Assert.Contains("a=0xbeef b=0x1234", inputs);
    }
}
