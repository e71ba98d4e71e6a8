using HwForge.KnowledgeBase.Embeddings;
using HwForge.KnowledgeBase.Storage;

namespace HwForge.KnowledgeBase.Tests;

/// <summary>With an embeddings endpoint configured, meaning counts as well as words.</summary>
public sealed class HybridSearchTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly HttpClient _http = new();

    private static readonly KnowledgeChunk[] Chunks =
    [
        new("Transport", "A car has four wheels and an engine.", KnowledgeSource.File("/notes/transport.md"), KnowledgeKind.Doc),
        new("Groceries", "A banana is yellow when ripe.", KnowledgeSource.File("/notes/groceries.md"), KnowledgeKind.Doc),
        new("Registers", "A flip-flop stores one bit on the clock edge.", KnowledgeSource.File("/notes/rtl.md"), KnowledgeKind.Idiom),
    ];

    [Fact]
    public async Task A_query_with_no_shared_keyword_finds_the_chunk_of_the_same_meaning()
    {
        await using var server = new EmbeddingServer();
        await using var store = await SqliteKnowledgeStore.OpenAsync(_folder.Database, embedder: new OpenAiEmbedder(_http, server.Endpoint, "test-embed-1", "sk-test"));
        await store.AddAsync(Chunks);

        var hits = await store.SearchAsync("automobile", 2);

        Assert.Equal("Transport", hits[0].Title);
        var stats = await store.GetStatsAsync();
        Assert.Equal(3, stats.ChunksWithVectors);
        Assert.Equal("test-embed-1", stats.EmbeddingModel);
        Assert.Equal("test-embed-1", server.LastModel);
        Assert.Equal("Bearer sk-test", server.LastAuthorization);
    }

    [Fact]
    public async Task Without_an_endpoint_the_same_query_finds_nothing_because_ranking_is_keywords_only()
    {
        await using var store = await SqliteKnowledgeStore.OpenAsync(_folder.Database);
        await store.AddAsync(Chunks);

        Assert.Empty(await store.SearchAsync("automobile", 2));
        Assert.Equal("Transport", (await store.SearchAsync("car engine", 2))[0].Title);
        Assert.Null((await store.GetStatsAsync()).EmbeddingModel);
    }

    [Fact]
    public async Task Chunks_stored_before_the_endpoint_was_configured_get_vectors_when_the_store_next_opens_with_it()
    {
        await using (var plain = await SqliteKnowledgeStore.OpenAsync(_folder.Database))
            await plain.AddAsync(Chunks);

        await using var server = new EmbeddingServer();
        await using var hybrid = await SqliteKnowledgeStore.OpenAsync(_folder.Database, embedder: new OpenAiEmbedder(_http, server.Endpoint, "test-embed-1", null));

        Assert.Equal(3, (await hybrid.GetStatsAsync()).ChunksWithVectors);
        Assert.Equal("Groceries", (await hybrid.SearchAsync("fruit", 1))[0].Title);
    }

    [Fact]
    public async Task An_endpoint_that_goes_away_leaves_search_working_on_keywords()
    {
        var server = new EmbeddingServer();
        await using var store = await SqliteKnowledgeStore.OpenAsync(_folder.Database, embedder: new OpenAiEmbedder(_http, server.Endpoint, "test-embed-1", null));
        await store.AddAsync(Chunks);
        await server.DisposeAsync();

        var hits = await store.SearchAsync("flip-flop clock edge", 3);

        Assert.Equal("Registers", hits[0].Title);
    }

    [Fact]
    public async Task A_store_opens_and_searches_while_its_endpoint_is_down()
    {
        var server = new EmbeddingServer();
        var endpoint = server.Endpoint;
        await server.DisposeAsync();

        await using var store = await SqliteKnowledgeStore.OpenAsync(_folder.Database, Corpus.ShippedCorpus.Default, new OpenAiEmbedder(_http, endpoint, "test-embed-1", null));

        Assert.Equal("Verilator lint warnings > LATCH: latch inferred in combinational logic", (await store.SearchAsync("%Warning-LATCH: Latch inferred for signal 'y'", 1))[0].Title);
        Assert.Equal(0, (await store.GetStatsAsync()).ChunksWithVectors);
    }

    public void Dispose()
    {
        _http.Dispose();
        _folder.Dispose();
    }
}
