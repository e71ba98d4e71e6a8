using HwForge.Tools.Targets.Rtl.Judge;
using Xunit.Abstractions;

namespace HwForge.Catalog.Tests;

/// <summary>Every architecture of every family, at a small size, passes the judge against its own reference.</summary>
public sealed class ArchitectureVariantTests(CatalogJudge judge, ITestOutputHelper output) : IClassFixture<CatalogJudge>
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

    [Theory]
    [InlineData("array", false, 0)]
    [InlineData("array", true, 1)]
    [InlineData("booth_radix4", false, 0)]
    [InlineData("booth_radix4", true, 2)]
    [InlineData("wallace", false, 1)]
    [InlineData("wallace", true, 0)]
    [InlineData("dadda", false, 2)]
    [InlineData("dadda", true, 0)]
    public async Task Every_multiplier_architecture_is_proven_equal_to_its_reference(string architecture, bool signed, int pipeline)
    {
        // 5 bits: odd, so Booth's last digit and the trees' uneven columns are exercised; small enough for a proof.
        var design = Generate("multiplier", ("width", 5), ("signed", signed), ("architecture", architecture), ("pipeline", pipeline));
        await AssertPasses(design, FormalMode.On, expectProof: true);
    }

    [Theory]
    [InlineData("operator", true, 0)]
    [InlineData("array", false, 1)]
    [InlineData("booth_radix4", true, 2)]
    [InlineData("wallace", true, 1)]
    [InlineData("dadda", false, 2)]
    public async Task Every_mac_pipeline_and_multiplier_passes_the_judge(string multiplier, bool signed, int pipeline)
    {
        var design = Generate("mac", ("width", 4), ("signed", signed), ("guard_bits", 4), ("pipeline", pipeline), ("multiplier", multiplier));
        Assert.Equal(pipeline + 1, design.LatencyCycles);
        await AssertPasses(design, FormalMode.Auto, expectProof: false);
    }

    [Theory]
    [InlineData("tree", true, 0)]
    [InlineData("chain", true, 1)]
    [InlineData("tree", false, 2)]
    [InlineData("chain", false, 0)]
    public async Task Every_dot_product_reduction_passes_the_judge(string reduction, bool signed, int pipeline)
    {
        var design = Generate("dot_product", ("lanes", 3), ("width", 4), ("signed", signed), ("reduction", reduction), ("pipeline", pipeline));
        await AssertPasses(design, pipeline == 0 ? FormalMode.On : FormalMode.Auto, expectProof: pipeline == 0);
    }

    [Theory]
    [InlineData("direct", 0, true)]
    [InlineData("direct", 1, false)]
    [InlineData("direct", 2, true)]
    [InlineData("transposed", 0, true)]
    [InlineData("transposed", 1, true)]
    [InlineData("transposed", 2, false)]
    public async Task Every_fir_form_and_pipeline_passes_the_judge(string architecture, int pipeline, bool signed)
    {
        var design = Generate("fir", ("taps", 4), ("width", 6), ("signed", signed), ("coefficients", "3,-1,0,5"), ("architecture", architecture), ("pipeline", pipeline));
        await AssertPasses(design, FormalMode.Auto, expectProof: false);
    }

    [Theory]
    [InlineData("count_register")]
    [InlineData("wrap_pointers")]
    public async Task Every_fifo_architecture_passes_the_judge(string architecture)
    {
        var design = Generate("fifo", ("depth", 4), ("width", 4), ("architecture", architecture));
        await AssertPasses(design, FormalMode.Auto, expectProof: false, cycles: 600);
    }

    [Theory]
    [InlineData("toggle_chain", 10)]
    [InlineData("toggle_chain", 16)]
    [InlineData("one_hot", 6)]
    public async Task Every_counter_architecture_passes_the_judge(string architecture, int modulus)
    {
        var design = Generate("counter", ("modulus", modulus), ("architecture", architecture));
        await AssertPasses(design, FormalMode.Auto, expectProof: true);
    }

    [Theory]
    [InlineData("binary", "1011", true)]
    [InlineData("one_hot", "1011", false)]
    [InlineData("gray", "110", true)]
    [InlineData("binary", "000", false)]
    [InlineData("one_hot", "1", true)]
    public async Task Every_fsm_encoding_passes_the_judge(string encoding, string pattern, bool overlapping)
    {
        var design = Generate("fsm", ("pattern", pattern), ("overlapping", overlapping), ("encoding", encoding));
        await AssertPasses(design, FormalMode.Auto, expectProof: true, cycles: 600);
    }

    [Theory]
    [InlineData("operator", true)]
    [InlineData("booth_radix4", true)]
    [InlineData("wallace", false)]
    public async Task Every_gemm_tile_multiplier_passes_the_judge(string multiplier, bool signed)
    {
        var design = Generate("gemm_tile", ("rows", 2), ("cols", 3), ("width", 4), ("signed", signed), ("acc_width", 12), ("multiplier", multiplier));
        await AssertPasses(design, FormalMode.Auto, expectProof: false);
    }

    internal static GeneratedDesign Generate(string family, params (string, object)[] values) =>
        KernelCatalog.Find(family)!.Generate(KernelParameters.Of(values));

    private async Task AssertPasses(GeneratedDesign design, FormalMode formal, bool expectProof, int cycles = 300)
    {
        var report = await judge.VerifyAsync(design, formal, cycles);
        output.WriteLine($"{design.Id}: {report.Verdict}, formal {report.Formal.Status}: {report.Formal.Detail} ({report.Elapsed.TotalSeconds:0.0} s)");
        Assert.True(report.Passed, $"{design.Id}: {report.Verdict} at {report.DecidedBy}: {report.Summary}\n{design.Verilog}");
        if (expectProof) Assert.Contains(report.Formal.Status, new[] { FormalStatus.Proven, FormalStatus.Bounded });
    }
}
