using HwForge.KnowledgeBase.Corpus;
using HwForge.KnowledgeBase.Storage;

namespace HwForge.KnowledgeBase.Tests;

/// <summary>Whatever a user or a tool types is a valid search; FTS5 syntax never leaks through.</summary>
public sealed class QueryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("\"unterminated quote")]
    [InlineData("a* OR (b AND NOT c) NEAR/3 d")]
    [InlineData("title:width -UNUSED ^latch {x y}")]
    [InlineData("%Error: /tmp/x.v:3:1: syntax error, unexpected ')', expecting IDENTIFIER or '(' ... [+] <= ;")]
    public async Task Queries_full_of_search_syntax_characters_still_search(string query)
    {
        await using var store = await SqliteKnowledgeStore.OpenAsync(_folder.Database, ShippedCorpus.Default);
        await store.SearchAsync(query, 5);
    }

    [Fact]
    public async Task A_query_of_stop_words_only_finds_nothing_instead_of_everything()
    {
        await using var store = await SqliteKnowledgeStore.OpenAsync(_folder.Database, ShippedCorpus.Default);
        Assert.Empty(await store.SearchAsync("what is it and how do I do this?", 5));
    }

    [Fact]
    public void Error_messages_keep_their_codes_and_words_but_lose_numbers_and_punctuation()
    {
        var terms = FtsQuery.Terms("%Warning-WIDTH: alu.v:23:14: Operator ASSIGN expects 8 bits");
        Assert.Equal(["warning", "width", "alu", "operator", "assign", "expects", "bits"], terms);
    }

    [Fact]
    public async Task Two_stores_on_one_file_search_while_the_other_writes()
    {
        await using var writer = await SqliteKnowledgeStore.OpenAsync(_folder.Database, ShippedCorpus.Default);
        await using var reader = await SqliteKnowledgeStore.OpenAsync(_folder.Database, ShippedCorpus.Default);

        var writes = Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
                await writer.AddAsync([new KnowledgeChunk($"Note {i}", $"glorpulator note number {i}", KnowledgeSource.File("/n.md"), KnowledgeKind.Doc)]);
        });
        var searches = Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++) Assert.NotEmpty(await reader.SearchAsync("latch inferred", 3));
        });
        await Task.WhenAll(writes, searches);

        Assert.Equal(5, (await reader.SearchAsync("glorpulator", 5)).Count);
    }

    public void Dispose() => _folder.Dispose();
}
