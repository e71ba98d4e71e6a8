using HwForge.InferenceCore.Kernels;

namespace HwForge.InferenceCore.Llama;

/// <summary>
/// A llama-style decoder on one kernel set: pre-norm (RMSNorm) blocks, RoPE on queries and keys, grouped-query causal
/// attention over a KV cache, a SwiGLU feed-forward, and an output projection from the final RMSNorm. In the shape
/// of llama2.c's run.c, with every op a kernel call.
/// </summary>
public sealed class LlamaDecoder(LlamaWeights weights, IKernelSet kernels)
{
    public LlamaWeights Weights => weights;
    public IKernelSet Kernels => kernels;

    public KvCache NewCache() => new(weights.Config);

    /// <summary>Runs tokens at positions cache.Length onwards, appends them to the cache, and returns the last one's logits.</summary>
    public float[] Forward(ReadOnlySpan<int> tokens, KvCache cache)
    {
        var c = weights.Config;
        int t = tokens.Length, d = c.Dim, kv = c.KvDim, pos0 = cache.Length;
        if (t == 0 || pos0 + t > cache.Capacity) throw new ArgumentException($"{t} tokens at position {pos0} do not fit {cache.Capacity} positions");
        var x = new float[t * d];
        kernels.Embedding(weights.TokenEmbedding, d, tokens, x);
        float[] h = new float[t * d], q = new float[t * d], k = new float[t * kv], v = new float[t * kv], attn = new float[t * d],
            gate = new float[t * c.FfnDim], up = new float[t * c.FfnDim];
        var shape = new AttentionShape(t, pos0 + t, c.Heads, c.KvHeads, c.HeadDim, Causal: true, FirstQueryPosition: pos0);
        for (var l = 0; l < c.Layers; l++)
        {
            var w = weights.Layers[l];
            kernels.RmsNorm(x, w.AttentionNorm, h, t, d, c.NormEps);
            kernels.MatMul(h, w.Wq, [], q, t, d, d);
            kernels.MatMul(h, w.Wk, [], k, t, kv, d);
            kernels.MatMul(h, w.Wv, [], v, t, kv, d);
            kernels.Rope(q, t, c.Heads, c.HeadDim, pos0, c.RopeTheta);
            kernels.Rope(k, t, c.KvHeads, c.HeadDim, pos0, c.RopeTheta);
            cache.Write(l, k, v, t);
            kernels.Attention(q, cache.Keys(l, pos0 + t), cache.Values(l, pos0 + t), attn, shape);
            kernels.MatMul(attn, w.Wo, [], h, t, d, d);
            kernels.Add(x, h, x); // pre-norm: the residual stream itself is never normalised
            kernels.RmsNorm(x, w.FfnNorm, h, t, d, c.NormEps);
            kernels.MatMul(h, w.WGate, [], gate, t, c.FfnDim, d);
            kernels.MatMul(h, w.WUp, [], up, t, c.FfnDim, d);
            kernels.SwiGlu(gate, up, gate);
            kernels.MatMul(gate, w.WDown, [], h, t, d, c.FfnDim);
            kernels.Add(x, h, x);
        }
        cache.Advance(t);
        // Only the last position's logits are needed to pick the next token.
        var last = x.AsSpan((t - 1) * d, d);
        var normed = new float[d];
        kernels.RmsNorm(last, weights.FinalNorm, normed, 1, d, c.NormEps);
        var logits = new float[c.Vocabulary];
        kernels.MatMul(normed, weights.Output, [], logits, 1, c.Vocabulary, d);
        return logits;
    }

    /// <summary>Greedy decoding: the prompt in one pass, then one token per step.</summary>
    public List<int> Generate(int[] prompt, int newTokens, KvCache cache)
    {
        var logits = Forward(prompt, cache);
        var output = new List<int>();
        for (var i = 0; i < newTokens; i++)
        {
            var next = ArgMax(logits);
            output.Add(next);
            if (i + 1 < newTokens) logits = Forward([next], cache);
        }
        return output;
    }

    public static int ArgMax(ReadOnlySpan<float> x)
    {
        var best = 0;
        for (var i = 1; i < x.Length; i++) if (x[i] > x[best]) best = i;
        return best;
    }
}
