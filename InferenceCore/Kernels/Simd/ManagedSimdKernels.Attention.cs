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
}
