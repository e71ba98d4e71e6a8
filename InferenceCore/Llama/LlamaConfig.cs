namespace HwForge.InferenceCore.Llama;

/// <summary>The shape of a llama-style decoder; HeadDim = Dim / Heads, and Heads is a multiple of KvHeads (GQA).</summary>
public sealed record LlamaConfig(int Dim, int FfnDim, int Layers, int Heads, int KvHeads, int Vocabulary, int MaxSequence, float RopeTheta = 10000f, float NormEps = 1e-5f)
{
    public int HeadDim => Dim / Heads;
    public int KvDim => KvHeads * HeadDim;

    /// <summary>A model small enough for tests (a few hundred kilobytes).</summary>
    public static LlamaConfig Tiny { get; } = new(64, 160, 2, 4, 2, 256, 64);

    /// <summary>The benchmark's model: ~124 MB of fp32 weights, so that a decode step streams weights from DRAM.</summary>
    public static LlamaConfig Bench { get; } = new(512, 1408, 8, 8, 2, 8000, 256);

    public void Validate()
    {
        if (Dim <= 0 || FfnDim <= 0 || Layers <= 0 || Heads <= 0 || KvHeads <= 0 || Vocabulary <= 0 || MaxSequence <= 0
            || Dim % Heads != 0 || Heads % KvHeads != 0 || HeadDim % 2 != 0)
            throw new InvalidDataException($"not a valid decoder shape: {this} (dim divisible by heads, heads by kv heads, even head width)");
    }
}
