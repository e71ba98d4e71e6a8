using HwForge.KnowledgeBase.Corpus;
using HwForge.KnowledgeBase.Storage;

namespace HwForge.KnowledgeBase.Tests;

/// <summary>
/// Big stores rank by their words' heads and score the candidates with HwForge's own BM25 instead of
/// FTS5's. Where the heads hold every chunk (the shipped corpus alone), the ranking must be FTS5's to
/// the last digit; chunks added after the heads were computed must still be found.
/// </summary>
public sealed class TermHeadsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Ranking_by_word_heads_equals_fts5_bm25_ranking_when_the_heads_hold_every_chunk()
    {
        await using var store = await SqliteKnowledgeStore.OpenAsync(_folder.Database, ShippedCorpus.Default);
        var compared = 0;
        foreach (var query in LabelledQuery.Load().Select(q => q.Query))
        {
            store.CommonTerms.MinChunks = long.MaxValue;
            var byFts5 = await store.SearchAsync(query, 10);
            // With no threshold every store counts as big and ranks by its words' heads.
            store.CommonTerms.MinChunks = 0;
            var byHeads = await store.SearchAsync(query, 10);
            Assert.Equal(byFts5.Select(h => h.Title), byHeads.Select(h => h.Title));
            foreach (var (expected, actual) in byFts5.Zip(byHeads))
            {
                Assert.True(Math.Abs(expected.Score - actual.Score) < 1e-5, $"'{actual.Title}' for '{query}': FTS5 {expected.Score}, heads {actual.Score}");
                compared++;
            }
        }
        Assert.True(compared > 100, $"only {compared} scores compared");
    }

    [Fact]
    public async Task A_chunk_added_after_the_heads_were_computed_is_found()
    {
        await using var store = await SqliteKnowledgeStore.OpenAsync(_folder.Database, ShippedCorpus.Default);
        store.CommonTerms.MinChunks = 0;
        Assert.NotEmpty(await store.SearchAsync("latch inferred combinational", 5));

        await store.AddAsync([new KnowledgeChunk("Repair: quuxlatch in the decoder", "The latch quuxlatch was inferred in combinational logic.",
            KnowledgeSource.Run("run-1", "cand-1"), KnowledgeKind.Repair)]);

        var hits = await store.SearchAsync("quuxlatch latch", 5);
        Assert.Equal("Repair: quuxlatch in the decoder", hits[0].Title);
    }

    public void Dispose() => _folder.Dispose();
}
