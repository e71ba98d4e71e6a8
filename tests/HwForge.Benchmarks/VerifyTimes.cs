using System.Text;
using System.Text.Json;
using HwForge.Tools;
using HwForge.Tools.Caching;
using HwForge.Tools.Catalog;
using HwForge.Tools.Execution;
using HwForge.Tools.Judge;
using HwForge.Tools.Sandbox;
using HwForge.Tools.Sources;

namespace HwForge.Benchmarks;

/// <summary>Median verify time per example design (reference against its equivalent), cold cache and warm.</summary>
public static class VerifyTimes
{
    public static async Task<string> RunAsync(HwForgeHome home, string examples, int runs, string? only)
    {
        var table = new StringBuilder("| design | kind | verify, no cache (median) | p90 | formal | share outside the tools | runs served warm | from cache (median) |\n|---|---|---|---|---|---|---|---|\n");
        var totals = new CpuClock();
        var count = 0;
        // Pooled as the CLI's verify is (HWFORGE_SANDBOX_POOL=0 measures cold starts only).
        using var uncached = new ToolHost(new BubblewrapSandbox(), home, null, SandboxPool.ConfiguredSize());
        var timeline = new Timeline();
        uncached.RunFinished += timeline.Record;
        var costs = await SandboxStartup.MedianCostsAsync(home, 30);
        // Between two verifications of the judge's loop a model is answering, and the pool refills;
        // the benchmark lets it, off the clock.
        Func<Task>? refill = uncached.Pool is { } pool ? pool.WhenWarmAsync : null;
        var cached = new ToolHost(new BubblewrapSandbox(), home, new ContentCache(Path.Combine(home.Cache, "bench")));
        foreach (var folder in Directory.GetDirectories(examples).Order())
        {
            if (only is not null && !Path.GetFileName(folder).Contains(only)) continue;
            count++;
            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "example.json")));
            var top = manifest.RootElement.GetProperty("top").GetString()!;
            var kind = manifest.RootElement.GetProperty("kind").GetString()!;
            var equivalent = manifest.RootElement.GetProperty("equivalents")[0].GetString()!;
            var request = new VerifyRequest([SourceLoader.LoadOne(Path.Combine(folder, equivalent))], top, [SourceLoader.LoadOne(Path.Combine(folder, "ref.v"))], top);
            VerifyReport? last = null;
            await new Verifier(uncached, new ToolVersions(uncached)).VerifyAsync(request); // warm-up outside the CPU count
            var before = CpuClock.Now();
            var (runsBefore, warmBefore) = (timeline.TotalRuns, timeline.TotalWarmRuns);
            var (cold, outside) = await timeline.MeasureRunsAsync(top, runs, costs,
                async () => last = await new Verifier(uncached, new ToolVersions(uncached)).VerifyAsync(request), refill);
            var served = $"{timeline.TotalWarmRuns - warmBefore} of {timeline.TotalRuns - runsBefore}";
            var cpu = CpuClock.Now() - before;
            totals = new CpuClock(totals.Own + cpu.Own, totals.Children + cpu.Children);
            var warm = await Measure.RunAsync(top, 1, runs, () => new Verifier(cached, new ToolVersions(cached)).VerifyAsync(request));
            var formal = last!.Formal.Status + (last.Formal.Bound is { } b ? $" ({b})" : "");
            table.AppendLine($"| {top} | {kind} | {cold.Median:0} ms | {cold.P90:0} ms | {formal} | {100 * outside:0.0}% | {served} | {warm.Median:0.0} ms |");
            Console.Error.WriteLine($"{top}: {last.Verdict} {cold} | cached {warm} | " + string.Join(", ", last.Stages.Select(s => $"{s.Stage} {s.Duration.TotalMilliseconds:0}")));
            Console.Error.WriteLine("  last run's timeline (ms): " + string.Join(", ", timeline.LastRuns.Select(r => $"{r.Tool}{(r.Warm ? "" : " (cold)")} {r.From:0.0}-{r.To:0.0}")));
        }
        table.AppendLine($"\nOver all designs: **{100 * timeline.TotalShare:0.0}% of the wall time was spent outside the tools** " +
            $"(no tool computing; a run's first {costs.ColdMs:0.0} ms are its sandbox starting cold, or {costs.WarmMs:0.0} ms from its command to a warm sandbox; " +
            $"{timeline.TotalWarmRuns} of {timeline.TotalRuns} runs served warm, pool of {uncached.Pool?.Size ?? 0}); HwForge's own process used " +
            $"{1000 * totals.Own / (count * runs):0} ms of CPU per verification.");
        return table.ToString();
    }
}
