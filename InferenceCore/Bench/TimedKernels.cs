using System.Diagnostics;
using HwForge.InferenceCore.Kernels;

namespace HwForge.InferenceCore.Bench;

/// <summary>
/// A kernel set that forwards every call to another and adds up the time per op: where a model's milliseconds go,
/// which is what tells an optimiser which kernel to work on next.
/// </summary>
public sealed class TimedKernels(IKernelSet inner) : IKernelSet
{
    readonly Dictionary<Op, (long Ticks, int Calls)> _spent = [];

    public string Name => inner.Name;
    public int Threads => inner.Threads;

    /// <summary>Milliseconds and calls per op since the last reset, largest first.</summary>
    public IReadOnlyList<(Op Op, double Milliseconds, int Calls)> Spent =>
        _spent.Select(kv => (kv.Key, kv.Value.Ticks * 1000.0 / Stopwatch.Frequency, kv.Value.Calls)).OrderByDescending(x => x.Item2).ToList();

    public void Reset() => _spent.Clear();

    public bool Supports(Op op, OpShape shape, DType dtype) => inner.Supports(op, shape, dtype);

    void Time(Op op, long start)
    {
        var (ticks, calls) = _spent.GetValueOrDefault(op);
        _spent[op] = (ticks + Stopwatch.GetTimestamp() - start, calls + 1);
    }

    public void MatMul(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> bias, Span<float> c, int m, int n, int k)
    { var t = Stopwatch.GetTimestamp(); inner.MatMul(a, b, bias, c, m, n, k); Time(Op.MatMul, t); }

    public void Add(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> z)
    { var t = Stopwatch.GetTimestamp(); inner.Add(x, y, z); Time(Op.Add, t); }

    public void LayerNorm(ReadOnlySpan<float> x, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, Span<float> y, int rows, int cols, float eps)
    { var t = Stopwatch.GetTimestamp(); inner.LayerNorm(x, gamma, beta, y, rows, cols, eps); Time(Op.LayerNorm, t); }

    public void RmsNorm(ReadOnlySpan<float> x, ReadOnlySpan<float> gamma, Span<float> y, int rows, int cols, float eps)
    { var t = Stopwatch.GetTimestamp(); inner.RmsNorm(x, gamma, y, rows, cols, eps); Time(Op.RmsNorm, t); }

    public void Softmax(ReadOnlySpan<float> x, Span<float> y, int rows, int cols)
    { var t = Stopwatch.GetTimestamp(); inner.Softmax(x, y, rows, cols); Time(Op.Softmax, t); }

    public void Gelu(ReadOnlySpan<float> x, Span<float> y)
    { var t = Stopwatch.GetTimestamp(); inner.Gelu(x, y); Time(Op.Gelu, t); }

    public void Silu(ReadOnlySpan<float> x, Span<float> y)
    { var t = Stopwatch.GetTimestamp(); inner.Silu(x, y); Time(Op.Silu, t); }

    public void SwiGlu(ReadOnlySpan<float> gate, ReadOnlySpan<float> up, Span<float> y)
    { var t = Stopwatch.GetTimestamp(); inner.SwiGlu(gate, up, y); Time(Op.SwiGlu, t); }

    public void Rope(Span<float> x, int tokens, int heads, int headDim, int firstPosition, float theta)
    { var t = Stopwatch.GetTimestamp(); inner.Rope(x, tokens, heads, headDim, firstPosition, theta); Time(Op.Rope, t); }

    public void Attention(ReadOnlySpan<float> q, ReadOnlySpan<float> k, ReadOnlySpan<float> v, Span<float> output, AttentionShape shape)
    { var t = Stopwatch.GetTimestamp(); inner.Attention(q, k, v, output, shape); Time(Op.Attention, t); }

    public void Embedding(ReadOnlySpan<float> table, int dim, ReadOnlySpan<int> ids, Span<float> y)
    { var t = Stopwatch.GetTimestamp(); inner.Embedding(table, dim, ids, y); Time(Op.Embedding, t); }
}
