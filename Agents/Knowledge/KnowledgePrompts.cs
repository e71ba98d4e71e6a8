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
        // A design stored as verified before HwForge required a proof may have been bounded or simulated only;
        // a prompt must not offer it to a model as verified code, so it is left out.
        var hits = found.Hits.Where(ExperienceMemory.IsProvenOrNotADesign).ToList();
        return hits.Count == 0 ? "" : new RetrievedKnowledge(hits, found.EstimatedTokens).FormatForPrompt();
    }
}
