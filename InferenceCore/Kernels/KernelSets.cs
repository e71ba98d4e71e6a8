using HwForge.InferenceCore.Kernels.Reference;
using HwForge.InferenceCore.Kernels.Simd;

namespace HwForge.InferenceCore.Kernels;

/// <summary>The kernel sets that ship with HwForge; the conformance test and the benchmark walk this list.</summary>
public static class KernelSets
{
    public static IKernelSet Reference { get; } = new ReferenceKernels();

    /// <summary>Every shipped set at the given thread count, reference first.</summary>
    public static IReadOnlyList<IKernelSet> All(int threads) =>
        [Reference, new ManagedSimdKernels(threads, 512), new ManagedSimdKernels(threads, 256)];

    /// <summary>A set by the name a user types ("reference", "simd512", "simd256").</summary>
    public static IKernelSet ByName(string name, int threads) => name switch
    {
        "reference" => Reference,
        "simd512" or "simd" => new ManagedSimdKernels(threads, 512),
        "simd256" => new ManagedSimdKernels(threads, 256),
        _ => throw new ArgumentException($"unknown kernel set '{name}': reference | simd512 | simd256 | native | auto"),
    };
}
