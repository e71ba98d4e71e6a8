namespace HwForge.Tools.Foundation.Execution;

/// <summary>Which limit stopped a run, when one did.</summary>
public enum LimitHit
{
    None,
    WallClock,
    CpuTime,
    Memory,
    FileSize,
    Processes,
    OutputFlood,

    /// <summary>The run filled its /work (or /tmp): many files past the cap, not one big one (that is <see cref="FileSize"/>).</summary>
    DiskSpace,
}

/// <summary>
/// What a finished run produced. Timeouts and limits are data here, not exceptions: a candidate
/// that loops forever is a verdict, not a crash.
/// </summary>
public sealed record ToolRunResult(
    int ExitCode,
    string StandardOutput,
    string StandardError,
    TimeSpan Duration,
    LimitHit Limit = LimitHit.None,
    long OutputBytes = 0,
    bool OutputTruncated = false)
{
    /// <summary>Exit code reported for a wall-clock timeout, as coreutils' timeout does.</summary>
    public const int TimeoutExitCode = 124;

    public bool Succeeded => ExitCode == 0 && Limit == LimitHit.None;

    public bool TimedOut => Limit == LimitHit.WallClock;

    /// <summary>One sentence on why the run stopped, for people and for prompts.</summary>
    public string Describe(ResourceLimits limits) => Limit switch
    {
        LimitHit.None => ExitCode == 0 ? "finished" : $"exited with code {ExitCode}",
        LimitHit.WallClock => $"timed out after {limits.WallClock.TotalSeconds:0.###} s of wall-clock time; the whole process tree was killed",
        LimitHit.CpuTime => $"stopped by the CPU limit of {limits.CpuSeconds} s",
        LimitHit.Memory => $"ran out of memory under the limit of {limits.MemoryBytes >> 20} MiB per process and {limits.TotalMemoryBytes >> 20} MiB for all its processes",
        LimitHit.FileSize => $"tried to write a file over the limit of {limits.FileSizeBytes >> 20} MiB",
        LimitHit.Processes => $"hit the limit of {limits.MaxProcesses} processes",
        LimitHit.OutputFlood => $"printed over {limits.OutputKillBytes >> 20} MiB and was stopped",
        LimitHit.DiskSpace => $"filled its disk space (/work holds {limits.WorkBytes >> 20} MiB, /tmp {limits.TmpBytes >> 20} MiB)",
        _ => Limit.ToString(),
    };
}
