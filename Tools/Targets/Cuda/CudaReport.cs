namespace HwForge.Tools.Targets.Cuda;

/// <summary>
/// The checks a CUDA verification makes, in the order they run; a failed verdict names the one that failed.
/// </summary>
public enum CudaCheck
{
    None,
    Problem,
    Source,
    Compile,
    RealCompiler,
    Launch,
    Bounds,
    HostAccess,
    Race,
    Crash,
    Timeout,
    InputsModified,
    Unwritten,
    Mismatch,
}

/// <summary>The first output element that differs from the reference's, with where it was found.</summary>
internal sealed record CudaMismatch(string Size, string Distribution, int Trial, string Output, long Index, string Expected, string Got)
{
    public string Describe() => $"{Output}[{Index}] at {Size} ({Distribution} inputs, trial {Trial}): expected {Expected}, got {Got}";
}

/// <summary>How one side's program ended: built or not, each run's status and what it said.</summary>
internal sealed record CudaSide(bool Compiled, string CompilerMessages, IReadOnlyList<CudaSideRun> Runs, bool FromCache);

/// <summary>One run of a side's program (the address-sanitized run, the thread-sanitized one).</summary>
internal sealed record CudaSideRun(string Build, int ExitCode, string Stderr, int Calls, bool Ended);

/// <summary>What clang's CUDA front end said of the candidate (device code compiled to PTX), when clang is installed.</summary>
internal sealed record CudaPtxCheck(bool Ran, bool Compiled, string Compiler, string Messages);

/// <summary>The CUDA verification report: the verdict, the check that decided it, what was shown, the first difference.</summary>
internal sealed record CudaReport
{
    public required Verdict Verdict { get; init; }

    public required FailureClass FailureClass { get; init; }

    public CudaCheck Check { get; init; }

    public required string Summary { get; init; }

    public Assurance Assurance { get; init; }

    public string Shown { get; init; } = "";

    public CudaMismatch? FirstMismatch { get; init; }

    /// <summary>Calls of the entry compared with the reference's (every size × distribution × trial).</summary>
    public int Calls { get; init; }

    public int MatchedCalls { get; init; }

    public CudaPtxCheck? Ptx { get; init; }

    public CudaSide? Kernel { get; init; }

    public CudaSide? Reference { get; init; }

    public TimeSpan Elapsed { get; init; }
}
