using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Programs;
using HwForge.Tools.Programs.Gcc;

namespace HwForge.Tools.Targets.Cuda;

/// <summary>A side's program built and run: the side's report and the logs of its runs, by build name.</summary>
internal sealed record CudaSideResult(CudaSide Side, IReadOnlyDictionary<string, CudaLog> Logs);

/// <summary>
/// Builds and runs one side's verification program. A device side is built twice, with AddressSanitizer + UBSan and
/// with ThreadSanitizer (races), each build compiled and run in a sandbox of its own, so nothing one run leaves in its
/// work folder (a log, a file, a process) can reach the other; a host reference once, with AddressSanitizer + UBSan.
/// Both builds run every call. What the program prints is thrown away; only its log counts.
/// </summary>
internal sealed class CudaSideRunner(ToolHost host, ToolVersions versions)
{
    public const string Address = "address";
    public const string Thread = "thread";

    /// <summary>The time a build may take, on top of its run's timeout.</summary>
    public static readonly TimeSpan BuildAllowance = TimeSpan.FromSeconds(180);

    private const int MessageLines = 25;

    public async Task<CudaSideResult> RunAsync(string role, string stagedSource, string sourceText, string function, CudaProblem problem,
        bool device, int trials, int seed, TimeSpan timeout, CancellationToken cancellation)
    {
        var version = await versions.RequireAsync(CompilerTools.Gxx, cancellation).ConfigureAwait(false);
        string[] builds = device ? [Address, Thread] : [Address];
        IReadOnlyList<InputFile> inputs =
        [
            .. CudaProgram.Headers(),
            .. CudaProgram.RuntimeHeaderStubs(),
            InputFile.FromText(CudaProgram.MainFile, CudaProgram.Main(problem, trials, seed, device)),
            InputFile.FromText(CudaProgram.EntryFile, CudaProgram.Entry(stagedSource, function, problem, device)),
            InputFile.FromText(stagedSource, sourceText),
        ];
        var results = await Task.WhenAll(builds.Select(b => RunBuildAsync(role, b, version, inputs, timeout, cancellation))).ConfigureAwait(false);
        var runs = new List<CudaSideRun>();
        var logs = new Dictionary<string, CudaLog>(StringComparer.Ordinal);
        var compiled = true;
        var messages = "";
        var fromCache = true;
        for (var i = 0; i < builds.Length; i++)
        {
            var (build, result) = (builds[i], results[i]);
            fromCache &= result.FromCache;
            if (result.OutputText("run.status") is not { } status)
            {
                compiled = false;
                messages = FirstLines(result.OutputText("compile.log") is { Length: > 0 } log ? log : result.Run.StandardError);
                break;
            }
            var parsed = CudaLog.Parse(result.OutputText("run.log"));
            logs[build] = parsed;
            runs.Add(new CudaSideRun(build, int.TryParse(status.Trim(), out var code) ? code : -1, Head(result.OutputText("run.err") ?? ""),
                parsed.Runs.Count, parsed.Ended));
        }
        return new CudaSideResult(new CudaSide(compiled, messages, runs, fromCache), logs);
    }

    // One build compiled and run in its own sandbox: its own /work, /tmp, processes and clock.
    private Task<StepResult> RunBuildAsync(string role, string build, string version, IReadOnlyList<InputFile> inputs, TimeSpan timeout,
        CancellationToken cancellation)
    {
        // One OS thread per CUDA thread, and the sanitizers' shadow memory: a cgroup bounds the run's memory, so the
        // address-space rlimit is lifted (ThreadSanitizer runs under none) and the thread limit raised (docs/CUDA.md).
        var limits = ResourceLimits.Default.WithTimeout(timeout + BuildAllowance) with
        {
            MemoryBytes = long.MaxValue,
            MaxProcesses = 4096,
            TotalMemoryBytes = 6L << 30,
        };
        var seconds = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));
        var sanitize = build == Address ? "address,undefined -fno-sanitize-recover=all" : "thread";
        // The run has its own clock (coreutils timeout: status 124), so a slow build never reads as a hang.
        var script = "export ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 "
            + "TSAN_OPTIONS=halt_on_error=1:exitcode=66:report_signal_unsafe=0\n"
            + $"{CompilerTools.Gxx.Executable} -std=c++20 -O1 -g -pthread -fsanitize={sanitize} -w -fmax-errors=10 -I. -o prog "
            + $"{CudaProgram.MainFile} {CudaProgram.EntryFile} 2> compile.log || exit 0\n"
            + $"timeout -k 2 {seconds} ./prog > /dev/null 2> run.err; echo $? > run.status; mv {CudaProgram.LogFile} run.log 2> /dev/null\n";
        var step = new ToolStep($"g++-cuda-{role}-{build}", version, new ToolInvocation("sh", ["-c", script]).WithLimits(limits))
        {
            Inputs = inputs,
            Outputs = ["compile.log", "run.err", "run.status", "run.log"],
        };
        return host.RunAsync(step, cancellation);
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
