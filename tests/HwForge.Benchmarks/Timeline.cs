using System.Diagnostics;
using HwForge.Tools.Execution;

namespace HwForge.Benchmarks;

/// <summary>
/// How much of a call's wall time had no tool computing: the share spent in HwForge itself. Each
/// confined run's first milliseconds are the sandbox starting, not the tool, so every interval
/// starts that much later; what no interval covers is HwForge's own time.
/// </summary>
public sealed class Timeline
{
    private readonly List<ToolRunSpan> _spans = [];
    private readonly Lock _gate = new();

    /// <summary>Wall time of every measured call so far, and the part of it outside the tools.</summary>
    public double TotalWall { get; private set; }

    public double TotalOutside { get; private set; }

    public double TotalShare => TotalWall == 0 ? 0 : TotalOutside / TotalWall;

    /// <summary>Times <paramref name="work"/> <paramref name="runs"/> times; returns the wall times and the median share outside the tools.</summary>
    public async Task<(Sample Wall, double MedianOutsideShare)> MeasureRunsAsync(string name, int runs, double sandboxStartMs, Func<Task> work)
    {
        var shares = new List<double>();
        var sample = await HwForge.Benchmarks.Measure.RunAsync(name, 0, runs, async () =>
        {
            Measure(0, 0, 0); // forget earlier runs
            var start = Stopwatch.GetTimestamp();
            await work();
            var (wall, outside, _) = Measure(start, Stopwatch.GetTimestamp(), sandboxStartMs);
            shares.Add(outside / wall);
            TotalWall += wall;
            TotalOutside += outside;
        });
        return (sample, new Sample("outside", shares).Median);
    }

    public void Record(ToolRunSpan span)
    {
        lock (_gate) _spans.Add(span);
    }

    public (double Wall, double OutsideTools, int Runs) Measure(long start, long end, double sandboxStartMs)
    {
        List<(double From, double To)> intervals;
        lock (_gate)
        {
            intervals = [.. _spans.Select(s => (Ms(start, s.StartTimestamp) + sandboxStartMs, Ms(start, s.StartTimestamp) + s.Duration.TotalMilliseconds)).OrderBy(i => i.Item1)];
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
        return (wall, wall - covered, intervals.Count);
    }

    private static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
}
