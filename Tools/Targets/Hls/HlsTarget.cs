using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs;
using HwForge.Tools.Programs.Gcc;
using HwForge.Tools.Reward;
using HwForge.Tools.Targets.Hls.Catalog;

namespace HwForge.Tools.Targets.Hls;

/// <summary>
/// HLS C++ kernels in Vitis style (ap_int / ap_fixed types, static state, <c>#pragma HLS</c>), checked by C
/// simulation against a reference kernel with HwForge's own type headers and harness, and tied to an RTL
/// implementation by co-simulation through an ap_ctrl_hs interface. Not a C-to-RTL compiler: the RTL is written
/// beside the kernel (by a model or the catalog) and measured by the RTL target (see docs/HLS.md).
/// </summary>
public sealed partial class HlsTarget(ToolHost host, ToolVersions versions) : ITarget
{
    public const string TargetName = "hls";

    private readonly HlsVerification _verification = new(host, versions);
    private readonly HlsMeasurement _measurement = new(host, versions);

    public string Name => TargetName;

    public string Title => "HLS C++: Vitis-style kernels, matched call for call by C simulation; their RTL by co-simulation";

    /// <summary>The files an HLS design is made of, each highlighted as C++.</summary>
    public static IReadOnlyList<FileKind> Kinds { get; } =
    [
        new(".cpp", "HLS C++", ["cpp", "c++", "cc", "hls"]) { Highlighter = CppHighlighter.Instance, Sections = CppSections.Instance },
        new(".h", "C++ header", ["h", "hpp"]) { Highlighter = CppHighlighter.Instance, Sections = CppSections.Instance },
        new(".v", "Verilog (the kernel's RTL, ap_ctrl_hs)", ["verilog", "v"]) { Highlighter = Rtl.Syntax.VerilogHighlighter.Instance, Sections = Rtl.Syntax.ModuleSections.Instance },
        new(".sv", "SystemVerilog (the kernel's RTL, ap_ctrl_hs)", ["systemverilog", "sv"]) { Highlighter = Rtl.Syntax.VerilogHighlighter.Instance, Sections = Rtl.Syntax.ModuleSections.Instance },
    ];

    public IReadOnlyList<FileKind> FileKinds => Kinds;

    public IReadOnlyList<ToolDescriptor> Tools { get; } = [CompilerTools.Gxx, Programs.Verilator.VerilatorTool.Descriptor];

    /// <summary>
    /// None: a C++ kernel without RTL (every reference) has no measured figure, and estimates are never objectives.
    /// A design with RTL still gets measured metrics (<see cref="HlsMeasurement.Measured"/>), which the reward compares.
    /// </summary>
    public IReadOnlyList<Objective> Objectives { get; } = [];

    public IReadOnlyList<TargetOption> Options => HlsOptions.All;

    public ITargetPrompts Prompts { get; } = new HlsPrompts();

    /// <summary><see cref="HlsCatalog"/>: pragma variants of each family, each with the family's RTL.</summary>
    public IOfflineCatalog? Catalog => HlsOfflineCatalog.Instance;

    public AnswerDesign ReadAnswer(string answer, string top)
    {
        var blocks = FencedBlocks.All(answer).Where(b => b.Code.Contains('(')).ToList();
        var code = blocks.LastOrDefault(b => FileKinds[0].FenceTags.Contains(b.Language) || b.Language is "c").Code
            ?? blocks.LastOrDefault(b => b.Language.Length == 0).Code;
        if (code is null) return AnswerDesign.Missing("the answer held no ```cpp block with the kernel");
        // The kernel's RTL implementation, when the answer gives one: co-simulated against the kernel.
        var rtl = blocks.LastOrDefault(b => b.Language is "verilog" or "v" or "systemverilog" or "sv").Code;
        var kernel = SourceLoader.FromText("kernel.cpp", code);
        return AnswerDesign.Found(new DesignArtifact(TargetName, top, rtl is null ? [kernel] : [kernel, SourceLoader.FromText($"{top}.v", rtl)]));
    }

    /// <summary>The last function defined in the main file (a kernel's helpers usually come first).</summary>
    public string? TopOf(DesignArtifact design)
    {
        if (design.Files.Count == 0) return null;
        var code = CppText.Strip(design.Main.Text);
        string? last = null;
        foreach (Match m in FunctionHead().Matches(code))
            if (CppText.Depth(code, m.Index) == 0 && m.Groups["name"].Value is not ("if" or "for" or "while" or "switch" or "return"))
                last = m.Groups["name"].Value;
        return last;
    }

    /// <summary>The pragma check a model may run on a draft: what Vitis would reject and g++ would silently ignore.</summary>
    public DraftCheck? DraftCheck => new("check_hls_pragmas",
        "Check the #pragma HLS lines of a draft HLS C++ kernel (its last function); returns the problems, or that there are none.",
        (code, _) =>
        {
            var top = TopOf(DesignArtifact.Single(TargetName, "", "draft.cpp", code)) ?? "";
            var problems = Estimate.PragmaCheck.Problems(code, top);
            return Task.FromResult(problems.Count == 0 ? $"no pragma problems in {top}" : string.Join("\n", problems));
        });

