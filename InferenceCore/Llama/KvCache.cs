namespace HwForge.InferenceCore.Llama;

/// <summary>
/// Keys and values of every position seen so far, per layer, [maxSequence, kvDim] each. A decode step appends one
/// row per layer and attends over all rows, so a token costs one pass over the weights, not a re-run of the prompt.
/// </summary>
public sealed class KvCache
{
    readonly float[][] _k, _v;
    readonly int _kvDim;

    public KvCache(LlamaConfig c)
    {
        _kvDim = c.KvDim;
        Capacity = c.MaxSequence;
        _k = Enumerable.Range(0, c.Layers).Select(_ => new float[c.MaxSequence * c.KvDim]).ToArray();
        _v = Enumerable.Range(0, c.Layers).Select(_ => new float[c.MaxSequence * c.KvDim]).ToArray();
    }

    public int Capacity { get; }

    /// <summary>Positions held; the next token is at this position.</summary>
    public int Length { get; private set; }

    public ReadOnlySpan<float> Keys(int layer, int positions) => _k[layer].AsSpan(0, positions * _kvDim);
    public ReadOnlySpan<float> Values(int layer, int positions) => _v[layer].AsSpan(0, positions * _kvDim);

    /// <summary>Writes rows Length .. Length + tokens of one layer; <see cref="Advance"/> commits them once every layer has.</summary>
    public void Write(int layer, ReadOnlySpan<float> k, ReadOnlySpan<float> v, int tokens)
    {
        if (Length + tokens > Capacity) throw new InvalidOperationException($"the KV cache holds {Capacity} positions; {Length} + {tokens} do not fit");
        k[..(tokens * _kvDim)].CopyTo(_k[layer].AsSpan(Length * _kvDim));
        v[..(tokens * _kvDim)].CopyTo(_v[layer].AsSpan(Length * _kvDim));
    }

    public void Advance(int tokens) => Length += tokens;
}
