using HwForge.KnowledgeBase.Corpus;

namespace HwForge.KnowledgeBase.Tests.Stores;

/// <summary>
/// What every knowledge store promises the agents, run on each backend: SQLite always, Qdrant when a server
/// is named (see <see cref="OnQdrantAttribute"/>). A backend that passes these can replace another.
/// </summary>
public sealed class StoreContractTests
{
    private static readonly KnowledgeChunk ResetNote = new("Team notes > Reset polarity",
        "Our SoC uses an active-low reset called por_n everywhere; never add a synchronous reset to the FIFO.",
        KnowledgeSource.File("/notes/team.md"), KnowledgeKind.Doc);

    private static readonly KnowledgeChunk GrayRepair = new("Repair: gray counter overflow",
        "The gray counter wrapped at 15 because its binary register was four bits wide; widening it fixed the fifo pointer.",
        KnowledgeSource.Run("run-7", "c2"), KnowledgeKind.Repair);

    [Theory, OnSqlite, OnQdrant]
    public async Task an_added_chunk_is_found_by_its_words_and_names_its_source(string backend)
    {
        await using var test = new StoreUnderTest(backend);
        await using var store = await test.OpenAsync();
        await store.AddAsync([ResetNote, GrayRepair]);

        var hits = await store.SearchAsync("which reset polarity does por_n have?", 2);

        Assert.Equal(ResetNote.Title, hits[0].Title);
        Assert.Equal(ResetNote.Text, hits[0].Text);
        Assert.Equal("/notes/team.md", hits[0].Source.Path);
        Assert.Equal(KnowledgeKind.Doc, hits[0].Kind);
    }

    [Theory, OnSqlite, OnQdrant]
    public async Task the_same_chunk_added_twice_is_stored_once(string backend)
    {
        await using var test = new StoreUnderTest(backend);
        await using var store = await test.OpenAsync();

        var first = await store.AddAsync([ResetNote, GrayRepair]);
        var again = await store.AddAsync([ResetNote with { Text = ResetNote.Text + "  " }]);

        Assert.Equal(new AddResult(2, 0), first);
        Assert.Equal(new AddResult(0, 1), again);
        Assert.Equal(2, (await store.GetStatsAsync()).Chunks);
    }

    [Theory, OnSqlite, OnQdrant]
    public async Task a_search_limited_to_a_kind_returns_only_that_kind(string backend)
    {
        await using var test = new StoreUnderTest(backend);
        await using var store = await test.OpenAsync();
        await store.AddAsync([ResetNote, GrayRepair, GrayRepair with { Kind = KnowledgeKind.Doc, Title = "Gray counters" }]);

        var hits = await store.SearchAsync("gray counter fifo pointer", 5, [KnowledgeKind.Repair]);

        var hit = Assert.Single(hits);
        Assert.Equal(KnowledgeKind.Repair, hit.Kind);
        Assert.Equal("run-7", hit.Source.RunId);
        Assert.Equal("c2", hit.Source.CandidateId);
    }

    [Theory, OnSqlite, OnQdrant]
    public async Task stats_count_chunks_by_kind_and_sources_and_name_the_store(string backend)
    {
        await using var test = new StoreUnderTest(backend);
        await using var store = await test.OpenAsync();
        await store.AddAsync([ResetNote, GrayRepair]);

        var stats = await store.GetStatsAsync();

        Assert.Equal(backend, stats.Store);
        Assert.Equal(2, stats.Chunks);
        Assert.Equal(2, stats.Sources);
        Assert.Equal(1, stats.ChunksByKind["doc"]);
        Assert.Equal(1, stats.ChunksByKind["repair"]);
    }

    [Theory, OnSqlite, OnQdrant]
    public async Task the_shipped_corpus_is_indexed_once_however_often_the_store_is_opened(string backend)
    {
        await using var test = new StoreUnderTest(backend);
        int first;
        await using (var store = await test.OpenAsync(ShippedCorpus.Default)) first = (await store.GetStatsAsync()).Chunks;
        await using var reopened = await test.OpenAsync(ShippedCorpus.Default);

        var stats = await reopened.GetStatsAsync();
        var hits = await reopened.SearchAsync("BLKSEQ blocking assignment in sequential logic", 3, [KnowledgeKind.ErrorKnowledge]);

        Assert.Equal(ShippedCorpus.Default.Chunks.DistinctBy(c => (c.Kind, c.Title, c.Text)).Count(), first);
        Assert.Equal(first, stats.Chunks);
        Assert.Equal(ShippedCorpus.Default.Hash, stats.CorpusHash);
        Assert.Contains(hits, h => h.Source.Path == "corpus/verilator-lint.md");
    }

    [Theory, OnSqlite, OnQdrant]
    public async Task a_query_of_stop_words_only_finds_nothing_rather_than_failing(string backend)
    {
        await using var test = new StoreUnderTest(backend);
        await using var store = await test.OpenAsync();
        await store.AddAsync([ResetNote]);

        Assert.Empty(await store.SearchAsync("what is the", 3));
    }
}
