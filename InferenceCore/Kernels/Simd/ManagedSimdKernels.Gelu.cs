using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace HwForge.InferenceCore.Kernels.Simd;

public sealed partial class ManagedSimdKernels
{
    // Abramowitz & Stegun 7.1.26: erf to 1.5e-7 absolute with one exp, which TensorPrimitives vectorises.
    // BERT's GELU is the erf form; the tanh approximation differs by ~1e-3 and would miss ONNX Runtime's 1e-4.
    const float P = 0.3275911f, A1 = 0.254829592f, A2 = -0.284496736f, A3 = 1.421413741f, A4 = -1.453152027f, A5 = 1.061405429f;
    const float InvSqrt2 = 0.70710678118654752f;

    public void Gelu(ReadOnlySpan<float> x, Span<float> y)
    {
        Checks.SameLength(x, x, y);
        Span<float> e = stackalloc float[512];
        for (var i = 0; i < y.Length; i += e.Length)
        {
            var n = Math.Min(e.Length, y.Length - i);
            var xs = x.Slice(i, n);
            var es = e[..n];
            // e = exp(−x²/2) = exp(−z²) with z = x/√2
            TensorPrimitives.Multiply(xs, xs, es);
            TensorPrimitives.Multiply(es, -0.5f, es);
            TensorPrimitives.Exp(es, es);
            GeluFromExp(xs, es, y.Slice(i, n));
        }
    }

    static void GeluFromExp(ReadOnlySpan<float> x, ReadOnlySpan<float> e, Span<float> y)
    {
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
            for (; i + 16 <= x.Length; i += 16)
            {
                var xv = Vector512.Create(x.Slice(i, 16));
                var z = Vector512.Abs(xv) * InvSqrt2;
                var t = Vector512<float>.One / (Vector512<float>.One + z * P);
                var poly = t * (Vector512.Create(A1) + t * (Vector512.Create(A2) + t * (Vector512.Create(A3) + t * (Vector512.Create(A4) + t * A5))));
                var erfAbs = Vector512<float>.One - poly * Vector512.Create(e.Slice(i, 16));
                // gelu = x/2 · (1 + sign(x)·erf|z|)
                var erf = Vector512.ConditionalSelect(Vector512.LessThan(xv, Vector512<float>.Zero), -erfAbs, erfAbs);
                (xv * 0.5f * (Vector512<float>.One + erf)).CopyTo(y.Slice(i, 16));
            }
        for (; i < x.Length; i++)
        {
            var z = MathF.Abs(x[i]) * InvSqrt2;
            var t = 1 / (1 + P * z);
            var erfAbs = 1 - t * (A1 + t * (A2 + t * (A3 + t * (A4 + t * A5)))) * e[i];
            y[i] = 0.5f * x[i] * (1 + (x[i] < 0 ? -erfAbs : erfAbs));
        }
    }
}
