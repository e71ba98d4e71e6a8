using HwForge.KnowledgeBase.Corpus;
using HwForge.KnowledgeBase.Storage;

namespace HwForge.KnowledgeBase.Tests;

/// <summary>What the Coder, Verifier and Optimizer prompts receive.</summary>
public sealed class RetrieverTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Retrieval_fits_the_token_budget_and_each_block_names_its_source()
    {
        await using var store = await SqliteKnowledgeStore.OpenAsync(_folder.Database, ShippedCorpus.Default);
        var retriever = new KnowledgeRetriever(store);

        var knowledge = await retriever.RetrieveAsync("%Warning-LATCH: dec.v:5:3: Latch inferred for signal 'y'", tokenBudget: 700);
        var prompt = knowledge.FormatForPrompt();

        Assert.NotEmpty(knowledge.Hits);
        Assert.InRange(knowledge.EstimatedTokens, 1, 700);
        Assert.True(KnowledgeRetriever.EstimateTokens(prompt) <= 700);
        Assert.StartsWith("[1] Verilator lint warnings > LATCH", prompt);
        Assert.Contains("source: corpus/verilator-lint.md", prompt);
        Assert.Contains("> Fix: give the signal a default", prompt);
    }

    [Fact]
    public async Task A_prompt_can_ask_for_only_some_kinds()
    {
        await using var store = await SqliteKnowledgeStore.OpenAsync(_folder.Database, ShippedCorpus.Default);

        var knowledge = await new KnowledgeRetriever(store).RetrieveAsync("latch inferred, how do I fix it and what does it cost", 2000, [KnowledgeKind.Idiom, KnowledgeKind.PpaTechnique]);

        Assert.NotEmpty(knowledge.Hits);
        Assert.All(knowledge.Hits, h => Assert.Contains(h.Kind, new[] { KnowledgeKind.Idiom, KnowledgeKind.PpaTechnique }));
    }

    [Fact]
    public async Task A_budget_too_small_for_any_hit_gives_nothing_rather_than_half_a_hit()
    {
        await using var store = await SqliteKnowledgeStore.OpenAsync(_folder.Database, ShippedCorpus.Default);

        var knowledge = await new KnowledgeRetriever(store).RetrieveAsync("pipelining a multiplier", tokenBudget: 10);

        Assert.Empty(knowledge.Hits);
        Assert.Equal("", knowledge.FormatForPrompt());
    }

    public void Dispose() => _folder.Dispose();
}
