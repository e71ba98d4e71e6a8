using System.Text;
using System.Text.Json;
using HwForge.Tools.Foundation;
using HwForge.Tools.Foundation.Caching;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sandbox;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs;
using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Benchmarks;

/// <summary>
/// Median verify time per example design (reference against its equivalent), cold cache and warm.
/// Each design is verified alternately by a host with a warm sandbox pool and by one that starts
/// every sandbox cold, so that both meet the same load on a shared machine.
/// </summary>
public static class VerifyTimes
{
    /// <param name="warmup">
    /// Unmeasured verifications per design and host first. .NET compiles hot code again, optimised, in
    /// the background during the first few dozen verifications of a process; a judge that runs for
    /// hours is past that, a one-off command is not.
    /// </param>
    public static async Task<string> RunAsync(HwForgeHome home, string examples, int runs, string? only, int warmup = 1)
    {
        var table = new StringBuilder(
            "| design | kind | verify, no cache, warm pool (median) | p90 | same, every sandbox cold (median) | formal | share outside the tools, warm pool | same, cold | runs served warm | from cache (median) |\n" +
            "|---|---|---|---|---|---|---|---|---|---|\n");
        var totals = new CpuClock();
        var count = 0;
        using var pooled = new ToolHost(new BubblewrapSandbox(), home, null, Math.Max(1, SandboxPool.ConfiguredSize()));
        using var unpooled = new ToolHost(new BubblewrapSandbox(), home, null);
        var (pooledTimeline, coldTimeline) = (new Timeline(), new Timeline());
        pooled.RunFinished += pooledTimeline.Record;
        unpooled.RunFinished += coldTimeline.Record;
        // Between two verifications of the judge's loop a model is answering, and the pool refills;
        // the benchmark lets it, off the clock.
        Func<Task> refill = pooled.Pool!.WhenWarmAsync;
        var cached = new ToolHost(new BubblewrapSandbox(), home, new ContentCache(Path.Combine(home.Cache, "bench")));
        var allCosts = new List<StartupCosts>();
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
            // The start-up costs are measured beside each design, under the load it meets.
            var costs = await SandboxStartup.MedianCostsAsync(home, 15);
            allCosts.Add(costs);
            for (var i = 0; i < warmup; i++) // outside the CPU count
            {
                await new Verifier(pooled, new ToolVersions(pooled)).VerifyAsync(request);
                await new Verifier(unpooled, new ToolVersions(unpooled)).VerifyAsync(request);
            }
            var (runsBefore, warmBefore) = (pooledTimeline.TotalRuns, pooledTimeline.TotalWarmRuns);
            var (warmWalls, warmShares, coldWalls, coldShares) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
            for (var i = 0; i < runs; i++)
            {
                var before = CpuClock.Now();
                var (wall, share) = await pooledTimeline.MeasureRunsAsync(top, 1, costs,
                    async () => last = await new Verifier(pooled, new ToolVersions(pooled)).VerifyAsync(request), refill);
                var cpu = CpuClock.Now() - before;
                totals = new CpuClock(totals.Own + cpu.Own, totals.Children + cpu.Children);
                (warmWalls, warmShares) = ([.. warmWalls, wall.Median], [.. warmShares, share]);
                // The pool's refill is waited for here too, so that it never competes with a cold verification.
                var (coldWall, coldShare) = await coldTimeline.MeasureRunsAsync(top, 1, costs,
                    () => new Verifier(unpooled, new ToolVersions(unpooled)).VerifyAsync(request), refill);
                (coldWalls, coldShares) = ([.. coldWalls, coldWall.Median], [.. coldShares, coldShare]);
            }
            var (warmSample, coldSample) = (new Sample(top, warmWalls), new Sample(top + " cold", coldWalls));
            var served = $"{pooledTimeline.TotalWarmRuns - warmBefore} of {pooledTimeline.TotalRuns - runsBefore}";
            var fromCache = await Measure.RunAsync(top, 1, runs, () => new Verifier(cached, new ToolVersions(cached)).VerifyAsync(request));
            var formal = last!.Formal.Status + (last.Formal.Bound is { } b ? $" ({b})" : "");
            table.AppendLine($"| {top} | {kind} | {warmSample.Median:0} ms | {warmSample.P90:0} ms | {coldSample.Median:0} ms | {formal} | " +
                $"{100 * new Sample("", warmShares).Median:0.0}% | {100 * new Sample("", coldShares).Median:0.0}% | {served} | {fromCache.Median:0.0} ms |");
            Console.Error.WriteLine($"{top}: {last.Verdict} {warmSample} | {coldSample} | cached {fromCache} | start-up cold {costs.ColdMs:0.0} ms, warm {costs.WarmMs:0.0} ms | " +
                string.Join(", ", last.Stages.Select(s => $"{s.Stage} {s.Duration.TotalMilliseconds:0}")));
            Console.Error.WriteLine("  last pooled run's timeline (ms): " + string.Join(", ", pooledTimeline.LastRuns.Select(r => $"{r.Tool}{(r.Warm ? "" : " (cold)")} {r.From:0.0}-{r.To:0.0}")));
        }
        var (coldMs, warmMs) = (new Sample("", [.. allCosts.Select(c => c.ColdMs)]).Median, new Sample("", [.. allCosts.Select(c => c.WarmMs)]).Median);
        table.AppendLine($"\nOver all designs: **{100 * pooledTimeline.TotalShare:0.0}% of the wall time was spent outside the tools with the warm pool**, " +
            $"{100 * coldTimeline.TotalShare:0.0}% with every sandbox started cold " +
            $"(no tool computing; a run's first {coldMs:0.0} ms (median over designs) are its sandbox starting cold, or {warmMs:0.0} ms from its command to a warm sandbox; " +
            $"{pooledTimeline.TotalWarmRuns} of {pooledTimeline.TotalRuns} pooled runs served warm, pool of {pooled.Pool.Size}); HwForge's own process used " +
            $"{1000 * totals.Own / (count * runs):0} ms of CPU per pooled verification.");
        return table.ToString();
    }
}
