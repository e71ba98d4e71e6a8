using HwForge.InferenceCore.Kernels;

namespace HwForge.InferenceCore.MiniLm;

/// <summary>
/// The all-MiniLM-L6-v2 forward pass on one kernel set: embeddings → 6 post-norm BERT layers → mean pooling over the
/// tokens → L2 normalisation, which is what sentence-transformers' Pooling and Normalize modules do. One sequence
/// at a time, so there is no padding and the attention mask is all ones.
/// </summary>
public sealed class MiniLmEncoder(MiniLmModel model, IKernelSet kernels)
{
    // When the set serving MatMul can pre-pack weights, each weight matrix is packed on first use and kept.
    readonly IWeightPacking? _packing = (kernels is ComposedKernels composed ? composed.Serving(Op.MatMul) : kernels) as IWeightPacking;
    readonly Dictionary<float[], PackedWeights> _packed = new(ReferenceEqualityComparer.Instance);
    readonly Dictionary<BertLayer, (PackedWeights, float[])> _fused = new(ReferenceEqualityComparer.Instance);

    public IKernelSet Kernels => kernels;
    public MiniLmModel Model => model;
    public int Dimensions => model.Weights.Hidden;

    public float[] Embed(string text) => EmbedIds(model.Tokenizer.Encode(text));

    public float[] EmbedIds(int[] ids)
    {
        var hidden = LastHiddenState(ids);
        int t = ids.Length, h = Dimensions;
        var pooled = new double[h];
        for (var i = 0; i < t; i++)
            for (var j = 0; j < h; j++) pooled[j] += hidden[i * h + j];
        var norm = Math.Sqrt(pooled.Sum(x => x / t * (x / t)));
        // sentence-transformers' Normalize clamps the norm at 1e-12 (torch.nn.functional.normalize).
        return pooled.Select(x => (float)(x / t / Math.Max(norm, 1e-12))).ToArray();
    }

    /// <summary>The encoder's output before pooling, [tokens, hidden]: what ONNX Runtime's first output holds.</summary>
    public float[] LastHiddenState(int[] ids)
    {
        var w = model.Weights;
        int t = ids.Length, h = w.Hidden, ff = w.Intermediate;
        if (t == 0 || t > w.MaxPositions) throw new ArgumentException($"a sequence has 1 to {w.MaxPositions} tokens, got {t}");
        Require(Op.MatMul, new OpShape(t, ff, h));
        Require(Op.Attention, new OpShape(t, t, w.Heads, w.Heads, h / w.Heads));

        var x = new float[t * h];
        var tmp = new float[t * h];
        kernels.Embedding(w.WordEmbeddings, h, ids, x);
        // Every position and a token type of 0 (one segment): rows 0..t of their tables, added as they are.
        kernels.Add(x, w.PositionEmbeddings.AsSpan(0, t * h), x);
        for (var i = 0; i < t; i++) kernels.Add(x.AsSpan(i * h, h), w.TokenTypeEmbeddings.AsSpan(0, h), x.AsSpan(i * h, h));
        kernels.LayerNorm(x, w.EmbeddingNormWeight, w.EmbeddingNormBias, x, t, h, MiniLmWeights.NormEps);

        float[] q = new float[t * h], k = new float[t * h], v = new float[t * h], ctx = new float[t * h], inner = new float[t * ff];
        var attention = new AttentionShape(t, t, w.Heads, w.Heads, h / w.Heads, Causal: false);
        foreach (var layer in w.Layers)
        {
            QueryKeyValue(x, layer, q, k, v, t, h);
            kernels.Attention(q, k, v, ctx, attention);
            Linear(ctx, layer.AttentionOut, layer.AttentionOutBias, tmp, t, h, h);
            // BERT is post-norm: the residual is added before each LayerNorm, not after.
            kernels.Add(tmp, x, tmp);
            kernels.LayerNorm(tmp, layer.AttentionNormWeight, layer.AttentionNormBias, x, t, h, MiniLmWeights.NormEps);
            Linear(x, layer.Intermediate, layer.IntermediateBias, inner, t, ff, h);
            kernels.Gelu(inner, inner);
            Linear(inner, layer.Output, layer.OutputBias, tmp, t, h, ff);
            kernels.Add(tmp, x, tmp);
            kernels.LayerNorm(tmp, layer.OutputNormWeight, layer.OutputNormBias, x, t, h, MiniLmWeights.NormEps);
        }
        return x;
    }

    /// <summary>
    /// Q, K and V. On a packing set, one GEMM against the three matrices side by side ([h, 3h], packed once): A is
    /// packed once instead of three times and the tiles run three times as long; the result is split afterwards.
    /// </summary>
    void QueryKeyValue(float[] x, BertLayer layer, float[] q, float[] k, float[] v, int t, int h)
    {
        if (_packing is null)
        {
            kernels.MatMul(x, layer.Query, layer.QueryBias, q, t, h, h);
            kernels.MatMul(x, layer.Key, layer.KeyBias, k, t, h, h);
            kernels.MatMul(x, layer.Value, layer.ValueBias, v, t, h, h);
            return;
        }
        (PackedWeights Weights, float[] Bias) fused;
        lock (_fused)
            if (!_fused.TryGetValue(layer, out fused))
            {
                var w = new float[h * 3 * h];
                for (var r = 0; r < h; r++)
                {
                    layer.Query.AsSpan(r * h, h).CopyTo(w.AsSpan(r * 3 * h, h));
                    layer.Key.AsSpan(r * h, h).CopyTo(w.AsSpan(r * 3 * h + h, h));
                    layer.Value.AsSpan(r * h, h).CopyTo(w.AsSpan(r * 3 * h + 2 * h, h));
                }
                _fused[layer] = fused = (_packing.Pack(w, h, 3 * h), [.. layer.QueryBias, .. layer.KeyBias, .. layer.ValueBias]);
            }
        var qkv = new float[t * 3 * h];
        _packing.MatMul(x, fused.Weights, fused.Bias, qkv, t);
        for (var i = 0; i < t; i++)
        {
            qkv.AsSpan(i * 3 * h, h).CopyTo(q.AsSpan(i * h, h));
            qkv.AsSpan(i * 3 * h + h, h).CopyTo(k.AsSpan(i * h, h));
            qkv.AsSpan(i * 3 * h + 2 * h, h).CopyTo(v.AsSpan(i * h, h));
        }
    }

    void Linear(float[] x, float[] w, float[] bias, float[] y, int m, int n, int k)
    {
        if (_packing is null) { kernels.MatMul(x, w, bias, y, m, n, k); return; }
        PackedWeights? packed;
        lock (_packed)
            if (!_packed.TryGetValue(w, out packed)) _packed[w] = packed = _packing.Pack(w, k, n);
        _packing.MatMul(x, packed, bias, y, m);
    }

    void Require(Op op, OpShape shape)
    {
        if (!kernels.Supports(op, shape, DType.F32))
            throw new NotSupportedException($"kernel set {kernels.Name} does not serve {op} at {shape} in f32");
    }
}
