using System.Text.RegularExpressions;

namespace HwForge.Tools.Targets.Cuda;

/// <summary>
/// Reads why a side's run stopped early, from its exit status and what the sanitizers and the emulation wrote on
/// stderr, into the check that failed and a sentence that says where to look.
/// </summary>
internal static partial class CudaCrash
{
    public static (CudaCheck Check, FailureClass Class, string Words) Explain(CudaSideRun run)
    {
        var err = run.Stderr;
        if (run.ExitCode is 124 or 137)
            return (CudaCheck.Timeout, FailureClass.Timeout, $"the {run.Build}-sanitized run ran out of time (an endless loop, or a __syncthreads that some threads never reach?)");
        if (err.Contains("ThreadSanitizer: data race", StringComparison.Ordinal))
        {
            var shared = err.Contains("hwforge::shared", StringComparison.Ordinal) || err.Contains("hwforge::dynamic_shared", StringComparison.Ordinal);
            var where = Frame().Match(err) is { Success: true } m ? $" in {m.Groups["where"].Value.Trim()}" : "";
            return (CudaCheck.Race, FailureClass.FunctionalMismatch, shared
                ? $"a data race on __shared__ memory{where}: two threads of a block touch the same element with no __syncthreads between them (a missing barrier?)"
                : $"a data race on device memory{where}: two threads (of one block or of different blocks) touch the same element and at least one writes, with no atomic or barrier between them");
        }
        if (Fault().Match(err) is { Success: true } fault)
        {
            var words = fault.Groups["what"].Value.Trim();
            var check = words.StartsWith("out-of-bounds", StringComparison.Ordinal) ? CudaCheck.Bounds
                : words.StartsWith("cudaMemcpy", StringComparison.Ordinal) || words.Contains("outside a kernel launch", StringComparison.Ordinal) ? CudaCheck.HostAccess
                : CudaCheck.Crash;
            return (check, check == CudaCheck.HostAccess ? FailureClass.ForbiddenConstruct : FailureClass.SimulationAborted, words);
        }
        if (err.Contains("use-after-poison", StringComparison.Ordinal))
            return (CudaCheck.Bounds, FailureClass.SimulationAborted, $"an access outside a device buffer{Top(err)} (a missing bounds check, or an index past the edge?)");
        if (err.Contains("heap-buffer-overflow", StringComparison.Ordinal) || err.Contains("stack-buffer-overflow", StringComparison.Ordinal)
            || err.Contains("global-buffer-overflow", StringComparison.Ordinal))
            return (CudaCheck.Bounds, FailureClass.SimulationAborted, $"an access outside an array{Top(err)} (__shared__ or local memory indexed past its end?)");
        // A fault in a CUDA thread (a pool thread, T1 and up) is a kernel indexing far past a buffer, into its guard page;
        // in the main thread (T0) it is host code touching device memory, which is closed to it between launches.
        if (SegvInThread().Match(err) is { Success: true } segv && segv.Groups["thread"].Value != "0")
            return (CudaCheck.Bounds, FailureClass.SimulationAborted, $"a kernel accessed memory far outside a device buffer{Top(err)} (a missing bounds check?)");
        if (err.Contains("SEGV", StringComparison.Ordinal) || run.ExitCode == 139)
            return (CudaCheck.HostAccess, FailureClass.SimulationAborted,
                $"the program touched memory it may not{Top(err)}: device buffers cannot be read or written by host code outside a kernel (does the entry compute on the host?), or a pointer went far out of bounds");
        if (Runtime().Match(err) is { Success: true } ub)
            return (CudaCheck.Bounds, FailureClass.SimulationAborted, $"undefined behaviour: {ub.Groups["what"].Value.Trim()}");
        if (run.ExitCode == 0)
            return (CudaCheck.Crash, FailureClass.SimulationAborted, "the program ended before the judge's last call (does the source end the process itself?)");
        return (CudaCheck.Crash, FailureClass.SimulationAborted, $"the {run.Build}-sanitized run exited with status {run.ExitCode}" + (err.Length > 0 ? $":\n{First(err, 12)}" : ""));
    }

    // The first frame of the source's own, as the sanitizer names it: "#0 0x… in mm(float const*, …) src/kernel.cu:12".
    private static string Top(string err) => Frame().Match(err) is { Success: true } m ? $" in {m.Groups["where"].Value.Trim()}" : "";

    private static string First(string text, int lines) => string.Join('\n', text.Split('\n').Take(lines));

    [GeneratedRegex(@"#\d+ (?:0x[0-9a-f]+ in )?(?<where>[^\n]*src/[^\n]*)")]
    private static partial Regex Frame();

    [GeneratedRegex(@"SEGV on unknown address[^\n]*\bT(?<thread>\d+)\)")]
    private static partial Regex SegvInThread();

    [GeneratedRegex(@"hwforge-cuda: (?<what>[^\n]+)")]
    private static partial Regex Fault();

    [GeneratedRegex(@"runtime error: (?<what>[^\n]+)")]
    private static partial Regex Runtime();
}
