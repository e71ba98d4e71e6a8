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

/// <summary>
/// What a real CUDA compiler said of the candidate (nvcc, or clang's front end to PTX), when one is installed, and
/// each kernel's resources where ptxas assembled it (static figures, never a speed).
/// </summary>
internal sealed record CudaRealCompile(bool Ran, bool Compiled, string Compiler, string Messages, IReadOnlyList<CudaKernelResources> Resources)
{
    /// <summary>
    /// True when the compiler refused the source itself (an error at a line of the kernel); false when it failed
    /// without naming a line of it (a broken install, a missing program): the machine's fault, not the kernel's.
    /// </summary>
    public bool RefusedSource { get; init; }

    /// <summary>The kernels' resources in one line, labelled static; null when no ptxas ran.</summary>
    public string? Static => Resources.Count == 0 ? null
        : $"{string.Join("; ", Resources.Select(r => r.Describe()))} [static, from ptxas for {Programs.Nvcc.NvccTool.Architecture}: what the compiled code holds, not a speed]";
}

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

    public CudaRealCompile? RealCompiler { get; init; }

    public CudaSide? Kernel { get; init; }

    public CudaSide? Reference { get; init; }

    public TimeSpan Elapsed { get; init; }
}
