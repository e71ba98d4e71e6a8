using HwForge.Tools.Foundation;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Programs;
using HwForge.Tools.Targets.Cuda;
using HwForge.Tools.Targets.Hls;
using HwForge.Tools.Targets.Hls.Catalog;
using HwForge.Tools.Targets.Rtl;
using HwForge.Tools.Targets.Rtl.Catalog;

namespace HwForge.Tools.Targets;

/// <summary>The targets a run may name. Adding a target adds one line to <see cref="Create"/>.</summary>
public sealed class TargetRegistry
{
    private readonly IReadOnlyList<ITarget> _targets;

    public TargetRegistry(IEnumerable<ITarget> targets)
    {
        _targets = [.. targets];
        var duplicate = _targets.GroupBy(t => t.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"two targets are named '{duplicate.Key}'");
    }

    /// <summary>The name a spec, job or request means when it names none.</summary>
    public const string DefaultName = "rtl";

    /// <summary>Every target HwForge ships, working through <paramref name="host"/>.</summary>
    public static TargetRegistry Create(ToolHost host, ToolVersions versions) => new(
    [
        new RtlTarget(host, versions),
        new HlsTarget(host, versions),
        new CudaTarget(host, versions),
    ]);

    /// <summary>The names of the targets HwForge ships, for checks that run before any tool is set up.</summary>
    public static IReadOnlyList<string> ShippedNames { get; } = [DefaultName, HlsTarget.TargetName, CudaTarget.TargetName];

    /// <summary>
    /// The options of each target HwForge ships, by target name: the CLI flags and jobs-file keys are built from
    /// these before any tool is set up. The same lists the targets return as <see cref="ITarget.Options"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<TargetOption>> ShippedOptions { get; } =
        new Dictionary<string, IReadOnlyList<TargetOption>>(StringComparer.OrdinalIgnoreCase)
        {
            [DefaultName] = RtlOptions.All,
            [HlsTarget.TargetName] = HlsOptions.All,
            [CudaTarget.TargetName] = CudaOptions.All,
        };

    /// <summary>
    /// The offline catalog of each target HwForge ships, by target name: a request is checked against it before any
    /// tool is set up (so before a run folder exists). The same catalogs the targets return as <see cref="ITarget.Catalog"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, IOfflineCatalog?> ShippedCatalogs { get; } =
        new Dictionary<string, IOfflineCatalog?>(StringComparer.OrdinalIgnoreCase)
        {
            [DefaultName] = RtlOfflineCatalog.Instance,
            [HlsTarget.TargetName] = HlsOfflineCatalog.Instance,
            [CudaTarget.TargetName] = CudaTarget.OfflineCatalog,
        };

    /// <summary>The offline catalog of a shipped target (the default one for no name); null for a target that has none or is not shipped.</summary>
    public static IOfflineCatalog? ShippedCatalog(string? name) =>
        ShippedCatalogs.TryGetValue(string.IsNullOrWhiteSpace(name) ? DefaultName : name.Trim(), out var catalog) ? catalog : null;

    /// <summary>The file kinds of each target HwForge ships, by target name, as the targets return them in <see cref="ITarget.FileKinds"/>.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<FileKind>> ShippedFileKinds { get; } =
        new Dictionary<string, IReadOnlyList<FileKind>>(StringComparer.OrdinalIgnoreCase)
        {
            [DefaultName] = RtlTarget.Kinds,
            [HlsTarget.TargetName] = HlsTarget.Kinds,
            [CudaTarget.TargetName] = CudaTarget.Kinds,
        };

    /// <summary>
    /// The kind of a file, by its extension, among the file kinds of the targets HwForge ships (the web UI highlights
    /// a candidate's code with it); null when no target reads such files.
    /// </summary>
    public static FileKind? ShippedFileKind(string fileName) =>
        ShippedFileKinds.Values.SelectMany(kinds => kinds).FirstOrDefault(k => string.Equals(k.Extension, Path.GetExtension(fileName), StringComparison.OrdinalIgnoreCase));

    public IReadOnlyList<ITarget> All => _targets;

    public ITarget Default => Get(DefaultName);

    /// <summary>The target of that name; an unknown name is a user's error naming the known ones.</summary>
    public ITarget Get(string? name)
    {
        var wanted = string.IsNullOrWhiteSpace(name) ? DefaultName : name.Trim();
        return _targets.FirstOrDefault(t => string.Equals(t.Name, wanted, StringComparison.OrdinalIgnoreCase))
            ?? throw new HwForgeException(ProblemKind.UnknownTarget,
                $"unknown target '{wanted}': the targets are {string.Join(", ", _targets.Select(t => t.Name))}");
    }
}
