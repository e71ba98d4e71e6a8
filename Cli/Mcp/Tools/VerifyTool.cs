using System.ComponentModel;
using HwForge.Cli.Commands;
using HwForge.Tools.Programs;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl.Judge;
using ModelContextProtocol.Server;
using HwForge.Tools.Targets.Rtl;

namespace HwForge.Cli.Mcp.Tools;

/// <summary>The MCP <c>verify</c> tool: <c>hwforge verify</c> for RTL, the report with its verdict and the bar it was held to.</summary>
[McpServerToolType]
internal static class VerifyTool
{
    [McpServerTool(Name = "verify", Title = "Verify against a reference", ReadOnly = true, UseStructuredContent = true)]
    [Description("Check an RTL design against a reference (lint, compile, interface, simulation, formal equivalence), sandboxed. "
        + "report.verdict is pass, fail or error; report.verified is true only for a proof; report.firstMismatch names the first differing output, cycle and values; exitCode is what 'hwforge verify' would exit with.")]
    public static async Task<VerifyVerdict> Verify(
        McpServer server, WorkspaceRoots roots, SharedToolHost shared,
        [Description("The design's " + RtlWords.Sources + " files")] string[] design,
        [Description("The design's top module")] string top,
        [Description("The reference's files, or one C++ golden model (.cpp)")] string[] reference,
        [Description("The reference's top module (default: top)")] string? referenceTop = null,
        [Description("The clock input (default: found by use and name)")] string? clock = null,
        [Description("The reset input (default: found by use and name)")] string? reset = null,
        [Description("Simulated cycles (1 to 1000000)")] int cycles = 1000,
        [Description("auto: prove when possible; on: a design that cannot be proven is an error; off: simulation only")] FormalMode formal = FormalMode.Auto,
        [Description("Also accept a result that is only bounded or simulated: bounded or simulated")] string? accept = null,
        CancellationToken cancellation = default)
    {
        Assurance? bar = accept is null ? null
            : AssuranceText.Parse(accept) ?? throw new ArgumentException($"--accept takes bounded or simulated (or proven, the default), not '{accept}'");
        var request = new RtlVerifyArguments(
            await roots.ResolveAllAsync(server, design, cancellation), top,
            await roots.ResolveAllAsync(server, reference, cancellation), referenceTop)
        {
            Clock = clock,
            Reset = reset,
            Cycles = cycles,
            Formal = formal,
        }.ToRequest();
        var host = await shared.GetAsync(cancellation);
        var report = await new Verifier(host, new ToolVersions(host)).VerifyAsync(request, cancellation);
        return new VerifyVerdict(report, bar);
    }
}