    // Checked from the source alone: a reference that does not compile is reported as an error by its first C simulation.
    public Task<string?> CheckReferenceAsync(DesignReference reference, DesignHints hints, CancellationToken cancellation)
    {
        var (files, top) = ReferenceOf(reference);
        if (files.Count == 0) return Task.FromResult<string?>("an HLS reference is a C++ kernel (or an RTL module behind ap_ctrl_hs): give its source and its top");
        // An RTL reference is checked when it is first co-simulated (its ports depend on the kernel's signature).
        if (files.All(HlsVerification.IsRtl)) return Task.FromResult<string?>(null);
        if (files.Any(f => KernelSignature.Read(f.Text, top).Signature is not null)) return Task.FromResult<string?>(null);
        return Task.FromResult<string?>($"the reference defines no function {top} that the harness can call: {KernelSignature.Read(files[0].Text, top).Problem}");
    }

    public Task<TargetVerdict> VerifyAsync(DesignArtifact design, DesignReference reference, DesignHints hints, TargetJob job, CancellationToken cancellation)
    {
        var (files, top) = ReferenceOf(reference);
        return _verification.RunAsync(design, files, top, HlsOptions.Calls(job), job.Seed, HlsOptions.Include(job), cancellation);
    }

    public Task<TargetMeasurement> MeasureAsync(DesignArtifact design, DesignHints hints, TargetJob job, CancellationToken cancellation) =>
        _measurement.MeasureAsync(design, hints, job, cancellation);

    public string Feedback(TargetVerdict verdict, DesignArtifact design)
    {
        if (verdict.Passed) return "";
        if (verdict.Report is not HlsReport { CSim: { } report } hls) return verdict.Summary;
        if (verdict.DecidedBy == "cosim" && (hls.Rtl ?? hls.ReferenceRtl) is { } cosim)
        {
            var rtl = new List<string> { $"RTL co-simulation (ap_ctrl_hs handshake, Verilator) on the kernel's calls: {cosim.Summary}" };
            if (cosim.FirstMismatch is { } c)
                rtl.Add($"The first differing call is call {c.Call} (calls run in sequence from reset, so state carries over); its inputs were {c.Inputs}.");
            if (cosim.MatchedCalls > 0) rtl.Add($"{cosim.MatchedCalls} earlier calls matched.");
            return string.Join("\n", rtl);
        }
        var lines = new List<string> { $"C simulation against the reference: {report.Summary}" };
        if (report.FirstMismatch is { } m)
            lines.Add($"The first differing call is call {m.Call} (calls run in sequence from a fresh program, so static state carries over); its inputs were {m.Inputs}.");
        if (report.MatchedCalls > 0) lines.Add($"{report.MatchedCalls} earlier calls matched.");
        return string.Join("\n", lines);
    }

    private static (IReadOnlyList<SourceFile> Files, string Top) ReferenceOf(DesignReference reference) =>
        reference.Design is { } d ? (d.Files, d.Top)
        : reference.Model is { } m ? ([m.Source], m.Entry ?? "")
        : ([], "");

    [GeneratedRegex(@"(?<name>[A-Za-z_]\w*)\s*\([^;{}]*\)\s*\{")]
    private static partial Regex FunctionHead();
}

/// <summary>The HLS target's options, each default written once.</summary>
internal static class HlsOptions
{
    public static IReadOnlyList<TargetOption> All { get; } =
    [
        TargetOption.Integer("calls", 1000, 1, 1_000_000, "calls of the kernel and the reference in C simulation (all inputs when they are few)"),
        TargetOption.Text("hls_include", Builtin, "a folder of vendor ap_int.h / ap_fixed.h headers to build with, or 'builtin' for HwForge's own"),
    ];

    /// <summary>The value of <c>hls_include</c> that means HwForge's own headers.</summary>
    public const string Builtin = "builtin";

    public static int Calls(TargetJob job) => int.Parse(job.Option("calls") ?? All[0].Default, CultureInfo.InvariantCulture);

    /// <summary>The vendor header folder, or null for HwForge's own headers.</summary>
    public static string? Include(TargetJob job) => job.Option("hls_include") is { } folder && folder != Builtin ? folder : null;
}

/// <summary>What the HLS target tells the models: Vitis-style C++ kernels matched call for call.</summary>
internal sealed class HlsPrompts : ITargetPrompts
{
    private static readonly ConcurrentDictionary<string, string> Loaded = new();

    public string SearchTerms => "hls c++";

    public string System(string role) => Loaded.GetOrAdd(role, static name =>
    {
        var assembly = Assembly.GetExecutingAssembly();
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(r => r.EndsWith($".Hls.Prompts.{name}.md", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"the HLS target has no prompt for the role '{name}'");
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd().Trim();
    });

    public string Task(string top, string description, DesignHints hints, DesignReference? reference)
    {
        var text = $"Function: {top}\nBehaviour: {description}\n";
        var source = reference?.Design?.Files.FirstOrDefault()?.Text ?? reference?.Model?.Source.Text;
        if (source is not null)
            text += $"\nThe reference kernel your function must match bit for bit on every call (same arguments):\n```cpp\n{source.TrimEnd()}\n```\n";
        return text;
    }

    public string Ask(string top) => $"Write the HLS C++ function {top}.";
}
