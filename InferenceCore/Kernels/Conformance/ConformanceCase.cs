namespace HwForge.InferenceCore.Kernels.Conformance;

/// <summary>
/// One conformance case as data: the op, its sizes (<see cref="Args"/>, in the order the op's call takes them), its
/// float parameters (eps, θ), and its input tensors. Being data, a case runs in-process on a set
/// (<see cref="RunOn"/>) or is written to a file for a sandboxed harness (<see cref="CaseFile"/>), and both answers
/// are judged against the reference's the same way.
/// </summary>
internal sealed record ConformanceCase(Op Op, OpShape Shape, double Tolerance, int[] Args, float[] Scalars, float[][] Inputs)
{
    public float[] RunOn(IKernelSet s)
    {
        var x = Inputs;
        switch (Op)
        {
            case Op.MatMul:
            {
                int m = Args[0], n = Args[1], k = Args[2];
                var c = (float[])x[3].Clone(); // garbage that must be overwritten, not accumulated into
                s.MatMul(x[0], x[1], x[2], c, m, n, k);
                return c;
            }
            case Op.Add: { var z = new float[x[0].Length]; s.Add(x[0], x[1], z); return z; }
            case Op.LayerNorm: { var y = new float[x[0].Length]; s.LayerNorm(x[0], x[1], x[2], y, Args[0], Args[1], Scalars[0]); return y; }
            case Op.RmsNorm: { var y = new float[x[0].Length]; s.RmsNorm(x[0], x[1], y, Args[0], Args[1], Scalars[0]); return y; }
            case Op.Softmax: { var y = new float[x[0].Length]; s.Softmax(x[0], y, Args[0], Args[1]); return y; }
            case Op.Gelu: { var y = new float[x[0].Length]; s.Gelu(x[0], y); return y; }
            case Op.Silu: { var y = new float[x[0].Length]; s.Silu(x[0], y); return y; }
            case Op.SwiGlu: { var y = new float[x[0].Length]; s.SwiGlu(x[0], x[1], y); return y; }
            case Op.Rope: { var y = (float[])x[0].Clone(); s.Rope(y, Args[0], Args[1], Args[2], Args[3], Scalars[0]); return y; }
            case Op.Attention:
            {
                var o = new float[x[0].Length];
                s.Attention(x[0], x[1], x[2], o, AttentionOf(Args));
                return o;
            }
            case Op.Embedding:
            {
                var y = new float[Args[0] * Args[1]];
                s.Embedding(x[0], Args[1], x[1].Select(i => (int)i).ToArray(), y);
                return y;
            }
            default: throw new InvalidOperationException($"no way to run {Op}: add it here when adding the op");
        }
    }

    public static AttentionShape AttentionOf(int[] a) => new(a[0], a[1], a[2], a[3], a[4], a[5] != 0, a[6]);

    public static int[] ArgsOf(AttentionShape s) => [s.Queries, s.Keys, s.Heads, s.KvHeads, s.HeadDim, s.Causal ? 1 : 0, s.FirstQueryPosition];
}
