using System.Diagnostics;
using HwForge.Tools.Foundation.Execution;

namespace HwForge.Benchmarks;

/// <summary>
/// How much of a call's wall time had no tool computing: the share spent in HwForge itself. Each
/// confined run's first milliseconds are the sandbox starting, not the tool, so every interval
/// starts that much later; what no interval covers is HwForge's own time.
/// </summary>
/// <remarks>
/// A run served by a warm sandbox is on the clock from the moment its command is sent, so the time
/// that sandbox spent starting and waiting is in no interval. What is left of its start (the waiter
/// reading the command, the user-id drop, the limits) is measured on its own and taken off the same
/// way: the interval begins only when the tool can compute.
/// </remarks>
public sealed class Timeline
{
    private readonly List<ToolRunSpan> _spans = [];
    private readonly Lock _gate = new();

    /// <summary>Wall time of every measured call so far, and the part of it outside the tools.</summary>
    public double TotalWall { get; private set; }

    public double TotalOutside { get; private set; }

    public double TotalShare => TotalWall == 0 ? 0 : TotalOutside / TotalWall;

    /// <summary>Confined runs in the measured calls so far, and how many of them a warm sandbox served.</summary>
    public int TotalRuns { get; private set; }

    public int TotalWarmRuns { get; private set; }

    /// <summary>
    /// Times <paramref name="work"/> <paramref name="runs"/> times; returns the wall times and the median share outside the tools.
    /// <paramref name="between"/>, when given, runs before each timed call and off the clock (waiting for a pool to refill, say).
    /// </summary>
    public async Task<(Sample Wall, double MedianOutsideShare)> MeasureRunsAsync(string name, int runs, StartupCosts costs, Func<Task> work, Func<Task>? between = null)
    {
        var shares = new List<double>();
        var walls = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            if (between is not null) await between();
            Measure(0, 0, costs); // forget earlier runs
            var start = Stopwatch.GetTimestamp();
            await work();
            var end = Stopwatch.GetTimestamp();
            var (wall, outside, count, warm) = Measure(start, end, costs);
            walls.Add(wall);
            shares.Add(outside / wall);
            TotalWall += wall;
            TotalOutside += outside;
            TotalRuns += count;
            TotalWarmRuns += warm;
        }
        return (new Sample(name, walls), new Sample("outside", shares).Median);
    }

    /// <summary>The last measured call, run by run: milliseconds from its start to each run's start and end, and whether it was warm.</summary>
    public IReadOnlyList<(string Tool, double From, double To, bool Warm)> LastRuns { get; private set; } = [];

    public void Record(ToolRunSpan span)
    {
        lock (_gate) _spans.Add(span);
    }

    public (double Wall, double OutsideTools, int Runs, int WarmRuns) Measure(long start, long end, StartupCosts costs)
    {
        List<(double From, double To)> intervals;
        int warm;
        lock (_gate)
        {
            intervals = [.. _spans.Select(s => (Ms(start, s.StartTimestamp) + costs.For(s), Ms(start, s.StartTimestamp) + s.Duration.TotalMilliseconds)).OrderBy(i => i.Item1)];
            warm = _spans.Count(s => s.Warm);
            if (start != 0) LastRuns = [.. _spans.OrderBy(s => s.StartTimestamp).Select(s => (s.Tool, Ms(start, s.StartTimestamp), Ms(start, s.StartTimestamp) + s.Duration.TotalMilliseconds, s.Warm))];
            _spans.Clear();
        }
        var covered = 0.0;
        var reach = double.NegativeInfinity;
        foreach (var (from, to) in intervals)
        {
            var begin = Math.Max(from, reach);
            if (to > begin) covered += to - begin;
            reach = Math.Max(reach, to);
        }
        var wall = Ms(start, end);
        return (wall, wall - covered, intervals.Count, warm);
    }

    private static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
}

/// <summary>Milliseconds before a confined run's tool can compute: for a sandbox started cold, and for a warm one given its command.</summary>
public sealed record StartupCosts(double ColdMs, double WarmMs)
{
    public double For(ToolRunSpan span) => span.Warm ? WarmMs : ColdMs;
}
