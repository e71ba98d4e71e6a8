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
