using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs;
using HwForge.Tools.Programs.Clang;
using HwForge.Tools.Programs.Gcc;
using HwForge.Tools.Programs.Nvcc;
using HwForge.Tools.Reward;
using HwForge.Tools.Targets.Cuda.Catalog;
using HwForge.Tools.Targets.Hls;

namespace HwForge.Tools.Targets.Cuda;

/// <summary>
/// CUDA kernels with a host entry (<c>solve</c>) that launches them, checked against a C++ reference (or a reference
/// CUDA entry) on HwForge's CPU emulation of the CUDA execution model, under sanitizers, over every size of a
/// <c>problem.yaml</c>, with random trials; compiled by nvcc (ptxas's resource figures with it) or clang where installed. Nothing is timed: no GPU is
/// assumed (see docs/CUDA.md).
/// </summary>
public sealed class CudaTarget(ToolHost host, ToolVersions versions) : ITarget
{
    public const string TargetName = "cuda";

    private readonly CudaEmulation _emulation = new(host, versions);
    private readonly CudaRealCompiler _compiler = new(host, versions);

    public string Name => TargetName;

    public string Title => "CUDA: kernels matched against a reference on a CPU emulation, under sanitizers (not timed)";

    /// <summary>A kernel (.cu), a C++ reference (.cpp) and the problem (.yaml).</summary>
    public static IReadOnlyList<FileKind> Kinds { get; } =
    [
        new(".cu", "CUDA C++", ["cuda", "cu", "cpp", "c++"]) { Highlighter = CppHighlighter.Instance, Sections = CppSections.Instance },
        new(".cpp", "C++ reference", ["cpp", "c++"]) { Highlighter = CppHighlighter.Instance, Sections = CppSections.Instance },
        new(".yaml", "CUDA problem", ["yaml", "yml"]),
    ];

    public IReadOnlyList<FileKind> FileKinds => Kinds;

    public IReadOnlyList<ToolDescriptor> Tools { get; } = [CompilerTools.Gxx];

    /// <summary>The tools it uses where installed and skips, saying so, where not.</summary>
    public static IReadOnlyList<ToolDescriptor> OptionalTools { get; } = [NvccTool.Descriptor, ClangCuda.Descriptor];

    /// <summary>None: nothing is timed without a GPU, and the roofline estimate is a detail, never an objective (docs/CUDA.md).</summary>
    public IReadOnlyList<Objective> Objectives { get; } = [];

    public IReadOnlyList<TargetOption> Options => CudaOptions.All;

    public ITargetPrompts Prompts { get; } = new CudaPrompts();

    public AnswerDesign ReadAnswer(string answer, string top)
    {
        var blocks = FencedBlocks.All(answer).Where(b => b.Code.Contains("__global__", StringComparison.Ordinal)).ToList();
        var code = blocks.LastOrDefault().Code;
        return code is null
            ? AnswerDesign.Missing("the answer held no ```cuda block with a __global__ kernel and its host entry")
            : AnswerDesign.Found(DesignArtifact.Single(TargetName, top, "kernel.cu", code));
    }

    /// <summary>The problem names the entry; without it, <c>solve</c>, the convention.</summary>
    public string? TopOf(DesignArtifact design) =>
        design.Files.Any(f => f.Text.Contains("<<<", StringComparison.Ordinal)) ? "solve" : null;

    public DraftCheck? DraftCheck => null;

    /// <summary><see cref="CudaCatalog"/>: a family's variants are the search's dimensions; none is timed, so none is better by a figure.</summary>
    public IOfflineCatalog? Catalog => OfflineCatalog;

    internal static IOfflineCatalog OfflineCatalog { get; } = new KeywordCatalog("CUDA catalog", [.. CudaCatalog.All.Select(CatalogFamily)],
        request => CudaCatalog.Match(request)?.Family);

