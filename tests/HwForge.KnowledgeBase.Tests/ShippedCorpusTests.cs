using HwForge.KnowledgeBase.Corpus;
using HwForge.KnowledgeBase.Storage;

namespace HwForge.KnowledgeBase.Tests;

public sealed class ShippedCorpusTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void The_shipped_corpus_covers_tool_errors_idioms_and_ppa_with_sources_named()
    {
        var corpus = ShippedCorpus.Default;
        Assert.True(corpus.Chunks.Count >= 60, $"only {corpus.Chunks.Count} chunks");
        Assert.True(corpus.Chunks.Count(c => c.Kind == KnowledgeKind.ErrorKnowledge) >= 30);
        Assert.True(corpus.Chunks.Count(c => c.Kind == KnowledgeKind.Idiom) >= 10);
        Assert.True(corpus.Chunks.Count(c => c.Kind == KnowledgeKind.PpaTechnique) >= 10);
        // Every file ends by naming where its knowledge comes from.
        foreach (var file in corpus.Chunks.GroupBy(c => c.Source.Path))
            Assert.Contains(file, c => c.Title.EndsWith("> Sources"));
        Assert.All(corpus.Chunks, c => Assert.InRange(c.Text.Length, 1, 2400));
    }

    [Fact]
    public async Task A_new_store_indexes_the_corpus_once_and_keeps_it_on_reopen()
    {
        await using (var store = await SqliteKnowledgeStore.OpenAsync(_folder.Database, ShippedCorpus.Default))
        {
            var stats = await store.GetStatsAsync();
            Assert.Equal(ShippedCorpus.Default.Chunks.Count, stats.Chunks);
            Assert.Equal(ShippedCorpus.Default.Hash, stats.CorpusHash);
        }
        await using var reopened = await SqliteKnowledgeStore.OpenAsync(_folder.Database, ShippedCorpus.Default);
        Assert.Equal(ShippedCorpus.Default.Chunks.Count, (await reopened.GetStatsAsync()).Chunks);
    }

    [Fact]
    public async Task A_changed_corpus_replaces_the_old_corpus_chunks_but_keeps_what_the_user_added()
    {
        var source = KnowledgeSource.File("corpus/notes.md");
        var first = new ShippedCorpus([new KnowledgeChunk("Notes > Old", "the zorblax rule", source, KnowledgeKind.Idiom)], "first", 1);
        var second = new ShippedCorpus([new KnowledgeChunk("Notes > New", "the quuxle rule", source, KnowledgeKind.Idiom)], "second", 1);
        await using (var store = await SqliteKnowledgeStore.OpenAsync(_folder.Database, first))
            await store.AddAsync([new KnowledgeChunk("Mine", "my own flumph notes", KnowledgeSource.File("/home/me/mine.md"), KnowledgeKind.Doc)]);

        await using var upgraded = await SqliteKnowledgeStore.OpenAsync(_folder.Database, second);
        Assert.Empty(await upgraded.SearchAsync("zorblax", 5));
        Assert.Single(await upgraded.SearchAsync("quuxle", 5));
        Assert.Single(await upgraded.SearchAsync("flumph", 5));
        Assert.Equal("second", (await upgraded.GetStatsAsync()).CorpusHash);
    }

    public void Dispose() => _folder.Dispose();
}
