using System.Text.RegularExpressions;
using HwForge.KnowledgeBase.Corpus;
using HwForge.KnowledgeBase.Storage;
using Xunit.Abstractions;

namespace HwForge.KnowledgeBase.Tests;

/// <summary>
/// The right chunk must still come back when the corpus is buried among thousands of other chunks
/// using the same words, with and without a big store's choice of candidates by rarer words.
/// </summary>
public sealed partial class LargeStoreRecallTests(ITestOutputHelper log) : IDisposable
{
    private const int FillerChunks = 5000;
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task The_labelled_queries_still_find_their_chunk_among_five_thousand_filler_chunks()
    {
        var recall = await RecallAmongFillerAsync(pruneAboveChunks: null);
        Assert.True(recall >= 0.9, $"recall@5 is {recall:0.000}");
    }

    /// <summary>
    /// Past its threshold a store takes candidates from the heads of its words' rankings (to stay fast);
    /// scored with every word, they must still rank the right chunk as well as a full search does.
    /// </summary>
    [Fact]
    public async Task Ranking_by_word_heads_keeps_recall()
    {
        var recall = await RecallAmongFillerAsync(pruneAboveChunks: 2000);
        Assert.True(recall >= 0.9, $"recall@5 is {recall:0.000}");
    }

    /// <summary>
    /// With a kind filter a big store lets FTS5 score the chunks holding one of the query's rarer words,
    /// with every word; that must keep recall too.
    /// </summary>
    [Fact]
    public async Task Choosing_candidates_by_the_rarer_words_keeps_recall()
    {
        var recall = await RecallAmongFillerAsync(pruneAboveChunks: 2000, useHeads: false);
        Assert.True(recall >= 0.9, $"recall@5 is {recall:0.000}");
    }

    /// <summary>
    /// A kind filter (`kb search --kind`) takes candidates of that kind from the heads, or lets FTS5 score
    /// the chunks of that kind when the heads hold too few (the filler is all of one kind).
    /// </summary>
    [Fact]
    public async Task Filtering_by_the_expected_kind_keeps_recall()
    {
        var recall = await RecallAmongFillerAsync(pruneAboveChunks: 2000, byKind: true);
        Assert.True(recall >= 0.9, $"recall@5 is {recall:0.000}");
    }

    private async Task<double> RecallAmongFillerAsync(long? pruneAboveChunks, bool useHeads = true, bool byKind = false)
    {
        var kindOf = ShippedCorpus.Default.Chunks.ToDictionary(c => c.Title, c => c.Kind);
        var queries = LabelledQuery.Load();
        await using var store = await SqliteKnowledgeStore.OpenAsync(_folder.Database, ShippedCorpus.Default);
        if (pruneAboveChunks is { } threshold) store.CommonTerms.MinChunks = threshold;
        store.UseTermHeads = useHeads;
        await store.AddAsync(Filler());

        var misses = new List<string>();
        foreach (var query in queries)
        {
            var hits = await store.SearchAsync(query.Query, 5, byKind ? [kindOf[query.Expected]] : null);
            if (!hits.Any(h => h.Title == query.Expected)) misses.Add($"MISS {query.Query} -> {string.Join(" | ", hits.Select(h => h.Title))}");
        }
        var recall = 1.0 - (double)misses.Count / queries.Count;
        log.WriteLine($"recall@5 = {recall:0.000} with {FillerChunks} filler chunks");
        foreach (var miss in misses) log.WriteLine(miss);
        return recall;
    }

    /// <summary>
    /// Chunks about nothing in particular, shaped like the benchmark's: words drawn with a Zipf
    /// distribution (common words common, as in real text) whose head is the corpus vocabulary and
    /// whose long tail is other words, as a store full of other documents would have.
    /// </summary>
    private static IEnumerable<KnowledgeChunk> Filler()
    {
        var vocabulary = ShippedCorpus.Default.Chunks.SelectMany(c => Word().Matches(c.Text).Select(m => m.Value.ToLowerInvariant()))
            .CountBy(w => w).OrderByDescending(p => p.Value).Select(p => p.Key).Concat(Enumerable.Range(0, 40_000).Select(i => $"zz{i:x}")).ToArray();
        var random = new Random(11);
        for (var i = 0; i < FillerChunks; i++)
        {
            var words = Enumerable.Range(0, 120).Select(_ => vocabulary[Math.Min(vocabulary.Length - 1, (int)Math.Exp(random.NextDouble() * Math.Log(vocabulary.Length + 1)) - 1)]).ToList();
            yield return new KnowledgeChunk($"Filler {i} > {words[0]} {words[1]}", string.Join(' ', words), KnowledgeSource.File($"/filler/{i}.md"), KnowledgeKind.Doc);
        }
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    public void Dispose() => _folder.Dispose();
}