    private static KeywordFamily CatalogFamily(ICudaKernelFamily family) => new(family.Family, family.Summary,
        [.. family.Choices.Select(c => CatalogDimension.Of(c.Name, c.Values))],
        values =>
        {
            var kernel = family.Generate(values);
            return new CatalogDesign("solve", $"{family.Summary} ({kernel.Description})", kernel.Design, kernel.ReferenceDesign, kernel.Choices, $"{kernel.Id}: {kernel.Description}");
        },
        null, _ => $"{family.Family}: {family.Summary} (the catalog's problem and reference; its kernel variants are tried)",
        ["not timed: without a GPU the CUDA target measures no speed, so variants are judged for correctness only"]);

    public Task<string?> CheckReferenceAsync(DesignReference reference, DesignHints hints, CancellationToken cancellation)
    {
        var (source, problem, why) = Resolve(reference, null);
        if (why is not null) return Task.FromResult<string?>(why);
        var function = IsCuda(source!) ? problem!.Entry : problem!.Reference;
        return Task.FromResult(source!.Text.Contains(function + "(", StringComparison.Ordinal) || source.Text.Contains(function + " (", StringComparison.Ordinal)
            ? null
            : $"the reference {source.FileName} defines no function {function} (problem.yaml names it as the {(IsCuda(source) ? "entry" : "reference")})");
    }

    public async Task<TargetVerdict> VerifyAsync(DesignArtifact design, DesignReference reference, DesignHints hints, TargetJob job, CancellationToken cancellation)
    {
        var (referenceSource, problem, why) = Resolve(reference, design);
        var kernel = design.Files.FirstOrDefault(IsCuda) ?? design.Files.FirstOrDefault(f => !IsProblem(f));
        var report = why is not null || kernel is null
            ? new CudaReport { Verdict = Verdict.Error, FailureClass = FailureClass.ToolError, Check = CudaCheck.Problem, Summary = why ?? "the design has no .cu file" }
            : await _emulation.RunAsync(new CudaRequest(kernel, referenceSource!, problem!) { Trials = CudaOptions.Trials(job), Seed = job.Seed }, cancellation).ConfigureAwait(false);
        return new TargetVerdict
        {
            Verdict = report.Verdict,
            FailureClass = report.FailureClass,
            DecidedBy = report.Check == CudaCheck.None ? "emulation" : CheckName(report.Check),
            Summary = report.Summary,
            Assurance = report.Assurance,
            Shown = report.Shown,
            FirstMismatch = report.FirstMismatch?.Describe(),
            MatchedFraction = report.Verdict == Verdict.Fail && report.Calls > 0 ? Math.Clamp(report.MatchedCalls / (double)report.Calls, 0, 1) : null,
            FromCache = report.Kernel?.FromCache == true && report.Reference?.FromCache == true,
            Elapsed = report.Elapsed,
            Estimated = report.Verdict == Verdict.Pass ? Estimated(problem) : null,
            Static = report.RealCompiler?.Static,
            Report = report,
        };
    }

    // A passing kernel's roofline estimate in one line, labelled as such: verify shows it beside the verdict.
    private static string? Estimated(CudaProblem? problem) =>
        problem is null || CudaRoofline.Estimate(problem) is not { } estimate ? null
            : $"{string.Join("; ", estimate.Sizes.Select(s => $"{s.Size}: >= {Time(s.EstimatedMicroseconds)} ({s.BoundBy}-bound)"))} "
              + $"[{estimate.Label}; {estimate.Assumption}; the problem's lower bound, the same for every kernel, not measured]";

    // A bound of a few nanoseconds reads as one, not as "0 us".
    private static string Time(double microseconds) =>
        microseconds < 1 ? FormattableString.Invariant($"{microseconds * 1000:0.##} ns") : FormattableString.Invariant($"{microseconds:0.###} us");

    /// <summary>Nothing is measured (no GPU is assumed); the problem's roofline estimate, labelled as one, where the design carries its problem.</summary>
    public Task<TargetMeasurement> MeasureAsync(DesignArtifact design, DesignHints hints, TargetJob job, CancellationToken cancellation) =>
        WithResourcesAsync(CudaMeasurement.Measure(design), design, cancellation);

