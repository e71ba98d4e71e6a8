using System.ComponentModel;
using HwForge.Agents.Roles;
using HwForge.Tools.Targets;
using Microsoft.SemanticKernel;

namespace HwForge.Agents.Kernels;

/// <summary>
/// The tools a role may call while it works, as one Semantic Kernel plugin: the target's draft check (lint for RTL,
/// in the sandbox like every tool run) and a knowledge-base search. They help a model; they never decide a verdict.
/// </summary>
internal static class DesignPlugin
{
    /// <summary>The plugin's name; SK joins it to each function's name in what the model sees.</summary>
    public const string Name = "hwforge";

    public static KernelPlugin Create(ITarget target, IPromptKnowledge? knowledge)
    {
        List<KernelFunction> functions = [];
        // The draft check's name and words belong to the target (the RTL target's is its lint), so it is made from the
        // target's own description rather than a fixed [KernelFunction] attribute.
        if (target.DraftCheck is { } check)
            functions.Add(KernelFunctionFactory.CreateFromMethod(
                ([Description("The whole source of the draft")] string code, CancellationToken cancellation) => check.RunAsync(code, cancellation),
                check.Name, check.Description));
        if (knowledge is not null)
            functions.AddRange(KernelPluginFactory.CreateFromObject(new KnowledgeFunctions(knowledge)));
        return KernelPluginFactory.CreateFromFunctions(Name, functions);
    }

    private sealed class KnowledgeFunctions(IPromptKnowledge knowledge)
    {
        [KernelFunction("search_knowledge")]
        [Description("Search HwForge's knowledge base: tool error meanings, design idioms, PPA techniques, verified designs.")]
        public Task<string> SearchAsync([Description("What to look up, e.g. an error message")] string query, CancellationToken cancellation) =>
            knowledge.RetrieveAsync(query, 800, cancellation);
    }
}
