namespace HwForge.InferenceCore.Kernels;

/// <summary>
/// A backend in ggml's sense: one implementation of every op, which says up front what it can serve.
/// Models ask a set before they call it; the reference set supports everything
/// and is the oracle every other set is tested against. Tensors are row-major float spans; callers own the memory.
/// </summary>
public interface IKernelSet
{
    /// <summary>A short stable name ("reference", "simd512") used in benchmarks and the conformance test.</summary>
    string Name { get; }

    /// <summary>The threads a call may use; benchmarks compare sets at the same count.</summary>
    int Threads { get; }

    bool Supports(Op op, OpShape shape, DType dtype);

    /// <summary>C[m×n] = A[m×k]·B[k×n] (+ bias[n] when bias is not empty).</summary>
    void MatMul(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> bias, Span<float> c, int m, int n, int k);

    void Add(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> z);

    void LayerNorm(ReadOnlySpan<float> x, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, Span<float> y, int rows, int cols, float eps);

    void RmsNorm(ReadOnlySpan<float> x, ReadOnlySpan<float> gamma, Span<float> y, int rows, int cols, float eps);

    void Softmax(ReadOnlySpan<float> x, Span<float> y, int rows, int cols);

    void Gelu(ReadOnlySpan<float> x, Span<float> y);

    void Silu(ReadOnlySpan<float> x, Span<float> y);

    void SwiGlu(ReadOnlySpan<float> gate, ReadOnlySpan<float> up, Span<float> y);

    /// <summary>Rotates x [tokens, heads·headDim] in place; token t is at position firstPosition + t.</summary>
    void Rope(Span<float> x, int tokens, int heads, int headDim, int firstPosition, float theta);

    /// <summary>output [queries, heads·headDim] = softmax(Q·Kᵀ·scale) · V, over the first shape.Keys rows of k and v.</summary>
    void Attention(ReadOnlySpan<float> q, ReadOnlySpan<float> k, ReadOnlySpan<float> v, Span<float> output, AttentionShape shape);

    /// <summary>y[i] = table[ids[i]] for a table of rows of length dim.</summary>
    void Embedding(ReadOnlySpan<float> table, int dim, ReadOnlySpan<int> ids, Span<float> y);
}
