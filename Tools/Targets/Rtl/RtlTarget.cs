using System.Globalization;
using System.Text.Json;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs;
using HwForge.Tools.Programs.OpenSta;
using HwForge.Tools.Programs.Verilator;
using HwForge.Tools.Reward;
using HwForge.Tools.Targets.Rtl.Catalog;
using HwForge.Tools.Targets.Rtl.Judge;
using HwForge.Tools.Targets.Rtl.Ppa;
using HwForge.Tools.Targets.Rtl.Syntax;

namespace HwForge.Tools.Targets.Rtl;

/// <summary>
/// Verilog and SystemVerilog modules: linted by Verilator, simulated cycle for cycle against the reference by
/// Icarus, proven equivalent by Yosys and ABC, measured by Yosys synthesis and OpenSTA timing and power.
/// </summary>
internal sealed class RtlTarget(ToolHost host, ToolVersions versions) : ITarget
{
    public const string TargetName = "rtl";

    private readonly Verifier _verifier = new(host, versions);
    private readonly PpaAnalysis _ppa = new(host, versions);

    public string Name => TargetName;

    public string Title => "RTL: Verilog / SystemVerilog modules, matched cycle for cycle";

    public IReadOnlyList<FileKind> FileKinds => Kinds;

    /// <summary>Its file kinds, known before any tool is set up (<see cref="TargetRegistry.ShippedFileKind"/>).</summary>
    internal static IReadOnlyList<FileKind> Kinds { get; } =
    [
        new(".v", "Verilog", ["verilog", "v"]) { Highlighter = VerilogHighlighter.Instance, Sections = ModuleSections.Instance },
        new(".sv", "SystemVerilog", ["systemverilog", "sv"]) { Highlighter = VerilogHighlighter.Instance, Sections = ModuleSections.Instance },
        // Headers a design includes (`include "defs.vh"): read with it, never a design of their own.
        new(".vh", "Verilog header", []) { Highlighter = VerilogHighlighter.Instance, Sections = ModuleSections.Instance },
        new(".svh", "SystemVerilog header", []) { Highlighter = VerilogHighlighter.Instance, Sections = ModuleSections.Instance },
    ];

    public IReadOnlyList<ToolDescriptor> Tools { get; } = [.. Verifier.ToolsUsed, OpenStaTool.Descriptor];

    public IReadOnlyList<Objective> Objectives { get; } = [Objective.Area, Objective.Delay, Objective.Power];

    public IReadOnlyList<TargetOption> Options => RtlOptions.All;

    public ITargetPrompts Prompts { get; } = new RtlPrompts();

    /// <summary>The kernel generators of <see cref="KernelCatalog"/>: their architecture parameters are the search's dimensions.</summary>
    public IOfflineCatalog? Catalog => RtlOfflineCatalog.Instance;

    public AnswerDesign ReadAnswer(string answer, string top) => RtlAnswer.Read(answer, top);

    public string? TopOf(DesignArtifact design) => design.Files.Count == 0 ? null : RtlAnswer.ModuleName(design.Main.Text);

    public DraftCheck DraftCheck => new("lint_verilog", "Lint a Verilog module with Verilator; returns its warnings and errors.", LintAsync);

    // A C++ model has no ports of its own: each design's interface is checked against the spec when it is judged.
    public Task<string?> CheckReferenceAsync(DesignReference reference, DesignHints hints, CancellationToken cancellation) =>
        reference.Design is { } design
            ? ReferenceCheck.ProblemAsync(host, versions, design.Files, design.Top, hints.Clock, hints.Reset, cancellation)
            : Task.FromResult<string?>(null);

    public async Task<TargetVerdict> VerifyAsync(DesignArtifact design, DesignReference reference, DesignHints hints, TargetJob job, CancellationToken cancellation)
    {
        var request = new VerifyRequest(design.Files, design.Top, reference.Design?.Files ?? [], reference.Design?.Top ?? "")
        {
            ReferenceModel = reference.Design is null ? reference.Model?.Source : null,
            Clock = hints.Clock,
            Reset = hints.Reset,
            ResetActiveLow = hints.Reset is null ? null : hints.ResetActiveLow,
            Cycles = RtlOptions.Cycles(job),
            Seed = job.Seed,
            Formal = RtlOptions.Formal(job),
        };
        var report = await _verifier.VerifyAsync(request, cancellation, job.Progress is { } progress ? (stage, word) => progress(StageLine(stage, word)) : null).ConfigureAwait(false);
        return new TargetVerdict
        {
            Verdict = report.Verdict,
            FailureClass = report.FailureClass,
            DecidedBy = report.DecidedBy is { } stage ? JsonNamingPolicy.CamelCase.ConvertName(stage.ToString()) : null,
            Summary = report.Summary,
            Assurance = report.Assurance,
            Shown = report.Shown,
            FirstMismatch = report.FirstMismatch?.Describe(),
            MatchedFraction = report.FirstMismatch is { } mismatch ? Math.Clamp(mismatch.Cycle / (double)request.Cycles, 0, 1) : null,
            Formal = JsonNamingPolicy.CamelCase.ConvertName(report.Formal.Status.ToString()),
            FormalBound = report.Formal.Bound,
            FromCache = report.FromCache,
            Elapsed = report.Elapsed,
            Report = report,
        };
    }

