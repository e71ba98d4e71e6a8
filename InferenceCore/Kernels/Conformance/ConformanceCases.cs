using static HwForge.InferenceCore.Kernels.Conformance.Tolerance;

namespace HwForge.InferenceCore.Kernels.Conformance;

/// <summary>
/// ggml's test-backend-ops cases in miniature: per op, shapes that hit the edges (1, odd, ragged GEMM panels and K
/// blocks, GQA, causal with an offset, large) and a per-op tolerance, scaled as in <see cref="Tolerance.Within"/>.
/// The conformance test and <c>core optimize</c>'s judge both use these, so a kernel the search applies has passed
/// exactly what a shipped set passes.
/// </summary>
internal static class ConformanceCases
{
    // GEMM's tolerance grows with √k below, as float rounding does.
    static readonly Dictionary<Op, double> Tol = new()
    {
        [Op.MatMul] = 2e-6, [Op.Add] = 1e-7, [Op.LayerNorm] = 1e-5, [Op.RmsNorm] = 1e-5, [Op.Softmax] = 1e-5,
        [Op.Gelu] = 2e-6, [Op.Silu] = 2e-6, [Op.SwiGlu] = 2e-6, [Op.Rope] = 1e-5, [Op.Attention] = 1e-5, [Op.Embedding] = 0,
    };

    static readonly (int M, int N, int K)[] MatMulShapes =
    [
        (1, 1, 1), (1, 384, 384), (1, 1000, 67), (1, 63, 1536), (2, 3, 4), (3, 5, 7), (7, 33, 17), (8, 32, 256),
        (9, 31, 257), (6, 16, 1), (16, 384, 384), (17, 65, 300), (33, 100, 513), (128, 384, 384), (64, 1536, 384),
        (128, 384, 1536), (200, 301, 129), (97, 2100, 70),
    ];

    static readonly (int Rows, int Cols)[] RowShapes = [(1, 1), (1, 7), (3, 17), (5, 384), (128, 384), (2, 1000), (1, 4099)];

    static readonly int[] Lengths = [1, 7, 15, 16, 17, 511, 512, 513, 1000, 49152 + 3];

    static readonly AttentionShape[] AttentionShapes =
    [
        new(1, 1, 1, 1, 1, false), new(1, 17, 4, 2, 8, true, 16), new(7, 7, 3, 3, 5, true), new(128, 128, 12, 12, 32, false),
        new(5, 20, 8, 2, 64, true, 15), new(1, 300, 8, 1, 64, true, 299), new(16, 16, 12, 12, 32, false), new(3, 9, 6, 3, 2, false),
        new(9, 20, 4, 2, 16, true, 11), new(33, 33, 6, 2, 64, true), new(8, 300, 2, 1, 8, false),
    ];

    public static IEnumerable<ConformanceCase> For(Op op)
    {
        var tol = Tol[op];
        var seed = (int)op * 1000;
        switch (op)
        {
            case Op.MatMul:
                foreach (var (m, n, k) in MatMulShapes)
                {
                    float[] a = Random(m * k, ++seed), b = Random(k * n, ++seed), bias = (m + n) % 2 == 0 ? Random(n, ++seed) : [];
                    yield return new(op, new OpShape(m, n, k), tol * Math.Sqrt(k), [m, n, k], [], [a, b, bias, Random(m * n, 7, 50, 60)]);
                }
                break;
            case Op.Add:
                foreach (var n in Lengths) yield return new(op, new OpShape(n), tol, [n], [], [Random(n, ++seed), Random(n, ++seed)]);
                break;
            case Op.LayerNorm or Op.RmsNorm:
                foreach (var (rows, cols) in RowShapes)
                {
                    // An offset mean, as residual streams have, exposes a one-pass variance.
                    float[] x = Random(rows * cols, ++seed, 2, 4), g = Random(cols, ++seed, 0.5f, 1.5f), b = Random(cols, ++seed);
                    yield return op == Op.LayerNorm
                        ? new(op, new OpShape(rows, cols), tol, [rows, cols], [1e-12f], [x, g, b])
                        : new(op, new OpShape(rows, cols), tol, [rows, cols], [1e-6f], [x, g]);
                }
                break;
            case Op.Softmax:
                // Logits past 88 overflow exp in float unless the row maximum is subtracted first.
                foreach (var (rows, cols) in RowShapes)
                    yield return new(op, new OpShape(rows, cols), tol, [rows, cols], [], [Random(rows * cols, ++seed, -20, 100)]);
                break;
            case Op.Gelu or Op.Silu or Op.SwiGlu:
                foreach (var n in Lengths)
                {
                    float[] x = Random(n, ++seed, -12, 12), u = Random(n, ++seed, -3, 3);
                    yield return new(op, new OpShape(n), tol, [n], [], op == Op.SwiGlu ? [x, u] : [x]);
                }
                break;
            case Op.Rope:
                foreach (var (tokens, heads, dim, first) in new[] { (1, 1, 2, 0), (1, 8, 64, 4000), (5, 3, 6, 7), (128, 12, 32, 0), (17, 4, 128, 100) })
                    yield return new(op, new OpShape(tokens, heads, dim), tol, [tokens, heads, dim, first], [10000f], [Random(tokens * heads * dim, ++seed)]);
                break;
            case Op.Attention:
                foreach (var a in AttentionShapes)
                {
                    float[] q = Random(a.Queries * a.Heads * a.HeadDim, ++seed, -2, 2),
                        k = Random(a.Keys * a.KvHeads * a.HeadDim, ++seed, -2, 2), v = Random(a.Keys * a.KvHeads * a.HeadDim, ++seed);
                    yield return new(op, a.ToOpShape(), tol, ConformanceCase.ArgsOf(a), [], [q, k, v]);
                }
                break;
            case Op.Embedding:
                foreach (var (vocab, dim, count) in new[] { (1, 1, 1), (30522, 384, 128), (10, 7, 20) })
                {
                    var ids = Enumerable.Range(0, count).Select(i => (float)(i * 7919 % vocab)).ToArray();
                    yield return new(op, new OpShape(count, dim, vocab), tol, [count, dim, vocab], [], [Random(vocab * dim, ++seed), ids]);
                }
                break;
            default:
                throw new InvalidOperationException($"no conformance cases for {op}: add them here when adding the op");
        }
    }
}
