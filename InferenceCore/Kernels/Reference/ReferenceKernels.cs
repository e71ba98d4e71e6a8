namespace HwForge.InferenceCore.Kernels.Reference;

/// <summary>
/// The oracle: plain loops, one thread, every sum accumulated in double. It is slow on purpose and never
/// optimised; every other set (and every kernel the agents propose later) is judged against it.
/// </summary>
public sealed class ReferenceKernels : IKernelSet
{
    public string Name => "reference";
    public int Threads => 1;

    public bool Supports(Op op, OpShape shape, DType dtype) => dtype == DType.F32 && ShapeRules.IsWellFormed(op, shape);

    public void MatMul(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> bias, Span<float> c, int m, int n, int k)
    {
        Checks.MatMul(a, b, bias, c, m, n, k);
        for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++)
            {
                double s = bias.IsEmpty ? 0 : bias[j];
                for (var p = 0; p < k; p++) s += (double)a[i * k + p] * b[p * n + j];
                c[i * n + j] = (float)s;
            }
    }

    public void Add(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> z)
    {
        Checks.SameLength(x, y, z);
        for (var i = 0; i < z.Length; i++) z[i] = (float)((double)x[i] + y[i]);
    }

    public void LayerNorm(ReadOnlySpan<float> x, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, Span<float> y, int rows, int cols, float eps)
    {
        Checks.Rows(x, y, rows, cols, gamma, beta);
        for (var r = 0; r < rows; r++)
        {
            var row = x.Slice(r * cols, cols);
            double mean = 0, var = 0;
            foreach (var v in row) mean += v;
            mean /= cols;
            foreach (var v in row) var += (v - mean) * (v - mean);
            var inv = 1 / Math.Sqrt(var / cols + eps);
            for (var j = 0; j < cols; j++) y[r * cols + j] = (float)((row[j] - mean) * inv * gamma[j] + beta[j]);
        }
    }

    public void RmsNorm(ReadOnlySpan<float> x, ReadOnlySpan<float> gamma, Span<float> y, int rows, int cols, float eps)
    {
        Checks.Rows(x, y, rows, cols, gamma, gamma);
        for (var r = 0; r < rows; r++)
        {
            var row = x.Slice(r * cols, cols);
            double ss = 0;
            foreach (var v in row) ss += (double)v * v;
            var inv = 1 / Math.Sqrt(ss / cols + eps);
            for (var j = 0; j < cols; j++) y[r * cols + j] = (float)(row[j] * inv * gamma[j]);
        }
    }

    public void Softmax(ReadOnlySpan<float> x, Span<float> y, int rows, int cols)
    {
        Checks.Rows(x, y, rows, cols);
        var e = new double[cols];
        for (var r = 0; r < rows; r++) SoftmaxRow(x.Slice(r * cols, cols), y.Slice(r * cols, cols), e);
    }

    static void SoftmaxRow(ReadOnlySpan<float> x, Span<float> y, double[] e)
    {
        double max = double.NegativeInfinity, sum = 0;
        foreach (var v in x) max = Math.Max(max, v);
        for (var j = 0; j < x.Length; j++) sum += e[j] = Math.Exp(x[j] - max);
        for (var j = 0; j < x.Length; j++) y[j] = (float)(e[j] / sum);
    }

    public void Gelu(ReadOnlySpan<float> x, Span<float> y)
    {
        Checks.SameLength(x, x, y);
        for (var i = 0; i < y.Length; i++) y[i] = (float)ReferenceMath.Gelu(x[i]);
    }

    public void Silu(ReadOnlySpan<float> x, Span<float> y)
    {
        Checks.SameLength(x, x, y);
        for (var i = 0; i < y.Length; i++) y[i] = (float)(x[i] * ReferenceMath.Sigmoid(x[i]));
    }

    public void SwiGlu(ReadOnlySpan<float> gate, ReadOnlySpan<float> up, Span<float> y)
    {
        Checks.SameLength(gate, up, y);
        for (var i = 0; i < y.Length; i++) y[i] = (float)(gate[i] * ReferenceMath.Sigmoid(gate[i]) * up[i]);
    }

    public void Rope(Span<float> x, int tokens, int heads, int headDim, int firstPosition, float theta)
    {
        Checks.Rope(x, tokens, heads, headDim);
        for (var t = 0; t < tokens; t++)
            for (var h = 0; h < heads; h++)
            {
                var v = x.Slice((t * heads + h) * headDim, headDim);
                for (var i = 0; i < headDim / 2; i++)
                {
                    var angle = (firstPosition + t) * Math.Pow(theta, -2.0 * i / headDim);
                    double c = Math.Cos(angle), s = Math.Sin(angle), x0 = v[2 * i], x1 = v[2 * i + 1];
                    v[2 * i] = (float)(x0 * c - x1 * s);
                    v[2 * i + 1] = (float)(x0 * s + x1 * c);
                }
            }
    }

    public void Attention(ReadOnlySpan<float> q, ReadOnlySpan<float> k, ReadOnlySpan<float> v, Span<float> output, AttentionShape s)
    {
        Checks.Attention(q, k, v, output, s);
        int qStride = s.Heads * s.HeadDim, kvStride = s.KvHeads * s.HeadDim, group = s.Heads / s.KvHeads;
        var scores = new double[s.Keys];
        for (var i = 0; i < s.Queries; i++)
            for (var h = 0; h < s.Heads; h++)
            {
                var qh = q.Slice(i * qStride + h * s.HeadDim, s.HeadDim);
                var kvOffset = h / group * s.HeadDim;
                var visible = s.VisibleKeys(i);
                double max = double.NegativeInfinity, sum = 0;
                for (var j = 0; j < visible; j++)
                {
                    double dot = 0;
                    for (var d = 0; d < s.HeadDim; d++) dot += (double)qh[d] * k[j * kvStride + kvOffset + d];
                    scores[j] = dot / Math.Sqrt(s.HeadDim);
                    max = Math.Max(max, scores[j]);
                }
                for (var j = 0; j < visible; j++) sum += scores[j] = Math.Exp(scores[j] - max);
                for (var d = 0; d < s.HeadDim; d++)
                {
                    double acc = 0;
                    for (var j = 0; j < visible; j++) acc += scores[j] * v[j * kvStride + kvOffset + d];
                    output[i * qStride + h * s.HeadDim + d] = (float)(acc / sum);
                }
            }
    }

    public void Embedding(ReadOnlySpan<float> table, int dim, ReadOnlySpan<int> ids, Span<float> y)
    {
        Checks.Embedding(table, dim, ids, y);
        for (var i = 0; i < ids.Length; i++) table.Slice(ids[i] * dim, dim).CopyTo(y.Slice(i * dim, dim));
    }
}
