using HwForge.Tools.Foundation;
using HwForge.Tools.Foundation.Caching;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sandbox;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs;
using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Catalog.Tests;

/// <summary>
/// The real judge for catalog tests: bubblewrap, a private HWFORGE_HOME in a temporary folder with its own
/// cache, deleted afterwards. Shared by the tests of a class, so tool versions are probed once.
/// </summary>
public sealed class CatalogJudge : IDisposable
{
    public CatalogJudge()
    {
        Home = new HwForgeHome(Directory.CreateTempSubdirectory("hwforge-catalog-test-").FullName);
        Host = new ToolHost(new BubblewrapSandbox(), Home, new ContentCache(Home.Cache));
        Versions = new ToolVersions(Host);
    }

    public HwForgeHome Home { get; }

    public ToolHost Host { get; }

    public ToolVersions Versions { get; }

    /// <summary>The generated design against its own reference, as <c>hwforge verify</c> would judge it.</summary>
    /// <param name="formalTimeout">The proof's budget (60 s unless given): a heavy proof on a machine busy with the
    /// other test assemblies needs more, and a budget run out is no verdict on the design.</param>
    internal Task<VerifyReport> VerifyAsync(GeneratedDesign design, FormalMode formal = FormalMode.Auto, int cycles = 300, TimeSpan? formalTimeout = null) =>
        new Verifier(Host, Versions).VerifyAsync(Request(design, formal, cycles) with { FormalTimeout = formalTimeout ?? TimeSpan.FromSeconds(60) });

    internal static VerifyRequest Request(GeneratedDesign design, FormalMode formal, int cycles) =>
        new([SourceLoader.FromText(design.DesignFileName, design.Verilog)], design.Top,
            [SourceLoader.FromText(design.ReferenceFileName, design.ReferenceVerilog)], design.ReferenceTop)
        {
            Clock = design.Clock,
            Reset = design.Reset,
            ResetActiveLow = design.Reset is null ? null : design.ResetActiveLow,
            Cycles = cycles,
            Formal = formal,
            FormalTimeout = TimeSpan.FromSeconds(60),
            // The machine is shared: a simulation starved of CPU must not be cut short (a cut trace reads as a mismatch).
            SimulationTimeout = TimeSpan.FromSeconds(120),
        };

    public void Dispose()
    {
        try { Directory.Delete(Home.Root, recursive: true); }
        catch (IOException) { }
    }
}
