using System.ComponentModel;
using HwForge.Cli.Commands;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs;
using HwForge.Tools.Programs.Verilator;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using HwForge.Tools.Targets.Rtl;

namespace HwForge.Cli.Mcp.Tools;

/// <summary>The MCP <c>lint</c> tool: <c>hwforge lint</c>, its diagnostics as structured data.</summary>
[McpServerToolType]
internal static class LintTool
{
    [McpServerTool(Name = "lint", Title = "Lint RTL", ReadOnly = true, UseStructuredContent = true)]
    [Description("Lint " + RtlWords.Sources + " files with Verilator (sandboxed). Returns every diagnostic with file, line, column, severity, code and message; clean is false when there are errors.")]
    public static async Task<LintCommand.LintOutput> Lint(
        McpServer server, WorkspaceRoots roots, SharedToolHost shared,
        [Description("The source files, relative to the workspace root or absolute inside it")] string[] files,
        [Description("The top module (default: the one no other module instantiates)")] string? top = null,
        CancellationToken cancellation = default)
    {
        var sources = SourceLoader.Load(await roots.ResolveAllAsync(server, files, cancellation));
        var host = await shared.GetAsync(cancellation);
        var report = await VerilatorLint.RunAsync(host, new ToolVersions(host), sources, top, cancellation);
        if (LintCommand.LimitProblem(report) is { } problem) throw new McpException(problem);
        return LintCommand.Summarize(report);
    }
}
