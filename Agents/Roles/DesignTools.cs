using System.ComponentModel;
using HwForge.Tools.Targets;
using Microsoft.Extensions.AI;

namespace HwForge.Agents.Roles;

/// <summary>
/// The tools a role may call while it works, as <see cref="AIFunction"/>s: the target's draft check (lint for RTL,
/// in the sandbox like every tool run) and a knowledge-base search. They help a model; they never decide a verdict.
/// </summary>
public sealed class DesignTools(ITarget target, IPromptKnowledge? knowledge)
{
    public IReadOnlyList<AIFunction> All()
    {
        List<AIFunction> tools = [];
        if (target.DraftCheck is { } check)
            tools.Add(AIFunctionFactory.Create(([Description("The whole source of the draft")] string code, CancellationToken cancellation) => check.RunAsync(code, cancellation),
                check.Name, check.Description));
        if (knowledge is not null)
            tools.Add(AIFunctionFactory.Create(SearchAsync, "search_knowledge", "Search HwForge's knowledge base: tool error meanings, design idioms, PPA techniques, verified designs."));
        return tools;
    }

    private Task<string> SearchAsync([Description("What to look up, e.g. an error message")] string query, CancellationToken cancellation) =>
        knowledge!.RetrieveAsync(query, 800, cancellation);
}
