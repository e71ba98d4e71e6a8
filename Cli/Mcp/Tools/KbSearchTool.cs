using System.ComponentModel;
using HwForge.Cli.Commands;
using ModelContextProtocol.Server;

namespace HwForge.Cli.Mcp.Tools;

/// <summary>The MCP <c>kb_search</c> tool: <c>hwforge kb search</c>, each hit with its source.</summary>
[McpServerToolType]
internal static class KbSearchTool
{
    [McpServerTool(Name = "kb_search", Title = "Search the knowledge base", ReadOnly = true, Idempotent = true, UseStructuredContent = true)]
    [Description("Search HwForge's knowledge base (tool-error knowledge, RTL idioms, PPA techniques, added documents, verified designs and repairs of past runs). Paste a tool message or ask a question.")]
    public static Task<KbCommand.SearchReport> KbSearch(
        [Description("A question or a pasted tool message")] string query,
        [Description("How many results (1 to 100)")] int top = 5,
        [Description("Only these kinds: doc, error-knowledge, idiom, ppa-technique, verified-design, repair")] string[]? kinds = null,
        CancellationToken cancellation = default) =>
        KbCommand.SearchAsync(query, top, kinds, cancellation);
}
