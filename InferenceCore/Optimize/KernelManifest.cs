using HwForge.InferenceCore.Kernels;

namespace HwForge.InferenceCore.Optimize;

/// <summary>One op's winner as the manifest records it, with the figure that chose it.</summary>
public sealed record ManifestEntry(Op Op, KernelChoice Choice, double? Milliseconds, double? ShippedMilliseconds, string Origin);

/// <summary>The whole model re-verified and re-timed on the manifest's kernels before it was applied.</summary>
public sealed record EndToEndCheck(double MiniLmWorstDifference, double DecoderWorstDifference, bool Passed,
    double ShippedMiniLmMs, double ManifestMiniLmMs, double ShippedDecodeMs, double ManifestDecodeMs);

/// <summary>
/// The kernels <c>core optimize</c> chose, one per op, for one machine at one thread count. Stored under its own
/// content hash (<see cref="ManifestStore"/>), so a manifest is never changed in place and a run can name exactly
/// the one it applied.
/// </summary>
public sealed record KernelManifest(string Format, string Cpu, int Threads, IReadOnlyList<ManifestEntry> Entries, EndToEndCheck? EndToEnd, string? Run, DateTimeOffset Created)
{
    public const string CurrentFormat = "hwforge-kernel-manifest/1";

    public KernelChoice ChoiceFor(Op op) => Entries.FirstOrDefault(e => e.Op == op)?.Choice ?? KernelChoice.Shipped;
}
