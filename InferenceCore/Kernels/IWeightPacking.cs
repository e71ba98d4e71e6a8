namespace HwForge.InferenceCore.Kernels;

/// <summary>
/// A weight matrix B [k×n] packed once into the layout one set's GEMM reads, so a model's every call skips the
/// packing that <see cref="IKernelSet.MatMul"/> does per call (at 16 tokens, a large part of MiniLM's time).
/// Only the set that packed it can read it: the layout depends on that set's tile and blocks.
/// </summary>
public sealed class PackedWeights(object owner, float[] data, int k, int n)
{
    internal object Owner { get; } = owner;
    internal float[] Data { get; } = data;
    public int K { get; } = k;
    public int N { get; } = n;
}

/// <summary>What a set that can pre-pack weights adds; models use it when the set serving MatMul offers it.</summary>
public interface IWeightPacking
{
    PackedWeights Pack(ReadOnlySpan<float> b, int k, int n);

    /// <summary>C[m×n] = A[m×k]·B + bias, B packed by this set; the same result as <see cref="IKernelSet.MatMul"/>.</summary>
    void MatMul(ReadOnlySpan<float> a, PackedWeights b, ReadOnlySpan<float> bias, Span<float> c, int m);
}
