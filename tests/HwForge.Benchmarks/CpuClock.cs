namespace HwForge.Benchmarks;

/// <summary>
/// CPU seconds of this process (HwForge's own work) and of its reaped children, from /proc/self/stat.
/// The children figure undercounts the tools: bubblewrap's outer process exits without reaping the
/// namespace's init, so the tools' CPU time never reaches HwForge's rusage. Only <see cref="Own"/> is reliable.
/// </summary>
public readonly record struct CpuClock(double Own, double Children)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static CpuClock Now()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 14-17 of the stat line (utime, stime, cutime, cstime); the slice starts at field 3.
        double Field(int number) => double.Parse(fields[number - 3]) / TicksPerSecond;
        return new CpuClock(Field(14) + Field(15), Field(16) + Field(17));
    }

    public static CpuClock operator -(CpuClock a, CpuClock b) => new(a.Own - b.Own, a.Children - b.Children);

    public double OwnShare => Own + Children <= 0 ? 0 : Own / (Own + Children);
}
