using System.Diagnostics;
using System.Runtime.InteropServices;

namespace HwForge.InferenceCore.Bench;

/// <summary>Median wall and process-CPU milliseconds of one workload.</summary>
public readonly record struct Timing(double WallMs, double CpuMs);

/// <summary>
/// Median of repeated runs after a warm-up, repeating until a time budget is spent (at least three runs), so that
/// a 1 ms GEMM is timed hundreds of times and a 3 s one three times. Process CPU time is kept beside wall time:
/// on a machine shared with other builds, wall time of a short call mostly measures waiting for a core, while CPU
/// time measures the work. Figures only: nothing here passes or fails.
/// </summary>
public static partial class Stopwatches
{
    public static Timing Median(Action work, double budgetSeconds = 0.5, int minRuns = 3)
    {
        work(); // JIT, first-touch page faults, thread pool start-up
        var wall = new List<double>();
        var cpu = new List<double>();
        var total = Stopwatch.StartNew();
        while (wall.Count < minRuns || total.Elapsed.TotalSeconds < budgetSeconds)
        {
            var c0 = ProcessCpuMs();
            var one = Stopwatch.StartNew();
            work();
            wall.Add(one.Elapsed.TotalMilliseconds);
            cpu.Add(ProcessCpuMs() - c0);
            if (wall.Count >= 1000) break;
        }
        wall.Sort();
        cpu.Sort();
        return new Timing(wall[wall.Count / 2], cpu[cpu.Count / 2]);
    }

    [StructLayout(LayoutKind.Sequential)]
    struct TimeSpec { public long Seconds, Nanoseconds; }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>CPU time of all this process's threads (CLOCK_PROCESS_CPUTIME_ID), in milliseconds.</summary>
    public static double ProcessCpuMs()
    {
        ClockGetTime(2, out var t);
        return t.Seconds * 1e3 + t.Nanoseconds / 1e6;
    }
}
