namespace HwForge.InferenceCore.Kernels;

/// <summary>The operations a transformer needs; every kernel set is asked about each one (ggml's supports_op).</summary>
public enum Op
{
    /// <summary>C[m×n] = A[m×k]·B[k×n] + bias[n], row-major; GEMV is the m = 1 case. Shape (m, n, k).</summary>
    MatMul,
    /// <summary>z = x + y, element by element (residual connections). Shape (count).</summary>
    Add,
    /// <summary>Per row: (x − mean) / sqrt(var + eps) · gamma + beta. Shape (rows, cols).</summary>
    LayerNorm,
    /// <summary>Per row: x / sqrt(mean(x²) + eps) · gamma. Shape (rows, cols).</summary>
    RmsNorm,
    /// <summary>Per row, numerically stable (the row maximum is subtracted). Shape (rows, cols).</summary>
    Softmax,
    /// <summary>The exact (erf) GELU that BERT uses, not the tanh approximation. Shape (count).</summary>
    Gelu,
    /// <summary>x · sigmoid(x). Shape (count).</summary>
    Silu,
    /// <summary>silu(gate) · up, the llama feed-forward gate. Shape (count).</summary>
    SwiGlu,
    /// <summary>Rotary position embedding on adjacent pairs (2i, 2i+1), as ggml's default mode. Shape (tokens, heads, headDim).</summary>
    Rope,
    /// <summary>Scaled dot-product attention over a key/value cache, grouped-query capable. Shape (queries, keys, heads, kvHeads, headDim).</summary>
    Attention,
    /// <summary>Rows of a table gathered by token id. Shape (ids, dim, vocab).</summary>
    Embedding,
}

/// <summary>Element types; only F32 is served today, the others are named so a kernel set can refuse them.</summary>
public enum DType { F32, F16, Int8 }

/// <summary>The sizes of one op's call, in the order its <see cref="Op"/> documents.</summary>
public sealed record OpShape(params int[] Dims)
{
    public override string ToString() => string.Join('×', Dims);
}
