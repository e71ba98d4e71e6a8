namespace HwForge.Tools.Foundation.Execution;

/// <summary>
/// What one run may consume. The sandbox enforces the kernel limits (CPU, memory, file size,
/// processes, disk space); the runner enforces wall-clock time and output volume.
/// </summary>
public sealed record ResourceLimits
{
    /// <summary>Generous enough for Verilator building a C++ model of a mid-sized design.</summary>
    public static ResourceLimits Default { get; } = new();

    public TimeSpan WallClock { get; init; } = TimeSpan.FromMinutes(5);

    public int CpuSeconds { get; init; } = 600;

    /// <summary>Address-space limit. Virtual, not resident: g++ and JITs reserve more than they touch.</summary>
    public long MemoryBytes { get; init; } = 4L << 30;

    public long FileSizeBytes { get; init; } = 256L << 20;

    public int MaxProcesses { get; init; } = 256;

    /// <summary>
    /// Memory of all the run's processes together, its files in /work and /tmp included (a cgroup's
    /// memory limit). Where no cgroup can be had, the sandbox bounds the sum with fewer processes and
    /// less address space instead (<see cref="Foundation.Sandbox.ResourceControl"/>).
    /// </summary>
    public long TotalMemoryBytes { get; init; } = 4L << 30;

    /// <summary>Size of /work, the run's only writable folder besides /tmp (it lives in memory); filling it stops the run as <see cref="LimitHit.DiskSpace"/>.</summary>
    public long WorkBytes { get; init; } = 1L << 30;

    /// <summary>Size of the private /tmp inside the sandbox (it lives in memory).</summary>
    public long TmpBytes { get; init; } = 512L << 20;

    /// <summary>How much of each output stream is kept: half from the start, half from the end.</summary>
    public int CapturedOutputBytes { get; init; } = 1 << 20;

    /// <summary>Past this many bytes of output in all, the run is stopped as a flood.</summary>
    public long OutputKillBytes { get; init; } = 64L << 20;

    public ResourceLimits WithTimeout(TimeSpan timeout) => this with { WallClock = timeout };
}
