using HwForge.Tools.Judge;

namespace HwForge.Catalog.Tests;

/// <summary>Every architecture of every family, at a small size, passes the judge against its own reference.</summary>
public sealed class ArchitectureVariantTests(CatalogJudge judge) : IClassFixture<CatalogJudge>
{
    [Theory]
    [InlineData("ripple", false, 0)]
    [InlineData("carry_lookahead", false, 0)]
    [InlineData("kogge_stone", false, 0)]
    [InlineData("brent_kung", false, 0)]
    [InlineData("ripple", true, 1)]
    [InlineData("carry_lookahead", true, 2)]
    [InlineData("kogge_stone", true, 1)]
    [InlineData("brent_kung", true, 2)]
    public async Task Every_adder_architecture_is_proven_equal_to_its_reference(string architecture, bool signed, int pipeline)
    {
        // 11 bits: not a power of two, not a multiple of four, so the trees' and blocks' edges are exercised.
        var design = Generate("adder", ("width", 11), ("signed", signed), ("architecture", architecture), ("pipeline", pipeline));
        await AssertPasses(design, FormalMode.On, expectProof: true);
    }

    internal static GeneratedDesign Generate(string family, params (string, object)[] values) =>
        KernelCatalog.Find(family)!.Generate(KernelParameters.Of(values));

    private async Task AssertPasses(GeneratedDesign design, FormalMode formal, bool expectProof, int cycles = 300)
    {
        var report = await judge.VerifyAsync(design, formal, cycles);
        Assert.True(report.Passed, $"{design.Id}: {report.Verdict} at {report.DecidedBy}: {report.Summary}\n{design.Verilog}");
        if (expectProof) Assert.Contains(report.Formal.Status, new[] { FormalStatus.Proven, FormalStatus.Bounded });
    }
}
