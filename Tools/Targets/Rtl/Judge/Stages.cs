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

/// <summary>
/// A stage's outcome in one word for a progress line, said as strongly as it was shown: a formal stage that passed says
/// "proven" or "bounded (not proven)", never a bare "ok" that would read as a proof.
/// </summary>
public static class StageWords
{
    public static string Of(StageResult stage, FormalStatus formal) => stage.Status switch
    {
        StageStatus.Passed when stage.Stage == StageName.Formal => formal switch
        {
            FormalStatus.Proven => "proven",
            FormalStatus.Bounded => "bounded (not proven)",
            _ => "ok",
        },
        StageStatus.Passed => "ok",
        StageStatus.Failed => "FAILED",
        StageStatus.Skipped => "skipped",
        _ => "error",
    };
}

/// <summary>One stage's typed result: how it ended, how long it took, and a sentence on why.</summary>
public sealed record StageResult(StageName Stage, StageStatus Status, TimeSpan Duration, string Detail, bool FromCache = false)
{
    /// <summary>The duration in milliseconds, for programs reading the JSON.</summary>
    public double DurationMs => Math.Round(Duration.TotalMilliseconds, 1);
}
