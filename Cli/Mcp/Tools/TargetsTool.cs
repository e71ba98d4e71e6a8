using System.ComponentModel;
using HwForge.Cli.Commands;
using ModelContextProtocol.Server;

namespace HwForge.Cli.Mcp.Tools;

/// <summary>The MCP <c>targets</c> tool: <c>hwforge targets</c>, from the same report.</summary>
[McpServerToolType]
internal static class TargetsTool
{
    [McpServerTool(Name = "targets", Title = "List design targets", ReadOnly = true, Idempotent = true, UseStructuredContent = true)]
    [Description("The design targets (RTL, HLS, ...): the files each reads, its objectives and options, and whether its tools are available here.")]
    public static Task<TargetsCommand.TargetsReport> Targets(McpServerSettings settings, CancellationToken cancellation = default) =>
        TargetsCommand.BuildReportAsync(settings.UnsafeNoSandbox, cancellation);
}
