using HwForge.Tools.Foundation;
using HwForge.Tools.Targets.Rtl.Catalog.Generators;

namespace HwForge.Tools.Targets.Rtl.Catalog;

/// <summary>Every kernel family HwForge can generate without a language model.</summary>
internal static class KernelCatalog
{
    /// <summary>The target whose designs the generators write (the catalog is the RTL target's offline catalog).</summary>
    public const string Target = "rtl";

    public static IReadOnlyList<IKernelGenerator> All { get; } =
    [
        new AdderGenerator(),
        new MultiplierGenerator(),
        new MacGenerator(),
        new DotProductGenerator(),
        new FirGenerator(),
        new FifoGenerator(),
        new CounterGenerator(),
        new SequenceDetectorGenerator(),
        new GemmTileGenerator(),
    ];

    public static IKernelGenerator? Find(string family) =>
        All.FirstOrDefault(g => string.Equals(g.Family, family.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The design of a family with the given values (defaults for the rest).</summary>
    public static GeneratedDesign Generate(string family, KernelParameters parameters) =>
        (Find(family) ?? throw new HwForgeException(ProblemKind.InvalidInput, $"no catalog family '{family}'; the catalog has {string.Join(", ", All.Select(g => g.Family))}"))
            .Generate(parameters);
}
