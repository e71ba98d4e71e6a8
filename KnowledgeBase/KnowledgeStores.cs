using HwForge.KnowledgeBase.Corpus;
using HwForge.KnowledgeBase.Embeddings;
using HwForge.KnowledgeBase.Storage;
using HwForge.KnowledgeBase.Storage.Qdrant;

namespace HwForge.KnowledgeBase;

/// <summary>Opens the store HwForge is configured for: knowledge.db in the data folder unless a Qdrant server is chosen.</summary>
public static class KnowledgeStores
{
    /// <summary>
    /// Opens the store chosen by <c>HWFORGE_KB</c> or the <c>config.json</c> beside <paramref name="dataFolder"/>
    /// (the HwForge home), else <c>{dataFolder}/knowledge.db</c>; the shipped corpus is indexed when new or changed;
    /// hybrid ranking with the embedder <see cref="EmbedderChoice"/> picks (an endpoint when configured, else local
    /// MiniLM vectors for the SQLite store), BM25 alone when it picks none.
    /// </summary>
    public static Task<IKnowledgeStore> OpenDefaultAsync(string dataFolder, CancellationToken cancellation = default) =>
        OpenAsync(KnowledgeStoreChoice.Resolve(Environment.GetEnvironmentVariable, ConfigPath(dataFolder)), dataFolder, cancellation);

    /// <summary>Opens <paramref name="choice"/>; a Qdrant server that cannot be reached fails within seconds and leaves the local store alone.</summary>
    public static async Task<IKnowledgeStore> OpenAsync(KnowledgeStoreChoice choice, string dataFolder, CancellationToken cancellation = default) =>
        choice.Qdrant is null
            ? await SqliteKnowledgeStore.OpenAsync(Path.Combine(dataFolder, SqliteKnowledgeStore.FileName), ShippedCorpus.Default,
                EmbedderChoice.FromEnvironment(Environment.GetEnvironmentVariable, shared: false), cancellation)
            : await QdrantKnowledgeStore.OpenAsync(choice, Environment.GetEnvironmentVariable(KnowledgeStoreChoice.ApiKeyVariable), ShippedCorpus.Default,
                EmbedderChoice.FromEnvironment(Environment.GetEnvironmentVariable, shared: true), cancellation);

    // The data folder is HWFORGE_HOME/data; config.json lives in HWFORGE_HOME, as for the LLM settings.
    private static string ConfigPath(string dataFolder) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataFolder).TrimEnd('/')) ?? dataFolder, "config.json");
}