    /// <summary>"formal proven", "simulation FAILED", "lint ok (cached)": one stage as a progress line says it.</summary>
    private static string StageLine(StageResult stage, string word) =>
        $"{stage.Stage.ToString().ToLowerInvariant()} {word}{(stage.FromCache ? " (cached)" : "")}";

    public async Task<TargetMeasurement> MeasureAsync(DesignArtifact design, DesignHints hints, TargetJob job, CancellationToken cancellation)
    {
        var report = await _ppa.MeasureAsync(new PpaRequest(design.Files, design.Top)
        {
            Liberty = RtlOptions.Liberty(job),
            ClockPeriodNs = RtlOptions.ClockPeriodNs(job),
            Clock = hints.Clock,
        }, cancellation, job.Progress).ConfigureAwait(false);
        if (!report.Succeeded)
            return new TargetMeasurement { Succeeded = false, Problem = report.Failure, Report = report };

        // Power in mW rounded as the reports show it, so the reward compares what people read.
        var powerMw = report.TotalPowerW is { } watts ? Math.Round(watts * 1000, 6) : (double?)null;
        return Figures(report.AreaUm2, report.CellCount, report.CriticalPathNs, report.FmaxMhz, powerMw,
            report.Activity is { } activity ? $"{report.Library}, activity {activity}" : report.Library, report.WorstSlackNs) with { Report = report, Files = ToolFiles(report) };
    }

    /// <summary>The synthesised netlist and OpenSTA's report, under the names run folders and downloads give them.</summary>
    private static Dictionary<string, string> ToolFiles(PpaReport report)
    {
        var files = new Dictionary<string, string>();
        if (report.Netlist is { } netlist) files[NetlistFile] = netlist;
        if (report.StaText is { } sta) files[StaFile] = sta;
        return files;
    }

    private const string NetlistFile = "netlist.v";
    private const string StaFile = "sta.txt";

    /// <summary>An RTL measurement from its figures: area, delay and power are the objectives; cells and fmax are shown.</summary>
    /// <param name="slackNs">The worst slack at the clock period asked for (OpenSTA), beside the delay and Fmax.</param>
    public static TargetMeasurement Figures(double? areaUm2, int? cells, double? delayNs, double? fmaxMhz, double? powerMw, string basis, double? slackNs = null)
    {
        var details = new Dictionary<string, double>();
        if (cells is { } c) details["cells"] = c;
        if (fmaxMhz is { } fmax) details["fmax"] = fmax;
        if (slackNs is { } slack) details["slack"] = slack;
        return new TargetMeasurement
        {
            Succeeded = true,
            Metrics = new PpaMetrics(areaUm2, delayNs, powerMw),
            Details = details,
            Units = Units,
            Basis = basis,
        };
    }

    private static readonly IReadOnlyDictionary<string, string> Units =
        new Dictionary<string, string> { ["area"] = "µm²", ["delay"] = "ns", ["power"] = "mW", ["cells"] = "cells", ["fmax"] = "MHz", ["slack"] = "ns" };

    private async Task<string> LintAsync(string code, CancellationToken cancellation)
    {
        if (code.Length > SourceFile.MaxBytes) return "error: the code is too large to lint";
        var report = await VerilatorLint.RunAsync(host, versions, [SourceLoader.FromText("draft.v", code)], RtlAnswer.ModuleName(code), cancellation).ConfigureAwait(false);
        return report.Diagnostics.Count == 0
            ? (report.HasErrors ? "lint failed without diagnostics" : "no warnings or errors")
            : string.Join("\n", report.Diagnostics.Take(20).Select(d => d.ToCompilerLine()));
    }

    public string Feedback(TargetVerdict verdict, DesignArtifact design) =>
        verdict.Report is VerifyReport report ? RtlFeedback.Format(report, design.Main.Text) : verdict.Summary;
}

/// <summary>The RTL target's options, each default written once.</summary>
internal static class RtlOptions
{
    public static IReadOnlyList<TargetOption> All { get; } =
    [
        TargetOption.Integer("cycles", 1000, 10, 1_000_000, "simulated cycles against the reference"),
        TargetOption.OneOf("formal", "auto", ["auto", "on", "off"], "the formal equivalence check: auto, on (a design it cannot check is an error) or off"),
        TargetOption.Text("liberty", "osu018", "the standard-cell library for PPA: osu018, sky130, a .lib path, or generic"),
        TargetOption.Positive("clock_period", 10, 1e6, "the clock period in ns that timing is checked against"),
    ];

    public static int Cycles(TargetJob job) => int.Parse(Value(job, "cycles"), CultureInfo.InvariantCulture);

    public static FormalMode Formal(TargetJob job) => Enum.Parse<FormalMode>(Value(job, "formal"), ignoreCase: true);

    public static string Liberty(TargetJob job) => Value(job, "liberty");

    public static double ClockPeriodNs(TargetJob job) => double.Parse(Value(job, "clock_period"), CultureInfo.InvariantCulture);

    private static string Value(TargetJob job, string name) => job.Option(name) ?? All.First(o => o.Name == name).Default;
}
