namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>The verification stages, in the order they run and decide.</summary>
public enum StageName
{
    Lint,
    Compile,
    Interface,
    Simulation,
    Formal,
}

/// <summary>How a stage ended.</summary>
public enum StageStatus
{
    Passed,
    Failed,
    Skipped,
    Error,
}

/// <summary>One stage's typed result: how it ended, how long it took, and a sentence on why.</summary>
public sealed record StageResult(StageName Stage, StageStatus Status, TimeSpan Duration, string Detail, bool FromCache = false)
{
    /// <summary>The duration in milliseconds, for programs reading the JSON.</summary>
    public double DurationMs => Math.Round(Duration.TotalMilliseconds, 1);
}
