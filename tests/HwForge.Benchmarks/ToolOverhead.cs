using System.Diagnostics;
using HwForge.Tools.Foundation;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sandbox;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs;
using HwForge.Tools.Programs.OpenSta;
using HwForge.Tools.Programs.Verilator;
using HwForge.Tools.Programs.Yosys;
using HwForge.Tools.Programs.Liberty;

namespace HwForge.Benchmarks;

/// <summary>
/// HwForge's own share of lint + synthesis + STA of a design of about a thousand cells. Within each
/// run, the wall time of the three calls is split into the tools' process time (each confined
/// process's lifetime, less the sandbox's start-up cost measured on its own) and everything else:
/// staging, hashing, parsing, and the sandbox itself. Splitting within one run keeps synthesis's
/// run-to-run variance out of the figure.
/// </summary>
public static class ToolOverhead
{
    public static async Task<string> RunAsync(HwForgeHome home, string design, string top, int runs)
    {
        var sources = new[] { SourceLoader.LoadOne(design) };
        var liberty = new LibertyResolver(home).Resolve("osu018")!;
        var host = new ToolHost(new BubblewrapSandbox(), home, null);
        var sandboxStart = await SandboxStartup.MedianCostAsync(home, 30);
        var cells = 0;
        var walls = new List<double>();
        var tools = new List<double>();
        for (var i = 0; i < runs + 1; i++)
        {
            var versions = new ToolVersions(host);
            await versions.RequireAsync(VerilatorTool.Descriptor);
            await versions.RequireAsync(YosysTool.Descriptor);
            await versions.RequireAsync(HwForge.Tools.Programs.OpenSta.OpenStaTool.Descriptor);
            var watch = Stopwatch.StartNew();
            var lint = await VerilatorLint.RunAsync(host, versions, sources, top);
            var synthesis = await YosysSynthesis.RunAsync(host, versions, sources, top, liberty);
            var timing = await OpenStaAnalysis.RunAsync(host, versions, synthesis.Netlist!, top, liberty, null, 10, null, null);
            var wall = watch.Elapsed.TotalMilliseconds;
            if (i == 0) continue; // warm-up: JIT and file caches
            cells = synthesis.Stats!.CellCount;
            walls.Add(wall);
            tools.Add((lint.Run.Duration + synthesis.Run.Duration + timing.Run.Duration).TotalMilliseconds - 3 * sandboxStart);
        }
        var wallMedian = new Sample("wall", walls).Median;
        var toolMedian = new Sample("tools", tools).Median;
        return $"""
            | lint + synthesis (osu018) + STA of `{top}` ({cells} cells), no cache | median |
            |---|---|
            | end to end through HwForge | {wallMedian:0} ms |
            | the three tools' own process time | {toolMedian:0} ms |
            | HwForge's own time (3 sandbox start-ups at {sandboxStart:0.0} ms, staging, hashing, parsing) | {wallMedian - toolMedian:0} ms |
            | **HwForge's own share** | **{100 * (wallMedian - toolMedian) / wallMedian:0.0}%** |
            """;
    }
}
