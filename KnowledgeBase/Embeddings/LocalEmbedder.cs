using HwForge.InferenceCore.Kernels;
using HwForge.InferenceCore.MiniLm;
using HwForge.KnowledgeBase.Storage;

namespace HwForge.KnowledgeBase.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 run in process on the inference core's managed SIMD kernels: hybrid ranking with no endpoint
/// and no network. The weights (91 MB) are read on the first text to embed, not on construction, so opening a store
/// whose chunks already have vectors, or a command that never searches, does not pay for them.
/// </summary>
public sealed class LocalEmbedder : ITextEmbedder
{
    /// <summary>
    /// The name stored beside the vectors. Prefixed so that an endpoint serving a model of the same name (its own
    /// tokenizer, pooling, precision) never counts as the same model: switching embedders re-embeds, never mixes.
    /// </summary>
    public const string ModelName = "hwforge-core/all-MiniLM-L6-v2";

    private readonly Lazy<MiniLmEncoder> _encoder;

    /// <param name="threads">Threads each sequence's kernels may use; chunks are short, so one is the default.</param>
    public LocalEmbedder(int threads = 1) =>
        _encoder = new(() => new MiniLmEncoder(Load(), KernelSets.ByName("simd512", threads)), LazyThreadSafetyMode.ExecutionAndPublication);

    public string Model => ModelName;

    public int Dimensions => 384;

    /// <summary>
    /// Text that means nothing to the corpus (xyzzyplugh, lorem ipsum, the weather in Paris, a bread recipe) came
    /// within 0.10 to 0.22 of its nearest corpus chunk (measured 2026-12-07); the floor sits above that. What it
    /// costs: of the 47 questions of the kb-recall benchmark, 2 have their right chunk below it (0.20, 0.24; the
    /// median is 0.45), and BM25 still ranks those.
    /// </summary>
    public double MinimumSimilarity => 0.25;

    /// <summary>Whether the weights are where the build recorded them (a file check; nothing is read).</summary>
    public static bool Available()
    {
        try { return File.Exists(MiniLmFiles.PackageDll); }
        catch (MiniLmNotFoundException) { return false; }
    }

    public Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellation = default)
    {
        if (texts.Count == 0) return Task.FromResult<IReadOnlyList<float[]>>([]);
        // The forward pass is CPU work (a few ms per sentence); it runs off the caller's thread so a UI or
        // server awaiting it stays responsive.
        return Task.Run<IReadOnlyList<float[]>>(() =>
        {
            var encoder = _encoder.Value;
            var vectors = new List<float[]>(texts.Count);
            foreach (var text in texts)
            {
                cancellation.ThrowIfCancellationRequested();
                vectors.Add(encoder.Embed(text));
            }
            return vectors;
        }, cancellation);
    }

    // A missing package is a store failure like an endpoint that is down: the store keeps BM25 and says why.
    private static MiniLmModel Load()
    {
        try { return MiniLmModel.Load(); }
        catch (MiniLmNotFoundException e) { throw new KnowledgeStoreException($"local embeddings are unavailable: {e.Message}", e); }
    }
}
