using HwForge.KnowledgeBase.Corpus;
using HwForge.KnowledgeBase.Storage;

namespace HwForge.KnowledgeBase.Tests;

/// <summary>
/// Big stores rank candidates with HwForge's own BM25 instead of FTS5's; the two must agree to the
/// last digit, so a store ranks the same way whatever its size.
/// </summary>
public sealed class CandidateScorerTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Candidate_scores_equal_fts5_bm25_scores()
    {
        await using var store = await SqliteKnowledgeStore.OpenAsync(_folder.Database, ShippedCorpus.Default);
        var compared = 0;
        foreach (var query in LabelledQuery.Load().Select(q => q.Query))
        {
            store.CommonTerms.MinChunks = long.MaxValue;
            var byFts5 = (await store.SearchAsync(query, 10)).ToDictionary(h => h.Title, h => h.Score);
            // With no threshold every store counts as big: candidates come from rare words, scores from CandidateScorer.
            store.CommonTerms.MinChunks = 0;
            foreach (var hit in await store.SearchAsync(query, 10))
            {
                if (!byFts5.TryGetValue(hit.Title, out var expected)) continue;
                Assert.True(Math.Abs(expected - hit.Score) < 1e-5, $"'{hit.Title}' for '{query}': FTS5 {expected}, scorer {hit.Score}");
                compared++;
            }
        }
        Assert.True(compared > 100, $"only {compared} scores compared");
    }

    public void Dispose() => _folder.Dispose();
}
