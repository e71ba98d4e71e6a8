namespace HwForge.InferenceCore.Llama;

/// <summary>One decoder layer; matrices are [in, out] row-major, as the kernels' MatMul B operand.</summary>
public sealed record LlamaLayer(float[] AttentionNorm, float[] Wq, float[] Wk, float[] Wv, float[] Wo, float[] FfnNorm, float[] WGate, float[] WUp, float[] WDown)
{
    internal IEnumerable<float[]> Tensors => [AttentionNorm, Wq, Wk, Wv, Wo, FfnNorm, WGate, WUp, WDown];
}

/// <summary>
/// A llama-style decoder's weights. No decoder weights can be downloaded here, so <see cref="Synthetic"/> makes
/// deterministic ones (the same seed gives the same bits on every machine) and the HWFL file format stores them;
/// its layout is in docs/INFERENCE_CORE.md and in <see cref="LlamaFile"/>.
/// </summary>
public sealed record LlamaWeights(LlamaConfig Config, float[] TokenEmbedding, IReadOnlyList<LlamaLayer> Layers, float[] FinalNorm, float[] Output)
{
    public long Parameters => TokenEmbedding.LongLength + FinalNorm.Length + Output.LongLength + Layers.Sum(l => l.Tensors.Sum(t => (long)t.Length));

    /// <summary>Weights drawn uniformly in ±1/√fan_in (norm gains near 1) from SplitMix64, tensor by tensor in file order.</summary>
    public static LlamaWeights Synthetic(LlamaConfig c, ulong seed = 17)
    {
        c.Validate();
        var state = seed;
        float[] Matrix(int rows, int cols) => Uniform(ref state, rows * cols, 1 / MathF.Sqrt(rows), 0);
        float[] Gain(int n) => Uniform(ref state, n, 0.1f, 1);
        var embedding = Uniform(ref state, c.Vocabulary * c.Dim, 1, 0);
        var layers = new List<LlamaLayer>();
        for (var i = 0; i < c.Layers; i++)
            layers.Add(new LlamaLayer(Gain(c.Dim), Matrix(c.Dim, c.Dim), Matrix(c.Dim, c.KvDim), Matrix(c.Dim, c.KvDim), Matrix(c.Dim, c.Dim),
                Gain(c.Dim), Matrix(c.Dim, c.FfnDim), Matrix(c.Dim, c.FfnDim), Matrix(c.FfnDim, c.Dim)));
        return new LlamaWeights(c, embedding, layers, Gain(c.Dim), Matrix(c.Dim, c.Vocabulary));
    }

    static float[] Uniform(ref ulong state, int n, float scale, float offset)
    {
        var x = new float[n];
        for (var i = 0; i < n; i++)
        {
            // SplitMix64 (Steele et al.), top 24 bits as a float in [0, 1)
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            x[i] = offset + scale * ((z >> 40) / 16777216f * 2 - 1);
        }
        return x;
    }
}
