namespace HwForge.KnowledgeBase;

/// <summary>
/// A searchable store of knowledge chunks. The agents see only this, so another backend (Qdrant, say)
/// can replace the embedded SQLite one without touching them.
/// </summary>
public interface IKnowledgeStore : IAsyncDisposable
{
    /// <summary>Adds chunks; a chunk whose kind and text are already stored is counted as a duplicate and not added again.</summary>
    Task<AddResult> AddAsync(IEnumerable<KnowledgeChunk> chunks, CancellationToken cancellation = default);

    /// <summary>
    /// The best <paramref name="top"/> chunks for a question or a pasted tool message, best first;
    /// <paramref name="kinds"/> limits the search to those kinds when given.
    /// </summary>
    Task<IReadOnlyList<KnowledgeHit>> SearchAsync(string query, int top, IReadOnlyCollection<KnowledgeKind>? kinds = null, CancellationToken cancellation = default);

    /// <summary>How much the store holds.</summary>
    Task<KnowledgeStats> GetStatsAsync(CancellationToken cancellation = default);
}

/// <summary>What one add did.</summary>
public sealed record AddResult(int Added, int Duplicates)
{
    public static AddResult None { get; } = new(0, 0);

    public AddResult Plus(AddResult other) => new(Added + other.Added, Duplicates + other.Duplicates);
}

/// <summary>
/// A store's contents: chunk counts by kind, distinct sources, and how it ranks
/// (<see cref="EmbeddingModel"/> is null when ranking is BM25 only), and which kind of store it is
/// (<see cref="Store"/>: "sqlite" or "qdrant"; <see cref="Bytes"/> is 0 for a server store).
/// </summary>
public sealed record KnowledgeStats(
    string Location,
    int Chunks,
    IReadOnlyDictionary<string, int> ChunksByKind,
    int Sources,
    long Bytes,
    int ChunksWithVectors,
    string? EmbeddingModel,
    string? CorpusHash,
    string Store = "sqlite");
