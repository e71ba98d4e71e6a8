namespace HwForge.Tools.Targets;

/// <summary>What the judge decided: the design matches, does not, or could not be judged.</summary>
public enum Verdict
{
    Pass,
    Fail,
    Error,
}

/// <summary>
/// Why a design failed, after the failure taxonomy of LLM hardware-design benchmarks, plus the two ways a hostile candidate
/// is caught: a forbidden construct, or a simulation it ended before the harness did.
/// </summary>
public enum FailureClass
{
    None,
    Syntax,
    UnknownModule,
    Undeclared,
    WidthOrType,
    MissingPort,
    Compile,
    ForbiddenConstruct,
    FunctionalMismatch,
    ResetBehaviour,
    SimulationAborted,
    Timeout,
    ToolError,
}

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
