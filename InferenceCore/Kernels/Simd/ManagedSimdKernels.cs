using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace HwForge.InferenceCore.Kernels.Simd;

/// <summary>
/// The managed SIMD set: a packed, blocked, multi-threaded GEMM with Vector512 (or Vector256) micro-kernels, and
/// System.Numerics.Tensors for the row-wise ops, where its vectorised Exp/Sigmoid/Sum are already as good as a
/// hand-written loop. The vector width only changes the GEMM: TensorPrimitives always picks the widest the CPU has.
/// </summary>
public sealed unsafe partial class ManagedSimdKernels : IKernelSet
{
    readonly PackedGemm _gemm;
    readonly bool _wide;

    /// <param name="threads">Threads every call may use (1 runs inline, without the thread pool).</param>
    /// <param name="vectorBits">512 or 256; 512 falls back to 256 where the CPU lacks AVX-512.</param>
    public ManagedSimdKernels(int threads = 1, int vectorBits = 512)
    {
        ShapeRules.Require(threads >= 1, $"threads must be at least 1, got {threads}");
        ShapeRules.Require(vectorBits is 512 or 256, $"vector width is 512 or 256 bits, got {vectorBits}");
        Threads = threads;
        _wide = vectorBits == 512 && Vector512.IsHardwareAccelerated;
        _gemm = new PackedGemm(_wide, threads);
    }

    public string Name => (_wide ? "simd512" : "simd256") + (Threads > 1 ? $"x{Threads}" : "");
    public int Threads { get; }

    public bool Supports(Op op, OpShape shape, DType dtype) =>
        dtype == DType.F32 && ShapeRules.IsWellFormed(op, shape) && (_wide || Vector256.IsHardwareAccelerated);

    public void MatMul(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> bias, Span<float> c, int m, int n, int k)
    {
        Checks.MatMul(a, b, bias, c, m, n, k);
        var cm = c[..(m * n)];
        for (var i = 0; i < m; i++)
            if (bias.IsEmpty) cm.Slice(i * n, n).Clear();
            else bias[..n].CopyTo(cm.Slice(i * n, n));
        fixed (float* ap = a, bp = b, cp = c)
        {
            // One row cannot fill an 8-row panel: a decode step reads each weight once, so it is a bandwidth
            // problem and streams B directly instead of packing it.
            if (m == 1 && _wide) Gemv(ap, bp, cp, n, k);
            else _gemm.Accumulate(ap, bp, cp, m, n, k);
        }
    }

    void Gemv(float* x, float* b, float* y, int n, int k)
    {
        const int W = 64; // four zmm accumulators per column block
        nint xp = (nint)x, bp = (nint)b, yp = (nint)y;
        WorkSplit.For(Threads, (n + W - 1) / W, (from, to) =>
        {
            float* xs = (float*)xp, bs = (float*)bp, ys = (float*)yp;
            for (var blk = from; blk < to; blk++)
            {
                var j0 = blk * W;
                if (j0 + W <= n)
                {
                    Vector512<float> a0 = Vector512.Load(ys + j0), a1 = Vector512.Load(ys + j0 + 16),
                        a2 = Vector512.Load(ys + j0 + 32), a3 = Vector512.Load(ys + j0 + 48);
                    for (var p = 0; p < k; p++)
                    {
                        var s = Vector512.Create(xs[p]);
                        var row = bs + (long)p * n + j0;
                        a0 = Vector512.FusedMultiplyAdd(s, Vector512.Load(row), a0);
                        a1 = Vector512.FusedMultiplyAdd(s, Vector512.Load(row + 16), a1);
                        a2 = Vector512.FusedMultiplyAdd(s, Vector512.Load(row + 32), a2);
                        a3 = Vector512.FusedMultiplyAdd(s, Vector512.Load(row + 48), a3);
                    }
                    a0.Store(ys + j0); a1.Store(ys + j0 + 16); a2.Store(ys + j0 + 32); a3.Store(ys + j0 + 48);
                }
                else
                    for (var j = j0; j < n; j++)
                    {
                        var acc = ys[j];
                        for (var p = 0; p < k; p++) acc = MathF.FusedMultiplyAdd(xs[p], bs[(long)p * n + j], acc);
                        ys[j] = acc;
                    }
            }
        });
    }

