using HwForge.Agents.Roles;
using HwForge.KnowledgeBase;

namespace HwForge.Agents.Knowledge;

/// <summary>The roles' retrieved context, from the knowledge base: top hits within the budget, each naming its source.</summary>
public sealed class KnowledgePrompts(IKnowledgeStore store) : IPromptKnowledge
{
    private readonly KnowledgeRetriever _retriever = new(store);

    public async Task<string> RetrieveAsync(string query, int tokenBudget, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(query)) return "";
        var found = await _retriever.RetrieveAsync(query, tokenBudget, cancellation: cancellation);
        return found.Hits.Count == 0 ? "" : found.FormatForPrompt();
    }
}
