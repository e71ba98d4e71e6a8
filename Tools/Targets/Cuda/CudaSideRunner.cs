using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Programs;
using HwForge.Tools.Programs.Gcc;

namespace HwForge.Tools.Targets.Cuda;

/// <summary>A side's program built and run: the side's report and the logs of its runs, by build name.</summary>
internal sealed record CudaSideResult(CudaSide Side, IReadOnlyDictionary<string, CudaLog> Logs);

/// <summary>
/// Builds and runs one side's verification program in its own sandbox. A device side is built twice, with
/// AddressSanitizer + UBSan (every call) and with ThreadSanitizer (the first trial at each size, for races); a host
/// reference once, with AddressSanitizer + UBSan. What the program prints is thrown away; only its log counts.
/// </summary>
internal sealed class CudaSideRunner(ToolHost host, ToolVersions versions)
{
    public const string Address = "address";
    public const string Thread = "thread";

    /// <summary>The time a side's builds may take, on top of its runs' timeouts.</summary>
    public static readonly TimeSpan BuildAllowance = TimeSpan.FromSeconds(180);

    private const int MessageLines = 25;

    public async Task<CudaSideResult> RunAsync(string role, string stagedSource, string sourceText, string function, CudaProblem problem,
        bool device, int trials, int seed, TimeSpan timeout, CancellationToken cancellation)
    {
        var version = await versions.RequireAsync(CompilerTools.Gxx, cancellation).ConfigureAwait(false);
        string[] builds = device ? [Address, Thread] : [Address];
        // One OS thread per CUDA thread, and the sanitizers' shadow memory: a cgroup bounds the run's memory, so the
        // address-space rlimit is lifted (ThreadSanitizer runs under none) and the thread limit raised (docs/CUDA.md).
        var limits = ResourceLimits.Default.WithTimeout(timeout * builds.Length + BuildAllowance) with
        {
            MemoryBytes = long.MaxValue,
            MaxProcesses = 4096,
            TotalMemoryBytes = 6L << 30,
        };
        var seconds = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));
        var script = new System.Text.StringBuilder();
        script.AppendLine("export ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 "
            + "TSAN_OPTIONS=halt_on_error=1:exitcode=66:report_signal_unsafe=0");
        foreach (var build in builds)
            script.AppendLine($"({CompilerTools.Gxx.Executable} -std=c++20 -O1 -g -pthread -fsanitize={(build == Address ? "address,undefined -fno-sanitize-recover=all" : "thread")} "
                + $"-w -fmax-errors=10 -I. -o prog-{build} {CudaProgram.MainFile} {CudaProgram.EntryFile} 2> compile-{build}.log) &");
        script.AppendLine("wait");
        foreach (var build in builds)
        {
            var first = build == Thread ? " first" : "";
            // The run has its own clock (coreutils timeout: status 124), so a slow build never reads as a hang.
            script.AppendLine($"if [ -x prog-{build} ]; then rm -f {CudaProgram.LogFile}; timeout -k 2 {seconds} ./prog-{build}{first} > /dev/null 2> run-{build}.err; "
                + $"echo $? > run-{build}.status; mv {CudaProgram.LogFile} {build}.log 2> /dev/null; fi");
        }
        var outputs = builds.SelectMany(b => new[] { $"compile-{b}.log", $"run-{b}.err", $"run-{b}.status", $"{b}.log" }).ToList();
        var step = new ToolStep($"g++-cuda-{role}", version, new ToolInvocation("sh", ["-c", script.ToString()]).WithLimits(limits))
        {
            Inputs =
            [
                .. CudaProgram.Headers(),
                .. CudaProgram.RuntimeHeaderStubs(),
                InputFile.FromText(CudaProgram.MainFile, CudaProgram.Main(problem, trials, seed, device)),
                InputFile.FromText(CudaProgram.EntryFile, CudaProgram.Entry(stagedSource, function, problem, device)),
                InputFile.FromText(stagedSource, sourceText),
            ],
            Outputs = outputs,
        };
        var result = await host.RunAsync(step, cancellation).ConfigureAwait(false);
        var runs = new List<CudaSideRun>();
        var logs = new Dictionary<string, CudaLog>(StringComparer.Ordinal);
        var compiled = true;
        var messages = "";
        foreach (var build in builds)
        {
            if (result.OutputText($"run-{build}.status") is not { } status)
            {
                compiled = false;
                messages = FirstLines(result.OutputText($"compile-{build}.log") is { Length: > 0 } log ? log : result.Run.StandardError);
                break;
            }
            var parsed = CudaLog.Parse(result.OutputText($"{build}.log"));
            logs[build] = parsed;
            runs.Add(new CudaSideRun(build, int.TryParse(status.Trim(), out var code) ? code : -1, Head(result.OutputText($"run-{build}.err") ?? ""),
                parsed.Runs.Count, parsed.Ended));
        }
        return new CudaSideResult(new CudaSide(compiled, messages, runs, result.FromCache), logs);
    }

    private static string FirstLines(string text)
    {
        var lines = text.Trim().Split('\n');
        var shown = string.Join('\n', lines.Take(MessageLines));
        return lines.Length > MessageLines ? $"{shown}\n… ({lines.Length - MessageLines} more lines)" : shown;
    }

    // A sanitizer's report starts with what matters (the access, the first frames); its end is thread listings.
    private static string Head(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length > 16000 ? trimmed[..16000] + "…" : trimmed;
    }
}