    public void Add(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> z)
    {
        Checks.SameLength(x, y, z);
        TensorPrimitives.Add(x, y, z);
    }

    public void LayerNorm(ReadOnlySpan<float> x, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, Span<float> y, int rows, int cols, float eps)
    {
        Checks.Rows(x, y, rows, cols, gamma, beta);
        for (var r = 0; r < rows; r++)
        {
            var row = x.Slice(r * cols, cols);
            var dst = y.Slice(r * cols, cols);
            var mean = TensorPrimitives.Sum(row) / cols;
            // Two passes (centre, then square) rather than E[x²] − mean²: the one-pass form cancels badly when the
            // mean is large next to the spread, which residual streams do produce.
            TensorPrimitives.Subtract(row, mean, dst);
            var inv = 1f / MathF.Sqrt(TensorPrimitives.SumOfSquares(dst) / cols + eps);
            TensorPrimitives.Multiply(dst, inv, dst);
            TensorPrimitives.FusedMultiplyAdd(dst, gamma[..cols], beta[..cols], dst);
        }
    }

    public void RmsNorm(ReadOnlySpan<float> x, ReadOnlySpan<float> gamma, Span<float> y, int rows, int cols, float eps)
    {
        Checks.Rows(x, y, rows, cols, gamma, gamma);
        for (var r = 0; r < rows; r++)
        {
            var row = x.Slice(r * cols, cols);
            var dst = y.Slice(r * cols, cols);
            var inv = 1f / MathF.Sqrt(TensorPrimitives.SumOfSquares(row) / cols + eps);
            TensorPrimitives.Multiply(row, inv, dst);
            TensorPrimitives.Multiply(dst, gamma[..cols], dst);
        }
    }

    public void Softmax(ReadOnlySpan<float> x, Span<float> y, int rows, int cols)
    {
        Checks.Rows(x, y, rows, cols);
        for (var r = 0; r < rows; r++) SoftmaxRow(x.Slice(r * cols, cols), y.Slice(r * cols, cols));
    }

    static void SoftmaxRow(ReadOnlySpan<float> x, Span<float> y)
    {
        // TensorPrimitives.SoftMax does not subtract the maximum, and overflows on logits past ~88.
        var max = TensorPrimitives.Max(x);
        TensorPrimitives.Subtract(x, max, y);
        TensorPrimitives.Exp(y, y);
        TensorPrimitives.Multiply(y, 1f / TensorPrimitives.Sum(y), y);
    }

    public void Silu(ReadOnlySpan<float> x, Span<float> y)
    {
        Checks.SameLength(x, x, y);
        // Chunked through a scratch buffer so that y may be x (in place) without reading back a written value.
        Span<float> s = stackalloc float[512];
        for (var i = 0; i < y.Length; i += s.Length)
        {
            var n = Math.Min(s.Length, y.Length - i);
            TensorPrimitives.Sigmoid(x.Slice(i, n), s[..n]);
            TensorPrimitives.Multiply(x.Slice(i, n), s[..n], y.Slice(i, n));
        }
    }

    public void SwiGlu(ReadOnlySpan<float> gate, ReadOnlySpan<float> up, Span<float> y)
    {
        Checks.SameLength(gate, up, y);
        Span<float> s = stackalloc float[512];
        for (var i = 0; i < y.Length; i += s.Length)
        {
            var n = Math.Min(s.Length, y.Length - i);
            TensorPrimitives.Sigmoid(gate.Slice(i, n), s[..n]);
            TensorPrimitives.Multiply(gate.Slice(i, n), s[..n], s[..n]);
            TensorPrimitives.Multiply(s[..n], up.Slice(i, n), y.Slice(i, n));
        }
    }

    public void Embedding(ReadOnlySpan<float> table, int dim, ReadOnlySpan<int> ids, Span<float> y)
    {
        Checks.Embedding(table, dim, ids, y);
        for (var i = 0; i < ids.Length; i++) table.Slice(ids[i] * dim, dim).CopyTo(y.Slice(i * dim, dim));
    }
}
