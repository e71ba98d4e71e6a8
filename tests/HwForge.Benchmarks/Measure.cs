using System.Diagnostics;

namespace HwForge.Benchmarks;

/// <summary>Median and spread of repeated runs, after warm-up runs that are not counted.</summary>
public sealed record Sample(string Name, IReadOnlyList<double> Milliseconds)
{
    public double Median => Percentile(0.5);

    public double P90 => Percentile(0.9);

    public double Percentile(double q)
    {
        var sorted = Milliseconds.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(q * sorted.Count))];
    }

    public override string ToString() => $"{Name}: median {Median:0.0} ms, p90 {P90:0.0} ms (n={Milliseconds.Count})";
}

public static class Measure
{
    public static async Task<Sample> RunAsync(string name, int warmup, int runs, Func<Task> work)
    {
        for (var i = 0; i < warmup; i++) await work();
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await work();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return new Sample(name, times);
    }
}
