using System.Globalization;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Programs;

namespace HwForge.Tools.Targets.Cuda.Bench;

/// <summary>What <c>hwforge cuda bench</c> is asked: a kernel, the baseline it is timed against, the problem, and the sizes.</summary>
public sealed record CudaBenchRequest(string Kernel, string Baseline, string Problem)
{
    /// <summary>Sizes to time ("M=1024,N=1024,K=1024"); the problem's own sizes when empty.</summary>
    public IReadOnlyList<string> Sizes { get; init; } = [];

    /// <summary>Where the bundle is written; without one, the bundle is built in a temporary folder, timed there if a GPU is present, and removed.</summary>
    public string? BundleFolder { get; init; }

    /// <summary>A runner's output to read (a bundle run on another machine) instead of building and running one.</summary>
    public string? ResultFile { get; init; }

    public int Repeats { get; init; } = 100;

    public int Seed { get; init; } = 1;
}

/// <summary>The outcome in words for a person and in fields for a program; <see cref="Exit"/> is the command's exit code.</summary>
public sealed record CudaBenchReport(string Summary, IReadOnlyList<string> Lines, int Exit)
{
    public string? Bundle { get; init; }

    public long? BundleBytes { get; init; }

    public bool Timed { get; init; }

    /// <summary>The runner's result as read (device, per size both sides' timings, speedup, flags); null when nothing was timed.</summary>
    public object? Result { get; init; }
}

/// <summary>
/// <c>hwforge cuda bench</c>: builds a self-contained bench bundle with nvcc (in the sandbox), runs it where this
/// machine has a GPU (in the sandbox, with the GPU's device nodes only), and reads its result; or reads a result a
/// bundle printed on another machine. Nothing here is an estimate: a figure shown was measured on a GPU, or none is
/// shown. Exit codes: 0 timed and every timed output matched, 1 a kernel failed (mismatch, CUDA error, static
/// check), 2 usage or infrastructure, 3 built but not timed (no GPU here).
/// </summary>
public sealed class CudaBench(ToolHost host, ToolVersions versions)
{
    private const int Failed = 1, Infrastructure = 2, NotTimed = 3;

    /// <summary>The device nodes a CUDA program opens; a GPU is present when the control node and one GPU are.</summary>
    private static readonly string[] GpuNodes = ["/dev/nvidiactl", "/dev/nvidia-uvm", "/dev/nvidia-uvm-tools", "/dev/nvidia-modeset"];

    public static bool GpuPresent => File.Exists("/dev/nvidiactl") && File.Exists("/dev/nvidia0");

    public async Task<CudaBenchReport> RunAsync(CudaBenchRequest request, IProgress<string>? progress, CancellationToken cancellation)
    {
        if (!File.Exists(request.Problem)) return Usage($"{request.Problem}: no such file (the problem.yaml)");
        var problemText = await File.ReadAllTextAsync(request.Problem, cancellation).ConfigureAwait(false);
        var (problem, error) = CudaProblem.Parse(problemText);
        if (problem is null) return Usage($"{Path.GetFileName(request.Problem)}: {error}");
        var (sizes, sizeError) = Sizes(problem, request.Sizes);
        if (sizes is null) return Usage(sizeError!);
        if (request.ResultFile is { } resultFile)
        {
            if (!File.Exists(resultFile)) return Usage($"{resultFile}: no such file (a runner's output)");
            return Judged(CudaBenchResult.Parse(await File.ReadAllTextAsync(resultFile, cancellation).ConfigureAwait(false), problem), null, null);
        }
        if (request.Repeats < 100) return Usage("--repeats: at least 100 timings per side (the median of fewer is noise)");
        foreach (var path in new[] { request.Kernel, request.Baseline })
            if (!File.Exists(path)) return Usage($"{path}: no such file");
        var kernel = await File.ReadAllTextAsync(request.Kernel, cancellation).ConfigureAwait(false);
        var baseline = await File.ReadAllTextAsync(request.Baseline, cancellation).ConfigureAwait(false);

        // The same static checks as verify: a bench runs the kernel on a real GPU, with no emulation around it.
        if (CudaSource.Check(kernel, problem.Entry) is { } refused)
            return new CudaBenchReport($"the kernel is refused before it is built: {refused.Message}", [], Failed);
        if (CudaSource.Check(baseline, problem.Entry) is { } baselineRefused)
            return Usage($"the baseline is refused before it is built: {baselineRefused.Message}");

        progress?.Report($"building the bench runner with nvcc ({string.Join(", ", Programs.Nvcc.NvccTool.BundleArchitectures)}), {sizes.Count} sizes");
        var (bundle, buildProblem) = await new CudaBundleBuilder(host, versions).BuildAsync(kernel, baseline, problem, problemText, sizes, request.Seed, cancellation).ConfigureAwait(false);
        if (bundle is null)
            return new CudaBenchReport(buildProblem!, [], buildProblem!.StartsWith("the kernel", StringComparison.Ordinal) ? Failed : Infrastructure);

        var folder = request.BundleFolder ?? Directory.CreateTempSubdirectory("hwforge-cuda-bench-").FullName;
        try
        {
            var bytes = bundle.WriteTo(folder);
            var where = request.BundleFolder is null ? null : Path.GetFullPath(folder);
            var built = $"bundle of {bytes / 1024.0 / 1024.0:0.0} MiB (limit {CudaBundle.MaxBytes >> 20} MiB)" + (where is null ? "" : $" at {where}");
            if (!GpuPresent)
                return new CudaBenchReport($"built, not timed: no GPU here (no /dev/nvidiactl and /dev/nvidia0); nothing is measured without one", [
                    built,
                    where is null
                        ? "write it with --bundle DIR, copy DIR to a GPU machine, run DIR/run.sh > result.json there, and read it here with --result result.json"
                        : $"copy {where} to a GPU machine, run {Path.Combine(where, CudaBundle.RunScript)} > result.json there, and read it here with --result result.json",
                ], NotTimed) { Bundle = where, BundleBytes = bytes };

            progress?.Report($"timing kernel and baseline on the GPU: {request.Repeats} calls each per size");
            var result = await RunBundleAsync(bundle, request.Repeats, cancellation).ConfigureAwait(false);
            return Judged(CudaBenchResult.Parse(result, problem), where, bytes);
        }
        finally
        {
            if (request.BundleFolder is null) Directory.Delete(folder, recursive: true);
        }
    }

