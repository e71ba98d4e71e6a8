namespace HwForge.InferenceCore.Kernels;

/// <summary>
/// A set assembled op by op from other sets: what a kernel manifest describes (<c>--kernels auto</c>). Each op is
/// served by exactly one set, so a model on it calls the winner of each op's search and nothing else.
/// </summary>
public sealed class ComposedKernels : IKernelSet
{
    readonly IReadOnlyDictionary<Op, IKernelSet> _serving;

    /// <param name="serving">The set serving each op; every op must have one.</param>
    public ComposedKernels(string name, IReadOnlyDictionary<Op, IKernelSet> serving)
    {
        var missing = Enum.GetValues<Op>().Where(op => !serving.ContainsKey(op)).ToList();
        ShapeRules.Require(missing.Count == 0, $"no kernel set serves {string.Join(", ", missing)}");
        Name = name;
        _serving = serving;
        Threads = serving.Values.Max(s => s.Threads);
    }

    public string Name { get; }
    public int Threads { get; }

    public IKernelSet Serving(Op op) => _serving[op];

    public bool Supports(Op op, OpShape shape, DType dtype) => _serving[op].Supports(op, shape, dtype);

    public void MatMul(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> bias, Span<float> c, int m, int n, int k) =>
        _serving[Op.MatMul].MatMul(a, b, bias, c, m, n, k);

    public void Add(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> z) => _serving[Op.Add].Add(x, y, z);

    public void LayerNorm(ReadOnlySpan<float> x, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, Span<float> y, int rows, int cols, float eps) =>
        _serving[Op.LayerNorm].LayerNorm(x, gamma, beta, y, rows, cols, eps);

    public void RmsNorm(ReadOnlySpan<float> x, ReadOnlySpan<float> gamma, Span<float> y, int rows, int cols, float eps) =>
        _serving[Op.RmsNorm].RmsNorm(x, gamma, y, rows, cols, eps);

    public void Softmax(ReadOnlySpan<float> x, Span<float> y, int rows, int cols) => _serving[Op.Softmax].Softmax(x, y, rows, cols);

    public void Gelu(ReadOnlySpan<float> x, Span<float> y) => _serving[Op.Gelu].Gelu(x, y);

    public void Silu(ReadOnlySpan<float> x, Span<float> y) => _serving[Op.Silu].Silu(x, y);

    public void SwiGlu(ReadOnlySpan<float> gate, ReadOnlySpan<float> up, Span<float> y) => _serving[Op.SwiGlu].SwiGlu(gate, up, y);

    public void Rope(Span<float> x, int tokens, int heads, int headDim, int firstPosition, float theta) =>
        _serving[Op.Rope].Rope(x, tokens, heads, headDim, firstPosition, theta);

    public void Attention(ReadOnlySpan<float> q, ReadOnlySpan<float> k, ReadOnlySpan<float> v, Span<float> output, AttentionShape shape) =>
        _serving[Op.Attention].Attention(q, k, v, output, shape);

    public void Embedding(ReadOnlySpan<float> table, int dim, ReadOnlySpan<int> ids, Span<float> y) =>
        _serving[Op.Embedding].Embedding(table, dim, ids, y);
}
