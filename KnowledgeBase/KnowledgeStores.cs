using HwForge.KnowledgeBase.Corpus;
using HwForge.KnowledgeBase.Embeddings;
using HwForge.KnowledgeBase.Storage;

namespace HwForge.KnowledgeBase;

/// <summary>Opens the store HwForge uses by default: knowledge.db in the data folder, the shipped corpus, embeddings if configured.</summary>
public static class KnowledgeStores
{
    /// <summary>
    /// Opens <c>{dataFolder}/knowledge.db</c> (created if missing), indexing the shipped corpus when it is new or
    /// changed; hybrid ranking when HWFORGE_EMBEDDINGS_ENDPOINT and HWFORGE_EMBEDDINGS_MODEL are set, BM25 otherwise.
    /// </summary>
    public static async Task<IKnowledgeStore> OpenDefaultAsync(string dataFolder, CancellationToken cancellation = default) =>
        await SqliteKnowledgeStore.OpenAsync(Path.Combine(dataFolder, SqliteKnowledgeStore.FileName), ShippedCorpus.Default, OpenAiEmbedder.FromEnvironment(), cancellation);
}
