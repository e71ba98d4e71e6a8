namespace HwForge.KnowledgeBase.Embeddings;

/// <summary>Turns texts into vectors; one call may carry many texts.</summary>
public interface ITextEmbedder
{
    /// <summary>Names the model, so vectors of another model are never compared with these.</summary>
    string Model { get; }

    /// <summary>
    /// The cosine below which a chunk is not counted as a match at all. Without one, a query that means nothing to
    /// the corpus still gets the nearest chunks, and "nothing found" never happens. The scale depends on the
    /// model, so the default (0) keeps every chunk.
    /// </summary>
    double MinimumSimilarity => 0;

    Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellation = default);
}
