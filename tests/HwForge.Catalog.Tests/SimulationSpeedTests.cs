using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl.Judge;
using Xunit.Abstractions;

namespace HwForge.Catalog.Tests;

/// <summary>
/// The catalog's widest designs pass <c>hwforge verify</c> under its default limits: 1000 vectors and
/// 30 s a simulation. A prefix tree written as one wide vector driven bit by bit made Icarus wake every
/// reader of the vector on every bit's change (the 32-bit Kogge-Stone adder needed ~24 s of its 30).
/// </summary>
public sealed class SimulationSpeedTests(CatalogJudge judge, ITestOutputHelper output) : IClassFixture<CatalogJudge>
{
    /// <remarks>
    /// Adders get every default, the proof included; a 16-bit multiplier's proof can take the whole
    /// formal budget, which says nothing about its simulation, so multipliers are simulated only.
    /// </remarks>
    [Theory]
    [InlineData("adder", "kogge_stone", 32, FormalMode.Auto)]
    [InlineData("adder", "kogge_stone", 64, FormalMode.Auto)]
    [InlineData("adder", "brent_kung", 32, FormalMode.Auto)]
    [InlineData("adder", "brent_kung", 64, FormalMode.Auto)]
    [InlineData("multiplier", "booth_radix4", 16, FormalMode.Off)]
    [InlineData("multiplier", "array", 16, FormalMode.Off)]
    [InlineData("multiplier", "wallace", 16, FormalMode.Off)]
    [InlineData("multiplier", "dadda", 16, FormalMode.Off)]
    public async Task A_wide_catalog_design_passes_verify_within_the_default_simulation_limit(string family, string architecture, int width, FormalMode formal)
    {
        var design = ArchitectureVariantTests.Generate(family, ("width", width), ("architecture", architecture));
        var request = new VerifyRequest([SourceLoader.FromText(design.DesignFileName, design.Verilog)], design.Top,
            [SourceLoader.FromText(design.ReferenceFileName, design.ReferenceVerilog)], design.ReferenceTop) { Formal = formal };
        var report = await new Verifier(judge.Host, judge.Versions).VerifyAsync(request);

        Assert.True(report.Passed, $"{design.Id}: {report.Summary}");
        var simulation = report.Stages.Single(s => s.Stage == StageName.Simulation);
        output.WriteLine($"{design.Id}: {report.Verdict}; simulation of {request.Cycles} vectors {simulation.Duration.TotalSeconds:0.00} s " +
                         $"(limit {request.SimulationTimeout.TotalSeconds:0} s); whole verify {report.Elapsed.TotalSeconds:0.00} s; formal {report.Formal.Status}");
    }
}
