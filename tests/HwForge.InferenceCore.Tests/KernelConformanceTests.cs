using HwForge.InferenceCore.Kernels;
using HwForge.InferenceCore.Kernels.Simd;
using static HwForge.InferenceCore.Tests.Tolerance;

namespace HwForge.InferenceCore.Tests;

/// <summary>
/// ggml's test-backend-ops in miniature: every op of every shipped set, at 1 and 2 threads, against the double
/// precision reference on shapes that hit the edges (1, odd, ragged GEMM panels and K blocks, large).
/// </summary>
public class KernelConformanceTests
{
    public static TheoryData<string, int, Op> Cases()
    {
        var data = new TheoryData<string, int, Op>();
        foreach (var set in new[] { "simd512", "simd256" })
            foreach (var threads in new[] { 1, 2 })
                foreach (var op in Enum.GetValues<Op>()) data.Add(set, threads, op);
        return data;
    }

    // Per-op tolerance, scaled as in Tolerance.Within; GEMM's grows with √k below, as float rounding does.
    static readonly Dictionary<Op, double> Tol = new()
    {
        [Op.MatMul] = 2e-6, [Op.Add] = 1e-7, [Op.LayerNorm] = 1e-5, [Op.RmsNorm] = 1e-5, [Op.Softmax] = 1e-5,
        [Op.Gelu] = 2e-6, [Op.Silu] = 2e-6, [Op.SwiGlu] = 2e-6, [Op.Rope] = 1e-5, [Op.Attention] = 1e-5, [Op.Embedding] = 0,
    };

    static readonly (int M, int N, int K)[] MatMulShapes =
    [
        (1, 1, 1), (1, 384, 384), (1, 1000, 67), (1, 63, 1536), (2, 3, 4), (3, 5, 7), (7, 33, 17), (8, 32, 256),
        (9, 31, 257), (6, 16, 1), (16, 384, 384), (17, 65, 300), (33, 100, 513), (128, 384, 384), (64, 1536, 384),
        (128, 384, 1536), (200, 301, 129),
    ];

    static readonly (int Rows, int Cols)[] RowShapes = [(1, 1), (1, 7), (3, 17), (5, 384), (128, 384), (2, 1000), (1, 4099)];

    static readonly int[] Lengths = [1, 7, 15, 16, 17, 511, 512, 513, 1000, 49152 + 3];

    static readonly AttentionShape[] AttentionShapes =
    [
        new(1, 1, 1, 1, 1, false), new(1, 17, 4, 2, 8, true, 16), new(7, 7, 3, 3, 5, true), new(128, 128, 12, 12, 32, false),
        new(5, 20, 8, 2, 64, true, 15), new(1, 300, 8, 1, 64, true, 299), new(16, 16, 12, 12, 32, false), new(3, 9, 6, 3, 2, false),
        new(9, 20, 4, 2, 16, true, 11), new(33, 33, 6, 2, 64, true), new(8, 300, 2, 1, 8, false),
    ];

    static readonly System.Collections.Concurrent.ConcurrentDictionary<(Op, int), float[]> ReferenceAnswers = new();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_op_of_every_kernel_set_matches_the_reference(string setName, int threads, Op op)
    {
        var set = KernelSets.ByName(setName, threads);
        var reference = KernelSets.Reference;
        var failures = new List<string>();
        var index = 0;
        foreach (var (shape, tol, run) in CasesFor(op))
        {
            Assert.True(set.Supports(op, shape, DType.F32), $"{set.Name} does not support {op} {shape}");
            // The reference is the slow part; its answers are shared by the four set × thread cases.
            var want = ReferenceAnswers.GetOrAdd((op, index++), _ => run(reference));
            var got = run(set);
            var (ok, worst) = Within(want, got, tol);
            if (!ok) failures.Add($"{op} {shape}: {worst}");
        }
        Assert.True(failures.Count == 0, $"{set.Name}: " + string.Join("\n", failures));
    }

