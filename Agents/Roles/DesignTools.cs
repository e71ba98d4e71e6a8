using System.ComponentModel;
using HwForge.Tools.Catalog;
using HwForge.Tools.Execution;
using HwForge.Tools.Sources;
using HwForge.Tools.Verilator;
using Microsoft.Extensions.AI;

namespace HwForge.Agents.Roles;

/// <summary>
/// The tools a role may call while it works, as <see cref="AIFunction"/>s: lint a draft (in the sandbox, like
/// every tool run) and search the knowledge base. They help a model; they never decide a verdict.
/// </summary>
public sealed class DesignTools(ToolHost host, ToolVersions versions, IPromptKnowledge? knowledge)
{
    public IReadOnlyList<AIFunction> All()
    {
        List<AIFunction> tools = [AIFunctionFactory.Create(LintAsync, "lint_verilog", "Lint a Verilog module with Verilator; returns its warnings and errors.")];
        if (knowledge is not null)
            tools.Add(AIFunctionFactory.Create(SearchAsync, "search_knowledge", "Search HwForge's knowledge base: tool error meanings, RTL idioms, PPA techniques, verified designs."));
        return tools;
    }

    private async Task<string> LintAsync([Description("The whole Verilog source to lint")] string code, CancellationToken cancellation)
    {
        if (code.Length > SourceFile.MaxBytes) return "error: the code is too large to lint";
        var report = await VerilatorLint.RunAsync(host, versions, [SourceLoader.FromText("draft.v", code)], CodeBlocks.ModuleName(code), cancellation);
        return report.Diagnostics.Count == 0
            ? (report.HasErrors ? "lint failed without diagnostics" : "no warnings or errors")
            : string.Join("\n", report.Diagnostics.Take(20).Select(d => d.ToCompilerLine()));
    }

    private Task<string> SearchAsync([Description("What to look up, e.g. an error message")] string query, CancellationToken cancellation) =>
        knowledge!.RetrieveAsync(query, 800, cancellation);
}
