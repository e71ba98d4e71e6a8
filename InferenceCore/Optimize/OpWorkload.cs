using HwForge.InferenceCore.Bench;
using HwForge.InferenceCore.Kernels;
using static HwForge.InferenceCore.Kernels.Conformance.Tolerance;

namespace HwForge.InferenceCore.Optimize;

/// <summary>
/// What a candidate is timed on: the calls the two models make of that op, at their real sizes (MiniLM at 128
/// tokens, a decode step of the benchmark decoder), so a kernel wins by being fast where the models spend time.
/// </summary>
internal static class OpWorkload
{
    public sealed record Call(string Size, Action<IKernelSet> Run);

    public static IReadOnlyList<Call> For(Op op)
    {
        switch (op)
        {
            case Op.MatMul:
                return [Gemm(128, 384, 384), Gemm(128, 1536, 384), Gemm(128, 384, 1536), Gemm(1, 1408, 512)];
            case Op.Add:
            {
                float[] x = Random(128 * 384, 1), y = Random(128 * 384, 2), z = new float[x.Length];
                return [new("49152", s => s.Add(x, y, z))];
            }
            case Op.LayerNorm:
            {
                float[] x = Random(128 * 384, 3), g = Random(384, 4), b = Random(384, 5), y = new float[x.Length];
                return [new("128x384", s => s.LayerNorm(x, g, b, y, 128, 384, 1e-12f))];
            }
            case Op.RmsNorm:
            {
                float[] x = Random(16 * 512, 6), g = Random(512, 7), y = new float[x.Length];
                return [new("16x512", s => s.RmsNorm(x, g, y, 16, 512, 1e-5f))];
            }
            case Op.Softmax:
            {
                float[] x = Random(12 * 128 * 128, 8, -10, 10), y = new float[x.Length];
                return [new("1536x128", s => s.Softmax(x, y, 12 * 128, 128))];
            }
            case Op.Gelu:
            {
                float[] x = Random(128 * 1536, 9, -6, 6), y = new float[x.Length];
                return [new("196608", s => s.Gelu(x, y))];
            }
            case Op.Silu:
            {
                float[] x = Random(16 * 1408, 10, -6, 6), y = new float[x.Length];
                return [new("22528", s => s.Silu(x, y))];
            }
            case Op.SwiGlu:
            {
                float[] g = Random(16 * 1408, 11, -6, 6), u = Random(16 * 1408, 12), y = new float[g.Length];
                return [new("22528", s => s.SwiGlu(g, u, y))];
            }
            case Op.Rope:
            {
                var x = Random(16 * 8 * 64, 13);
                return [new("16x8x64", s => s.Rope(x, 16, 8, 64, 100, 10000f))];
            }
            case Op.Attention:
            {
                var prefill = new AttentionShape(128, 128, 12, 12, 32, false);
                var decode = new AttentionShape(1, 200, 8, 2, 64, true, 199);
                float[] q = Random(128 * 384, 14), k = Random(128 * 384, 15), v = Random(128 * 384, 16), o = new float[q.Length];
                float[] dq = Random(512, 17), dk = Random(200 * 128, 18), dv = Random(200 * 128, 19), dout = new float[512];
                return [new("128x128 12 heads", s => s.Attention(q, k, v, o, prefill)), new("1x200 8/2 heads", s => s.Attention(dq, dk, dv, dout, decode))];
            }
            case Op.Embedding:
            {
                var table = Random(30522 * 384, 20);
                var ids = CoreBench.SyntheticIds(128, 30522);
                var y = new float[128 * 384];
                return [new("128 of 30522x384", s => s.Embedding(table, 384, ids, y))];
            }
            default:
                throw new InvalidOperationException($"no workload for {op}: add one here when adding the op");
        }
    }

    static Call Gemm(int m, int n, int k)
    {
        float[] a = Random(m * k, m + n), b = Random(k * n, n + k), bias = Random(n, k), c = new float[m * n];
        return new($"{m}x{n}x{k}", s => s.MatMul(a, b, bias, c, m, n, k));
    }
}
