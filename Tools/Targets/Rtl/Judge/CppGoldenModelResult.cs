using HwForge.Tools.Foundation.Execution;

namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>Why a C++ golden model gave no trace to compare against.</summary>
internal enum CppModelFailure
{
    None,

    /// <summary>The interface cannot be modelled in C++ (a port over 64 bits, say), or the file name is reserved; nothing ran.</summary>
    Unsupported,

    /// <summary>g++ rejected the model; the detail holds its first messages.</summary>
    Compile,

    /// <summary>The model crashed, exited with a non-zero code, or ended before the last cycle.</summary>
    Crash,

    /// <summary>A limit stopped the compile or the run: wall-clock time (a model that loops forever), CPU, memory, output.</summary>
    Limit,
}

/// <summary>
/// A golden model's run: the trace of every cycle when it succeeded, else what went wrong. The
/// trace is present either way; after a crash or a limit it holds the cycles before it.
/// </summary>
internal sealed record CppModelResult(CppModelFailure Failure, Trace Trace, string Detail, ToolRunResult? Run, bool FromCache)
{
    public bool Succeeded => Failure == CppModelFailure.None;

    /// <summary>Which limit stopped the run, if one did.</summary>
    public LimitHit Limit => Run?.Limit ?? LimitHit.None;

    internal static CppModelResult Refused(string reason) =>
        new(CppModelFailure.Unsupported, new Trace([], false), reason, null, false);
}
