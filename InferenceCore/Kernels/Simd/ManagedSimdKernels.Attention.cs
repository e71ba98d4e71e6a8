using System.Numerics.Tensors;

namespace HwForge.InferenceCore.Kernels.Simd;

public sealed unsafe partial class ManagedSimdKernels
{
    public void Rope(Span<float> x, int tokens, int heads, int headDim, int firstPosition, float theta)
    {
        Checks.Rope(x, tokens, heads, headDim);
        var half = headDim / 2;
        Span<float> cos = stackalloc float[half], sin = stackalloc float[half];
        for (var t = 0; t < tokens; t++)
        {
            // Angles in double: position × frequency reaches thousands of radians, where a float angle has lost
            // the digits that cos/sin need. One table per token serves every head.
            for (var i = 0; i < half; i++)
            {
                var angle = (firstPosition + t) * Math.Pow(theta, -2.0 * i / headDim);
                cos[i] = (float)Math.Cos(angle);
                sin[i] = (float)Math.Sin(angle);
            }
            for (var h = 0; h < heads; h++)
            {
                var v = x.Slice((t * heads + h) * headDim, headDim);
                for (var i = 0; i < half; i++)
                {
                    float x0 = v[2 * i], x1 = v[2 * i + 1];
                    v[2 * i] = x0 * cos[i] - x1 * sin[i];
                    v[2 * i + 1] = x0 * sin[i] + x1 * cos[i];
                }
            }
        }
    }

    public void Attention(ReadOnlySpan<float> q, ReadOnlySpan<float> k, ReadOnlySpan<float> v, Span<float> output, AttentionShape s)
    {
        Checks.Attention(q, k, v, output, s);
        if (s.Queries >= 8)
        {
            AttentionByGemm(q, k, v, output, s);
            return;
        }
        fixed (float* qp = q, kp = k, vp = v, op = output)
        {
            nint qa = (nint)qp, ka = (nint)kp, va = (nint)vp, oa = (nint)op;
            // Each (head, query) row is independent; heads outermost keeps one head's K and V hot in cache.
            WorkSplit.For(Threads, s.Heads * s.Queries, (from, to) =>
            {
                int qStride = s.Heads * s.HeadDim, kvStride = s.KvHeads * s.HeadDim, group = s.Heads / s.KvHeads;
                var scores = new float[s.Keys];
                for (var t = from; t < to; t++)
                {
                    int h = t / s.Queries, i = t % s.Queries, kvOffset = h / group * s.HeadDim, visible = s.VisibleKeys(i);
                    var qh = new ReadOnlySpan<float>((float*)qa + i * qStride + h * s.HeadDim, s.HeadDim);
                    var oh = new Span<float>((float*)oa + i * qStride + h * s.HeadDim, s.HeadDim);
                    var row = scores.AsSpan(0, visible);
                    for (var j = 0; j < visible; j++)
                        row[j] = TensorPrimitives.Dot(qh, new ReadOnlySpan<float>((float*)ka + (long)j * kvStride + kvOffset, s.HeadDim));
                    TensorPrimitives.Multiply(row, s.Scale, row);
                    SoftmaxRow(row, row);
                    oh.Clear();
                    for (var j = 0; j < visible; j++)
                        TensorPrimitives.FusedMultiplyAdd(new ReadOnlySpan<float>((float*)va + (long)j * kvStride + kvOffset, s.HeadDim), row[j], oh, oh);
                }
            });
        }
    }

    /// <summary>
    /// Prefill: per head, S = Q·Kᵀ and O = P·V as two small GEMMs on the packed kernel (heads split over threads),
    /// instead of one short dot product per (query, key), whose call overhead dominated at head width 32.
    /// </summary>
    void AttentionByGemm(ReadOnlySpan<float> q, ReadOnlySpan<float> k, ReadOnlySpan<float> v, Span<float> output, AttentionShape s)
    {
        fixed (float* qp = q, kp = k, vp = v, op = output)
        {
            nint qa = (nint)qp, ka = (nint)kp, va = (nint)vp, oa = (nint)op;
            WorkSplit.For(Threads, s.Heads, (from, to) =>
            {
                int hd = s.HeadDim, nq = s.Queries, nk = s.Keys, qStride = s.Heads * hd, kvStride = s.KvHeads * hd, group = s.Heads / s.KvHeads;
                var gemm = new PackedGemm(_wide, 1);
                float[] qh = new float[nq * hd], kt = new float[hd * nk], vh = new float[nk * hd], scores = new float[nq * nk], oh = new float[nq * hd];
                for (var h = from; h < to; h++)
                {
                    var kvOffset = h / group * hd;
                    for (var i = 0; i < nq; i++)
                        new ReadOnlySpan<float>((float*)qa + i * qStride + h * hd, hd).CopyTo(qh.AsSpan(i * hd, hd));
                    for (var j = 0; j < nk; j++)
                    {
                        var krow = (float*)ka + (long)j * kvStride + kvOffset;
                        for (var d = 0; d < hd; d++) kt[d * nk + j] = krow[d];
                        new ReadOnlySpan<float>((float*)va + (long)j * kvStride + kvOffset, hd).CopyTo(vh.AsSpan(j * hd, hd));
                    }
                    Array.Clear(scores);
                    Array.Clear(oh);
                    fixed (float* qs = qh, ks = kt, vs = vh, ss = scores, os = oh)
                    {
                        gemm.Accumulate(qs, ks, ss, nq, nk, hd);
                        for (var i = 0; i < nq; i++)
                        {
                            var row = scores.AsSpan(i * nk, nk);
                            var visible = s.VisibleKeys(i);
                            TensorPrimitives.Multiply(row[..visible], s.Scale, row[..visible]);
                            SoftmaxRow(row[..visible], row[..visible]);
                            row[visible..].Clear(); // masked keys weigh nothing in P·V
                        }
                        gemm.Accumulate(ss, vs, os, nq, hd, nk);
                    }
                    for (var i = 0; i < nq; i++)
                        oh.AsSpan(i * hd, hd).CopyTo(new Span<float>((float*)oa + i * qStride + h * hd, hd));
                }
            });
        }
    }
}
