namespace HwForge.Agents.Roles;

/// <summary>
/// Retrieved knowledge for a prompt (examples, error explanations, PPA techniques), already within a token
/// budget and naming its sources; empty when there is nothing relevant. Implemented over the knowledge base.
/// </summary>
public interface IPromptKnowledge
{
    Task<string> RetrieveAsync(string query, int tokenBudget, CancellationToken cancellation);
}
