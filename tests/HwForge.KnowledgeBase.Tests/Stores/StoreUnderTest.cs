using HwForge.KnowledgeBase.Corpus;
using HwForge.KnowledgeBase.Storage;
using HwForge.KnowledgeBase.Storage.Qdrant;
using Qdrant.Client;

namespace HwForge.KnowledgeBase.Tests.Stores;

/// <summary>
/// A fresh store of one backend for one test: a SQLite file in a private folder, or a Qdrant collection of
/// its own (deleted afterwards) on the server <see cref="OnQdrantAttribute.Variable"/> names.
/// </summary>
internal sealed class StoreUnderTest : IAsyncDisposable
{
    private readonly TempFolder _folder = new();
    private readonly KnowledgeStoreChoice _choice;

    public StoreUnderTest(string backend)
    {
        _choice = backend == "sqlite"
            ? KnowledgeStoreChoice.Embedded
            : KnowledgeStoreChoice.Parse($"{Environment.GetEnvironmentVariable(OnQdrantAttribute.Variable)!.TrimEnd('/')}/hwforge-test-{Guid.NewGuid():N}", OnQdrantAttribute.Variable);
    }

    public async Task<IKnowledgeStore> OpenAsync(ShippedCorpus? corpus = null) => _choice.Qdrant is null
        ? await SqliteKnowledgeStore.OpenAsync(_folder.Database, corpus)
        : await QdrantKnowledgeStore.OpenAsync(_choice, apiKey: null, corpus);

    public async ValueTask DisposeAsync()
    {
        if (_choice.Qdrant is { } url)
        {
            using var client = new QdrantClient(url.Host, url.Port < 0 ? 6334 : url.Port, https: url.Scheme == "qdrants");
            if (await client.CollectionExistsAsync(_choice.Collection)) await client.DeleteCollectionAsync(_choice.Collection);
        }
        _folder.Dispose();
    }
}
