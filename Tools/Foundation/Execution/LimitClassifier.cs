using System.Text.RegularExpressions;

namespace HwForge.Tools.Foundation.Execution;

/// <summary>
/// Infers which kernel limit ended a run. The kernel says so only through signals (CPU, file
/// size); for memory and processes the program's own complaint on stderr is the evidence.
/// </summary>
internal static partial class LimitClassifier
{
    private const int SignalBase = 128;
    private const int SigXcpu = 24;
    private const int SigXfsz = 25;

    public static LimitHit Classify(int exitCode, string stderr)
    {
        if (exitCode == 0) return LimitHit.None;
        if (exitCode == SignalBase + SigXcpu) return LimitHit.CpuTime;
        if (exitCode == SignalBase + SigXfsz || stderr.Contains("File size limit exceeded")) return LimitHit.FileSize;
        if (ForkFailure().IsMatch(stderr)) return LimitHit.Processes;
        if (OutOfMemory().IsMatch(stderr)) return LimitHit.Memory;
        return LimitHit.None;
    }

    [GeneratedRegex(@"Cannot fork|fork: (retry: )?Resource temporarily unavailable|fork failed|can't fork|pthread_create failed|Resource temporarily unavailable", RegexOptions.IgnoreCase)]
    private static partial Regex ForkFailure();

    [GeneratedRegex(@"std::bad_alloc|Cannot allocate memory|out of memory|memory exhausted|MemoryError|virtual memory exhausted", RegexOptions.IgnoreCase)]
    private static partial Regex OutOfMemory();
}
