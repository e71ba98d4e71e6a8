using System.Runtime.InteropServices;

namespace HwForge.Benchmarks;

/// <summary>
/// CPU time of the calling thread in nanoseconds (CLOCK_THREAD_CPUTIME_ID). On a machine shared with
/// other builds, wall time of a millisecond-long call mostly measures waiting for a core; the
/// thread's own CPU time measures the work.
/// </summary>
public static partial class ThreadCpuClock
{
    private const int ThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    public static double NowMilliseconds()
    {
        ClockGetTime(ThreadCpuTimeId, out var time);
        return time.Seconds * 1e3 + time.Nanoseconds / 1e6;
    }
}