    static IEnumerable<(OpShape, double, Func<IKernelSet, float[]>)> CasesFor(Op op)
    {
        var tol = Tol[op];
        var seed = (int)op * 1000;
        switch (op)
        {
            case Op.MatMul:
                foreach (var (m, n, k) in MatMulShapes)
                {
                    float[] a = Random(m * k, ++seed), b = Random(k * n, ++seed), bias = Random(n, ++seed);
                    var withBias = (m + n) % 2 == 0;
                    yield return (new OpShape(m, n, k), tol * Math.Sqrt(k), s =>
                    {
                        var c = Random(m * n, 7, 50, 60); // garbage that must be overwritten, not accumulated into
                        s.MatMul(a, b, withBias ? bias : [], c, m, n, k);
                        return c;
                    });
                }
                break;
            case Op.Add:
                foreach (var n in Lengths)
                {
                    float[] x = Random(n, ++seed), y = Random(n, ++seed);
                    yield return (new OpShape(n), tol, s => { var z = new float[n]; s.Add(x, y, z); return z; });
                }
                break;
            case Op.LayerNorm or Op.RmsNorm:
                foreach (var (rows, cols) in RowShapes)
                {
                    // An offset mean, as residual streams have, exposes a one-pass variance.
                    float[] x = Random(rows * cols, ++seed, 2, 4), g = Random(cols, ++seed, 0.5f, 1.5f), b = Random(cols, ++seed);
                    yield return (new OpShape(rows, cols), tol, s =>
                    {
                        var y = new float[rows * cols];
                        if (op == Op.LayerNorm) s.LayerNorm(x, g, b, y, rows, cols, 1e-12f);
                        else s.RmsNorm(x, g, y, rows, cols, 1e-6f);
                        return y;
                    });
                }
                break;
            case Op.Softmax:
                foreach (var (rows, cols) in RowShapes)
                {
                    // Logits past 88 overflow exp in float unless the row maximum is subtracted first.
                    var x = Random(rows * cols, ++seed, -20, 100);
                    yield return (new OpShape(rows, cols), tol, s => { var y = new float[rows * cols]; s.Softmax(x, y, rows, cols); return y; });
                }
                break;
            case Op.Gelu or Op.Silu or Op.SwiGlu:
                foreach (var n in Lengths)
                {
                    float[] x = Random(n, ++seed, -12, 12), u = Random(n, ++seed, -3, 3);
                    yield return (new OpShape(n), tol, s =>
                    {
                        var y = new float[n];
                        if (op == Op.Gelu) s.Gelu(x, y);
                        else if (op == Op.Silu) s.Silu(x, y);
                        else s.SwiGlu(x, u, y);
                        return y;
                    });
                }
                break;
            case Op.Rope:
                foreach (var (tokens, heads, dim, first) in new[] { (1, 1, 2, 0), (1, 8, 64, 4000), (5, 3, 6, 7), (128, 12, 32, 0), (17, 4, 128, 100) })
                {
                    var x = Random(tokens * heads * dim, ++seed);
                    yield return (new OpShape(tokens, heads, dim), tol, s =>
                    {
                        var y = (float[])x.Clone();
                        s.Rope(y, tokens, heads, dim, first, 10000f);
                        return y;
                    });
                }
                break;
            case Op.Attention:
                foreach (var a in AttentionShapes)
                {
                    float[] q = Random(a.Queries * a.Heads * a.HeadDim, ++seed, -2, 2),
                        k = Random(a.Keys * a.KvHeads * a.HeadDim, ++seed, -2, 2), v = Random(a.Keys * a.KvHeads * a.HeadDim, ++seed);
                    yield return (a.ToOpShape(), tol, s =>
                    {
                        var o = new float[q.Length];
                        s.Attention(q, k, v, o, a);
                        return o;
                    });
                }
                break;
            case Op.Embedding:
                foreach (var (vocab, dim, count) in new[] { (1, 1, 1), (30522, 384, 128), (10, 7, 20) })
                {
                    var table = Random(vocab * dim, ++seed);
                    var ids = Enumerable.Range(0, count).Select(i => (i * 7919) % vocab).ToArray();
                    yield return (new OpShape(count, dim, vocab), tol, s => { var y = new float[count * dim]; s.Embedding(table, dim, ids, y); return y; });
                }
                break;
            default:
                throw new InvalidOperationException($"no conformance cases for {op}: add them here when adding the op");
        }
    }
}
