namespace HwForge.KnowledgeBase.Embeddings;

/// <summary>
/// Which embedder a store gets: an endpoint when <c>HWFORGE_EMBEDDINGS_ENDPOINT</c> is set; otherwise, for the
/// embedded SQLite store, the local MiniLM encoder; nothing (BM25 only) when <c>HWFORGE_EMBEDDINGS=off</c> or the
/// weights are not there. <c>HWFORGE_EMBEDDINGS=local</c> asks for the local encoder everywhere, a Qdrant store too.
/// </summary>
public static class EmbedderChoice
{
    public const string Variable = "HWFORGE_EMBEDDINGS";

    /// <summary>The embedder for a store; <paramref name="shared"/> is true for a team (Qdrant) store.</summary>
    public static ITextEmbedder? FromEnvironment(Func<string, string?> environment, bool shared, HttpClient? http = null)
    {
        var mode = environment(Variable)?.Trim().ToLowerInvariant();
        if (mode is "off" or "none" or "bm25") return null;
        if (mode is not (null or "" or "local"))
            throw new ArgumentException($"{Variable} is '{mode}': use 'local' (MiniLM in process) or 'off' (BM25 only), or unset it");
        if (mode != "local" && OpenAiEmbedder.FromEnvironment(environment, http) is { } endpoint) return endpoint;
        // A team collection keeps the model it was made with and refuses another (QdrantKnowledgeStore), so a
        // collection made before local embeddings existed would be refused by every client that upgrades:
        // shared stores embed locally only when asked to.
        if (shared && mode != "local") return null;
        return LocalEmbedder.Available() ? new LocalEmbedder() : null;
    }
}