    // The runner is generated code: it runs in the sandbox like any other, with the GPU's nodes and nothing more.
    private async Task<string> RunBundleAsync(CudaBundle bundle, int repeats, CancellationToken cancellation)
    {
        var devices = GpuNodes.Concat(Directory.GetFiles("/dev", "nvidia*").Where(d => char.IsDigit(d[^1]))).Distinct().Where(File.Exists).ToList();
        var step = new ToolStep("cuda-bench-runner", "1", new ToolInvocation("sh", ["-c", $"chmod +x {CudaBundle.RunnerFile} && ./{CudaBundle.RunnerFile} --repeats {repeats} > result.json"])
            .WithLimits(ResourceLimits.Default.WithTimeout(TimeSpan.FromMinutes(10))) with { Devices = devices })
        {
            Inputs = [new InputFile(CudaBundle.RunnerFile, bundle.Runner)],
            Outputs = ["result.json"],
            Cacheable = false,
        };
        var run = await host.RunAsync(step, cancellation).ConfigureAwait(false);
        return run.OutputText("result.json") is { Length: > 0 } json ? json
            : $"{{\"error\": \"the runner wrote no result (exit {run.Run.ExitCode}): {run.Run.StandardError.Replace("\"", "'", StringComparison.Ordinal).ReplaceLineEndings(" ")}\", \"exit\": 2}}";
    }

    private static CudaBenchReport Judged(CudaBenchResult result, string? bundle, long? bytes)
    {
        var lines = result.Describe().ToList();
        if (!result.Timed)
        {
            // Only the entry's own failures are the kernel's; a GPU missing, out of memory or a usage slip is not.
            var exit = result.Exit == 3 ? NotTimed : result.Error?.StartsWith("the entry", StringComparison.Ordinal) == true ? Failed : Infrastructure;
            return new CudaBenchReport(lines[0], lines, exit) { Bundle = bundle, BundleBytes = bytes, Result = result };
        }
        var mismatched = result.Sizes.Any(s => !s.Matched);
        var flagged = result.Sizes.Any(s => s.BeyondRoofline);
        var speedups = string.Join(", ", result.Sizes.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Speedup:0.##}x")));
        var summary = mismatched ? "timed, but the kernel's timed outputs did not match the baseline's: no speedup counts"
            : flagged ? $"timed; speedups {speedups}, FLAGGED: a timing below the bandwidth bound cannot be true"
            : $"measured on {result.Device}: speedup over the baseline {speedups}";
        return new CudaBenchReport(summary, lines, mismatched || flagged ? Failed : 0) { Bundle = bundle, BundleBytes = bytes, Timed = true, Result = result };
    }

    // "M=1024,N=512" → every size argument given, as whole numbers.
    private static (IReadOnlyList<IReadOnlyDictionary<string, long>>? Sizes, string? Error) Sizes(CudaProblem problem, IReadOnlyList<string> given)
    {
        if (given.Count == 0) return (problem.Sizes, null);
        var names = problem.Arguments.Where(a => !a.IsBuffer && a.Value is null).Select(a => a.Name).ToList();
        var sizes = new List<IReadOnlyDictionary<string, long>>();
        foreach (var text in given)
        {
            var size = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
                if (pair.Length != 2 || !names.Contains(pair[0]) || !long.TryParse(pair[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 1)
                    return (null, $"--size {text}: expected NAME=COUNT pairs for {string.Join(", ", names)} (whole numbers, at least 1)");
                size[pair[0]] = value;
            }
            if (names.FirstOrDefault(n => !size.ContainsKey(n)) is { } missing) return (null, $"--size {text}: no value for {missing} (the problem's sizes are {string.Join(", ", names)})");
            sizes.Add(size);
        }
        return (sizes, null);
    }

    private static CudaBenchReport Usage(string message) => new(message, [], Infrastructure);
}
