using System.Diagnostics;
using System.Text;
using System.Text.Json;
using HwForge.Tools.Foundation;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sandbox;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs;
using HwForge.Tools.Targets.Rtl.Ppa;

namespace HwForge.Benchmarks;

/// <summary>ppa (osu018, 10 ns) per example design, no cache: time, HwForge's own CPU share, and the figures.</summary>
public static class PpaTimes
{
    public static async Task<string> RunAsync(HwForgeHome home, string examples, int runs, string? only)
    {
        var host = new ToolHost(new BubblewrapSandbox(), home, null);
        var timeline = new Timeline();
        host.RunFinished += timeline.Record;
        var sandboxStart = await SandboxStartup.MedianCostAsync(home, 30);
        var table = new StringBuilder("| design | ppa, no cache (median) | share outside the tools | area um^2 | cells | critical path ns | power mW |\n|---|---|---|---|---|---|---|\n");
        var totals = new CpuClock();
        foreach (var folder in Directory.GetDirectories(examples).Order())
        {
            if (only is not null && !Path.GetFileName(folder).Contains(only)) continue;
            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "example.json")));
            var top = manifest.RootElement.GetProperty("top").GetString()!;
            var request = new PpaRequest([SourceLoader.LoadOne(Path.Combine(folder, "ref.v"))], top);
            await new PpaAnalysis(host, new ToolVersions(host)).MeasureAsync(request); // warm-up
            PpaReport? last = null;
            var before = CpuClock.Now();
            var (sample, outside) = await timeline.MeasureRunsAsync(top, runs, new StartupCosts(sandboxStart, 0),
                async () => last = await new PpaAnalysis(host, new ToolVersions(host)).MeasureAsync(request));
            var cpu = CpuClock.Now() - before;
            totals = new CpuClock(totals.Own + cpu.Own, totals.Children + cpu.Children);
            table.AppendLine($"| {top} | {sample.Median:0} ms | {100 * outside:0.0}% | {last!.AreaUm2:0} | {last.CellCount} | {last.CriticalPathNs:0.###} | {last.TotalPowerW * 1e3:0.###} |");
            Console.Error.WriteLine($"{top}: {sample} {last.Describe()}");
        }
        table.AppendLine($"\nOver all designs: **{100 * timeline.TotalShare:0.0}% of the wall time was spent outside the tools** (no tool computing).");
        return table.ToString();
    }
}
