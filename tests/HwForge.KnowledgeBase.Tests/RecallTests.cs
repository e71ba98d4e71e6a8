using HwForge.KnowledgeBase.Corpus;
using HwForge.KnowledgeBase.Storage;
using Xunit.Abstractions;

namespace HwForge.KnowledgeBase.Tests;

/// <summary>
/// The shipped corpus answers the questions and tool messages users actually bring: a labelled set of
/// queries (Data/queries.json), each with the chunk that should come back in the top five.
/// </summary>
public sealed class RecallTests(ITestOutputHelper log) : IDisposable
{
    private const int K = 5;
    private const double RequiredRecall = 0.9;

    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Real_questions_and_pasted_tool_messages_find_the_right_chunk_in_the_top_five()
    {
        var queries = LabelledQuery.Load();
        Assert.True(queries.Count >= 30, $"the labelled set has only {queries.Count} queries");
        await using var store = await SqliteKnowledgeStore.OpenAsync(_folder.Database, ShippedCorpus.Default);
        var titles = ShippedCorpus.Default.Chunks.Select(c => c.Title).ToHashSet();
        Assert.All(queries, q => Assert.Contains(q.Expected, titles));

        var misses = new List<string>();
        foreach (var query in queries)
        {
            var hits = await store.SearchAsync(query.Query, K);
            if (!hits.Any(h => h.Title == query.Expected))
                misses.Add($"MISS {query.Query}\n     expected: {query.Expected}\n     got: {string.Join(" | ", hits.Select(h => h.Title))}");
        }
        var recall = 1.0 - (double)misses.Count / queries.Count;
        log.WriteLine($"recall@{K} = {recall:0.000} over {queries.Count} queries");
        foreach (var miss in misses) log.WriteLine(miss);
        Assert.True(recall >= RequiredRecall, $"recall@{K} is {recall:0.000}, below {RequiredRecall}:\n{string.Join('\n', misses)}");
    }

    public void Dispose() => _folder.Dispose();
}