    /// <summary>As above, on the problem the design was judged on: the reference's problem.yaml (a kernel an LLM wrote carries none).</summary>
    public Task<TargetMeasurement> MeasureAsync(DesignArtifact design, DesignReference reference, DesignHints hints, TargetJob job, CancellationToken cancellation) =>
        WithResourcesAsync(CudaMeasurement.Measure(WithProblem(design, reference)), design, cancellation);

    // ptxas's figures per kernel beside the estimate, where nvcc is installed: the same cached step the verifier
    // ran, so a judged candidate costs nothing more. Details labelled static, never objectives: none is a speed.
    private async Task<TargetMeasurement> WithResourcesAsync(TargetMeasurement measured, DesignArtifact design, CancellationToken cancellation)
    {
        if (!measured.Succeeded || design.Files.FirstOrDefault(IsCuda) is not { } kernel) return measured;
        var compiled = await _compiler.CompileAsync(CudaEmulation.Staged("kernel", kernel), kernel.Text, cancellation).ConfigureAwait(false);
        if (compiled.Resources.Count == 0) return measured;
        var details = new Dictionary<string, double>(measured.Details);
        var units = new Dictionary<string, string>(measured.Units);
        foreach (var r in compiled.Resources)
        {
            details[$"registers {r.Kernel}"] = r.Registers;
            details[$"spill_bytes {r.Kernel}"] = r.SpillStoreBytes + r.SpillLoadBytes;
            details[$"shared_bytes {r.Kernel}"] = r.SharedBytes;
            details[$"occupancy_bound {r.Kernel}"] = Math.Round(r.OccupancyByRegisters * 100, 1);
            units[$"registers {r.Kernel}"] = $"{StaticUnit}";
            units[$"spill_bytes {r.Kernel}"] = $"B {StaticUnit}";
            units[$"shared_bytes {r.Kernel}"] = $"B {StaticUnit}";
            units[$"occupancy_bound {r.Kernel}"] = $"% by registers {StaticUnit}";
        }
        return measured with
        {
            Details = details,
            Units = units,
            Basis = $"{measured.Basis} Static figures from ptxas ({compiled.Compiler}): registers, spilled bytes, static shared memory and the "
                + "occupancy the registers allow on an A100's SM, per kernel: what the compiled code holds, not a speed, and never ranked.",
        };
    }

    private const string StaticUnit = "static (ptxas sm_80)";

    // The problem a design was judged on, as Resolve picks it: the reference's problem.yaml first (a design's own
    // cannot change the figures it is shown with), the design's only when the reference has none.
    private static DesignArtifact WithProblem(DesignArtifact design, DesignReference reference) =>
        reference.Design?.Files.FirstOrDefault(IsProblem) is not { } problem
            ? design
            : design with { Files = [.. design.Files.Where(f => !IsProblem(f)), problem] };

    public string Feedback(TargetVerdict verdict, DesignArtifact design)
    {
        if (verdict.Passed) return "";
        if (verdict.Report is not CudaReport report) return verdict.Summary;
        var lines = new List<string> { $"The {CheckName(report.Check)} check failed: {report.Summary}" };
        if (report.MatchedCalls > 0) lines.Add($"{report.MatchedCalls} earlier calls matched the reference.");
        if (report.Check == CudaCheck.Race) lines.Add("Every thread must pass a __syncthreads() between writing shared data and another thread reading it; updates from several blocks to one element need atomics.");
        if (report.Check == CudaCheck.Unwritten) lines.Add("Launch enough blocks to cover every element, including the partial block at the edge (round up: (n + block - 1) / block).");
        return string.Join("\n", lines);
    }

