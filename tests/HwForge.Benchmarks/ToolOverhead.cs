using System.Diagnostics;
using HwForge.Tools;
using HwForge.Tools.Catalog;
using HwForge.Tools.Execution;
using HwForge.Tools.Liberty;
using HwForge.Tools.OpenSta;
using HwForge.Tools.Sandbox;
using HwForge.Tools.Sources;
using HwForge.Tools.Verilator;
using HwForge.Tools.Yosys;

namespace HwForge.Benchmarks;

/// <summary>
/// HwForge's own share of lint + synthesis + STA of a design of about a thousand cells: the same
/// steps once with the tools alone (their process time, unconfined) and once through HwForge
/// (bubblewrap, staging, hashing, parsing; cache off).
/// </summary>
public static class ToolOverhead
{
    public static async Task<string> RunAsync(HwForgeHome home, string design, string top, int runs)
    {
        var sources = new[] { SourceLoader.LoadOne(design) };
        var liberty = new LibertyResolver(home).Resolve("osu018")!;
        var confined = new ToolHost(new BubblewrapSandbox(), home, null);
        var bare = new ToolHost(new PassThroughSandbox(), home, null);
        var cells = 0;

        var toolTimes = new List<double>();
        var hwforgeTimes = new List<double>();
        for (var i = 0; i < runs + 1; i++)
        {
            // Tools alone: the sum of the three processes' own wall time.
            var lint = await VerilatorLint.RunAsync(bare, new ToolVersions(bare), sources, top);
            var synthesis = await YosysSynthesis.RunAsync(bare, new ToolVersions(bare), sources, top, liberty);
            var timing = await OpenStaAnalysis.RunAsync(bare, new ToolVersions(bare), synthesis.Netlist!, top, liberty, null, 10, null, null);
            var tools = lint.Run.Duration + synthesis.Run.Duration + timing.Run.Duration;
            cells = synthesis.Stats!.CellCount;

            // Through HwForge, end to end.
            var watch = Stopwatch.StartNew();
            var versions = new ToolVersions(confined);
            await VerilatorLint.RunAsync(confined, versions, sources, top);
            var confinedSynthesis = await YosysSynthesis.RunAsync(confined, versions, sources, top, liberty);
            await OpenStaAnalysis.RunAsync(confined, versions, confinedSynthesis.Netlist!, top, liberty, null, 10, null, null);
            if (i == 0) continue; // warm-up: version probes, JIT
            toolTimes.Add(tools.TotalMilliseconds);
            hwforgeTimes.Add(watch.Elapsed.TotalMilliseconds);
        }
        var tool = new Sample("tools", toolTimes).Median;
        var total = new Sample("hwforge", hwforgeTimes).Median;
        var difference = new Sample("difference", [.. hwforgeTimes.Zip(toolTimes, (h, t) => h - t)]).Median;
        return $"""
            | lint + synthesis (osu018) + STA of `{top}` ({cells} cells) | median |
            |---|---|
            | the three tools alone (their own process time, unconfined) | {tool:0} ms |
            | through HwForge (sandbox, staging, hashing, parsing; no cache) | {total:0} ms |
            | median of the per-run difference (HwForge minus tools) | {difference:0} ms |
            | **HwForge's own share** (difference / HwForge) | **{100 * difference / total:0.0}%** |

            Synthesis time varies by several percent from run to run, so a difference near zero is within noise.
            """;
    }
}
