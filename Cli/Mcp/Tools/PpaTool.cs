using System.ComponentModel;
using HwForge.Cli.Commands;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs;
using HwForge.Tools.Programs.Liberty;
using HwForge.Tools.Targets.Rtl.Ppa;
using ModelContextProtocol.Server;
using HwForge.Tools.Targets.Rtl;

namespace HwForge.Cli.Mcp.Tools;

/// <summary>The MCP <c>ppa</c> tool: <c>hwforge ppa</c>, area, timing and power as the report the CLI prints with --json.</summary>
[McpServerToolType]
internal static class PpaTool
{
    [McpServerTool(Name = "ppa", Title = "Measure power, performance and area", ReadOnly = true, UseStructuredContent = true)]
    [Description("Synthesize an RTL design with " + RtlWords.Synthesis + " and measure area, timing and power with OpenSTA (or logic cells and Fmax with nextpnr for an iCE40), sandboxed. succeeded is false when the design cannot be synthesized or analysed.")]
    public static async Task<PpaReport> Ppa(
        McpServer server, WorkspaceRoots roots, SharedToolHost shared,
        [Description("The design's " + RtlWords.Sources + " files")] string[] design,
        [Description("The top module")] string top,
        [Description("Clock period in ns, for slack")] double clockPeriod = 10,
        [Description("osu018 (default), sky130, generic, or the path of a .lib/.lib.gz file in the workspace")] string liberty = LibertyResolver.Osu018,
        [Description("Run the FPGA flow instead: ice40 (= up5k), hx1k, hx4k, hx8k or up5k")] string? fpga = null,
        CancellationToken cancellation = default)
    {
        var request = new PpaRequest(SourceLoader.Load(await roots.ResolveAllAsync(server, design, cancellation)), top)
        {
            ClockPeriodNs = clockPeriod,
            Liberty = PathOptions.IsLibertyPath(liberty) ? await roots.ResolveAsync(server, liberty, cancellation) : liberty,
            Fpga = fpga is null ? null : PpaCommand.FindDevice(fpga),
        };
        var host = await shared.GetAsync(cancellation);
        try
        {
            return await new PpaAnalysis(host, new ToolVersions(host)).MeasureAsync(request, cancellation);
        }
        catch (LibertyUnavailableException e)
        {
            throw new ArgumentException($"liberty {request.Liberty}: {e.Message}. {PpaCommand.LibertyChoices}", e);
        }
    }
}
