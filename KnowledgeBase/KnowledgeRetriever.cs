using System.Text;

namespace HwForge.KnowledgeBase;

/// <summary>
/// Picks knowledge for a prompt: the best hits that fit a token budget, each rendered as a short
/// quoted block naming its source, so the model can weigh (and the user can check) each one.
/// </summary>
public sealed class KnowledgeRetriever(IKnowledgeStore store)
{
    // Candidates looked at before the budget decides; a hit ranked lower than this rarely helps.
    private const int Candidates = 20;

    /// <summary>Tokens are estimated as characters / 4, the usual rule for English and code with BPE tokenizers.</summary>
    public static int EstimateTokens(string text) => (text.Length + 3) / 4;

    public async Task<RetrievedKnowledge> RetrieveAsync(string query, int tokenBudget, IReadOnlyCollection<KnowledgeKind>? kinds = null, CancellationToken cancellation = default)
    {
        var chosen = new List<KnowledgeHit>();
        var used = 0;
        foreach (var hit in await store.SearchAsync(query, Candidates, kinds, cancellation))
        {
            // A hit that does not fit is passed over, not cut: half a fix misleads more than none.
            var cost = EstimateTokens(RetrievedKnowledge.Block(chosen.Count + 1, hit));
            if (used + cost > tokenBudget) continue;
            chosen.Add(hit);
            used += cost;
        }
        return new RetrievedKnowledge(chosen, used);
    }
}

/// <summary>The hits chosen for one prompt and the tokens they take.</summary>
public sealed record RetrievedKnowledge(IReadOnlyList<KnowledgeHit> Hits, int EstimatedTokens)
{
    /// <summary>The hits as numbered, quoted blocks, each headed by its title, kind and source; empty when there are none.</summary>
    public string FormatForPrompt() =>
        string.Join("\n", Hits.Select((hit, i) => Block(i + 1, hit)));

    internal static string Block(int number, KnowledgeHit hit)
    {
        var block = new StringBuilder($"[{number}] {hit.Title} ({hit.Kind.Name()}; source: {hit.Source})\n");
        foreach (var line in hit.Text.Split('\n')) block.Append("> ").AppendLine(line.TrimEnd());
        return block.ToString();
    }
}
