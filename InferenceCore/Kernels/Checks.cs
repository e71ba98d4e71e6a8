namespace HwForge.InferenceCore.Kernels;

/// <summary>
/// Argument checks every set runs before touching memory: a wrong length is a caller's bug and must fail loudly,
/// never read past a row into the next tensor (the SIMD sets use unchecked pointers).
/// </summary>
internal static class Checks
{
    public static void MatMul(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> bias, Span<float> c, int m, int n, int k)
    {
        ShapeRules.Require(m > 0 && n > 0 && k > 0, $"matmul sizes must be positive, got m={m} n={n} k={k}");
        ShapeRules.Require(a.Length >= (long)m * k, $"A holds {a.Length} floats, needs m·k = {(long)m * k}");
        ShapeRules.Require(b.Length >= (long)k * n, $"B holds {b.Length} floats, needs k·n = {(long)k * n}");
        ShapeRules.Require(c.Length >= (long)m * n, $"C holds {c.Length} floats, needs m·n = {(long)m * n}");
        ShapeRules.Require(bias.IsEmpty || bias.Length >= n, $"bias holds {bias.Length} floats, needs n = {n}");
    }

    public static void SameLength(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> z) =>
        ShapeRules.Require(x.Length == z.Length && y.Length == z.Length, $"lengths differ: {x.Length}, {y.Length}, {z.Length}");

    public static void Rows(ReadOnlySpan<float> x, Span<float> y, int rows, int cols) =>
        ShapeRules.Require(rows > 0 && cols > 0 && x.Length >= (long)rows * cols && y.Length >= (long)rows * cols,
            $"rows×cols = {rows}×{cols} does not fit x ({x.Length}) and y ({y.Length})");

    public static void Rows(ReadOnlySpan<float> x, Span<float> y, int rows, int cols, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta)
    {
        Rows(x, y, rows, cols);
        ShapeRules.Require(gamma.Length >= cols && beta.Length >= cols, $"gamma/beta hold {gamma.Length}/{beta.Length}, need {cols}");
    }

    public static void Rope(Span<float> x, int tokens, int heads, int headDim) =>
        ShapeRules.Require(tokens > 0 && heads > 0 && headDim > 0 && headDim % 2 == 0 && x.Length >= (long)tokens * heads * headDim,
            $"rope of {tokens}×{heads}×{headDim} does not fit {x.Length} floats (head width must be even)");

    public static void Attention(ReadOnlySpan<float> q, ReadOnlySpan<float> k, ReadOnlySpan<float> v, Span<float> o, AttentionShape s)
    {
        ShapeRules.Require(s.IsValid, $"bad attention shape {s}");
        long qn = (long)s.Queries * s.Heads * s.HeadDim, kvn = (long)s.Keys * s.KvHeads * s.HeadDim;
        ShapeRules.Require(q.Length >= qn && o.Length >= qn && k.Length >= kvn && v.Length >= kvn, $"attention buffers too small for {s}");
    }

    public static void Embedding(ReadOnlySpan<float> table, int dim, ReadOnlySpan<int> ids, Span<float> y)
    {
        ShapeRules.Require(dim > 0 && y.Length >= (long)ids.Length * dim, $"embedding output holds {y.Length}, needs {(long)ids.Length * dim}");
        var vocab = table.Length / dim;
        foreach (var id in ids) ShapeRules.Require(id >= 0 && id < vocab, $"token id {id} is outside the table of {vocab} rows");
    }
}
