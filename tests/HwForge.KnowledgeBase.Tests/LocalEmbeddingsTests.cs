using HwForge.KnowledgeBase.Corpus;
using HwForge.KnowledgeBase.Embeddings;
using HwForge.KnowledgeBase.Storage;

namespace HwForge.KnowledgeBase.Tests;

/// <summary>With no endpoint configured, the knowledge base ranks with the inference core's MiniLM (real weights).</summary>
public sealed class LocalEmbeddingsTests : IDisposable
{
    // One encoder for the class: the weights take a second or two to read, and the vectors do not depend on it.
    private static readonly LocalEmbedder Embedder = new();

    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Two_sentences_about_one_thing_are_closer_than_a_sentence_about_something_else()
    {
        var vectors = await Embedder.EmbedAsync([
            "my always block infers a latch because one branch does not assign the output",
            "assign every output on every path of combinational logic to avoid unintended latches",
            "load a tile into shared memory so every GPU thread of the block can reuse it",
        ]);

        Assert.All(vectors, v => Assert.Equal(384, v.Length));
        var related = Vectors.Cosine(vectors[0], vectors[1]);
        var unrelated = Vectors.Cosine(vectors[0], vectors[2]);
        Assert.True(related > unrelated + 0.2, $"cosine of related texts {related:0.000}, of unrelated ones {unrelated:0.000}");
    }

    [Fact]
    public void With_no_endpoint_the_embedded_store_gets_the_local_encoder_and_a_team_store_gets_none_unless_asked()
    {
        string? None(string _) => null;
        Assert.IsType<LocalEmbedder>(EmbedderChoice.FromEnvironment(None, shared: false));
        Assert.Null(EmbedderChoice.FromEnvironment(None, shared: true));
        Assert.IsType<LocalEmbedder>(EmbedderChoice.FromEnvironment(v => v == EmbedderChoice.Variable ? "local" : null, shared: true));
        Assert.Null(EmbedderChoice.FromEnvironment(v => v == EmbedderChoice.Variable ? "off" : null, shared: false));

        var endpoint = new Dictionary<string, string>
        {
            [OpenAiEmbedder.EndpointVariable] = "http://127.0.0.1:9/v1",
            [OpenAiEmbedder.ModelVariable] = "all-MiniLM-L6-v2",
        };
        var configured = EmbedderChoice.FromEnvironment(endpoint.GetValueOrDefault, shared: false);
        Assert.IsType<OpenAiEmbedder>(configured);
        // The stored model name is the key that keeps vectors apart: an endpoint serving "the same" model is not this encoder.
        Assert.NotEqual(configured!.Model, Embedder.Model);
    }

    [Fact]
    public async Task The_default_store_ranks_with_local_vectors_without_any_endpoint()
    {
        await using var store = await KnowledgeStores.OpenAsync(KnowledgeStoreChoice.Embedded, _folder.Path);

        var stats = await store.GetStatsAsync();
        Assert.Equal(LocalEmbedder.ModelName, stats.EmbeddingModel);
        Assert.Equal(stats.Chunks, stats.ChunksWithVectors);
    }

    [Fact]
    public async Task A_question_in_other_words_than_the_corpus_finds_its_chunk_with_local_vectors_where_keywords_alone_miss_it()
    {
        // The one query of the labelled set (Data/queries.json) that BM25 misses: it shares only "carry" and "bit" with
        // the chunk ("keep the carry of an addition by widening the destination"), and the adder chunks have more of both.
        const string question = "adding two 8 bit numbers loses the carry bit";
        const string answer = "RTL idioms and pitfalls > Widths, truncation and zero extension";
        await using (var keywords = await SqliteKnowledgeStore.OpenAsync(_folder.Database, ShippedCorpus.Default))
            Assert.DoesNotContain(answer, (await keywords.SearchAsync(question, 5)).Select(h => h.Title));

        await using var hybrid = await SqliteKnowledgeStore.OpenAsync(_folder.Database, ShippedCorpus.Default, Embedder);

        Assert.Contains(answer, (await hybrid.SearchAsync(question, 5)).Select(h => h.Title));
    }

    [Fact]
    public async Task A_query_that_means_nothing_to_the_corpus_still_finds_nothing()
    {
        await using var store = await SqliteKnowledgeStore.OpenAsync(_folder.Database, ShippedCorpus.Default, Embedder);

        // Every chunk has some cosine to any text; below the encoder's floor it is no match, so "nothing found" stays possible.
        Assert.Empty(await store.SearchAsync("xyzzyplugh", 5));
        Assert.NotEmpty(await store.SearchAsync("how do I cross between two clock domains safely", 5));
    }

    [Fact]
    public async Task Switching_from_an_endpoint_to_the_local_encoder_re_embeds_instead_of_mixing_vectors()
    {
        await using (var server = new EmbeddingServer())
        using (var http = new HttpClient())
        await using (var remote = await SqliteKnowledgeStore.OpenAsync(_folder.Database, ShippedCorpus.Default, new OpenAiEmbedder(http, server.Endpoint, "all-MiniLM-L6-v2", null)))
            Assert.Equal("all-MiniLM-L6-v2", (await remote.GetStatsAsync()).EmbeddingModel);

        await using var local = await SqliteKnowledgeStore.OpenAsync(_folder.Database, ShippedCorpus.Default, Embedder);

        var stats = await local.GetStatsAsync();
        Assert.Equal(LocalEmbedder.ModelName, stats.EmbeddingModel);
        Assert.Equal(stats.Chunks, stats.ChunksWithVectors);
        using var connection = KnowledgeDatabase.Open(_folder.Database);
        // Every vector is the encoder's (384 floats), none is left from the endpoint's 64-dimension model.
        Assert.Equal(0L, Convert.ToInt64(KnowledgeDatabase.Scalar(connection, "SELECT count(*) FROM chunks WHERE length(vector) <> 384 * 4")));
    }

    public void Dispose() => _folder.Dispose();
}