    /// <summary>The check's name as reports and feedback say it.</summary>
    public static string CheckName(CudaCheck check) => check switch
    {
        CudaCheck.Problem => "problem",
        CudaCheck.Source => "source",
        CudaCheck.Compile => "compile",
        CudaCheck.RealCompiler => "real-compiler",
        CudaCheck.Launch => "launch",
        CudaCheck.Bounds => "bounds",
        CudaCheck.HostAccess => "host-access",
        CudaCheck.Race => "race",
        CudaCheck.Crash => "crash",
        CudaCheck.Timeout => "timeout",
        CudaCheck.InputsModified => "inputs",
        CudaCheck.Unwritten => "unwritten",
        CudaCheck.Mismatch => "mismatch",
        _ => "emulation",
    };

    // The reference's source and the problem: a .yaml among the reference's (or the design's) files, or problem.yaml
    // beside the reference on disk (an example folder).
    private static (SourceFile? Source, CudaProblem? Problem, string? Why) Resolve(DesignReference reference, DesignArtifact? design)
    {
        IReadOnlyList<SourceFile> files = reference.Design?.Files ?? (reference.Model is { } m ? [m.Source] : []);
        var source = files.FirstOrDefault(f => !IsProblem(f));
        if (source is null) return (null, null, "a CUDA reference is a C++ function (or a CUDA entry) with a problem.yaml: give both");
        var yaml = files.FirstOrDefault(IsProblem) ?? design?.Files.FirstOrDefault(IsProblem);
        // A reference read from disk in the working folder ("--ref ref.cu") has no folder in its path: it is the current one.
        if (yaml is null && File.Exists(source.Path) && Path.GetDirectoryName(Path.GetFullPath(source.Path)) is { Length: > 0 } folder
            && File.Exists(Path.Combine(folder, CudaProblem.FileName)))
            yaml = SourceLoader.LoadOne(Path.Combine(folder, CudaProblem.FileName));
        if (yaml is null) return (source, null, $"no {CudaProblem.FileName} was given with the reference {source.FileName}: it names the entry, the arguments and the sizes (docs/CUDA.md)");
        var (problem, error) = CudaProblem.Parse(yaml.Text);
        return problem is null ? (source, null, $"{yaml.FileName}: {error}") : (source, problem, null);
    }

    private static bool IsProblem(SourceFile f) => Path.GetExtension(f.Path).ToLowerInvariant() is ".yaml" or ".yml";

    private static bool IsCuda(SourceFile f) => Path.GetExtension(f.Path).Equals(".cu", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The CUDA target's options, each default written once.</summary>
internal static class CudaOptions
{
    public static IReadOnlyList<TargetOption> All { get; } =
    [
        TargetOption.Integer("trials", 3, 1, 100, "trials with fresh random inputs per size and input distribution (CUDA emulation)"),
    ];

    public static int Trials(TargetJob job) => int.Parse(job.Option("trials") ?? All[0].Default, CultureInfo.InvariantCulture);
}

/// <summary>What the CUDA target tells the models: a kernel and a host entry that launches it, checked on an emulation.</summary>
internal sealed class CudaPrompts : ITargetPrompts
{
    private static readonly ConcurrentDictionary<string, string> Loaded = new();

    public string SearchTerms => "cuda kernel";

    public string System(string role) => Loaded.GetOrAdd(role, static name =>
    {
        var assembly = Assembly.GetExecutingAssembly();
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(r => r.EndsWith($".Cuda.Prompts.{name}.md", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"the CUDA target has no prompt for the role '{name}'");
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd().Trim();
    });

    public string Task(string top, string description, DesignHints hints, DesignReference? reference)
    {
        var text = $"Entry: {top}\nBehaviour: {description}\n";
        var files = reference?.Design?.Files ?? (reference?.Model is { } m ? [m.Source] : []);
        foreach (var file in files)
            text += $"\n{(file.Path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) ? "The problem (arguments in order, sizes, tolerance)" : "The reference your entry must match")}:\n```{(file.Path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) ? "yaml" : "cpp")}\n{file.Text.TrimEnd()}\n```\n";
        return text;
    }

    public string Ask(string top) => $"Write the CUDA kernels and the host entry {top}.";
}
