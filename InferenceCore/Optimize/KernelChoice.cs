using HwForge.InferenceCore.Kernels.Native;

namespace HwForge.InferenceCore.Optimize;

/// <summary>
/// Which kernel serves an op: a shipped set by name ("reference", "simd512", "simd256"), or "native" with the
/// variant it was built from. A value, so the catalog, the judge, the manifest and <c>core kernels</c> all speak of
/// a candidate the same way.
/// </summary>
public sealed record KernelChoice(string Set, NativeVariant? Variant = null)
{
    public static KernelChoice Reference { get; } = new("reference");

    /// <summary>What serves every op when no manifest is applied.</summary>
    public static KernelChoice Shipped { get; } = new("simd512");

    public static KernelChoice Native(NativeVariant variant) => new("native", variant);

    public override string ToString() => Variant is null ? Set : $"{Set} {Variant}";
}
