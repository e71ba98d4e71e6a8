using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs;
using HwForge.Tools.Targets.Hls.CoSim;

namespace HwForge.Tools.Targets.Hls;

/// <summary>
/// The HLS target's full report: the C simulation of the kernel against its reference, and the co-simulation of
/// each RTL module involved (the design's own implementation, an RTL reference), each with what it showed.
/// </summary>
internal sealed record HlsReport
{
    public CSimReport? CSim { get; init; }

    /// <summary>The design's RTL implementation, co-simulated on the kernel's calls; null when the design has none.</summary>
    public CoSimReport? Rtl { get; init; }

    /// <summary>An RTL reference, co-simulated on the kernel's calls; null when the reference is C++.</summary>
    public CoSimReport? ReferenceRtl { get; init; }
}

/// <summary>
/// Verifies an HLS design, in order: the C++ kernel against the reference by C simulation (a C++ reference) or by
/// co-simulating an RTL reference on the kernel's calls; then, when the design carries its RTL implementation, that
/// RTL against the kernel by co-simulation. Each stage runs only on what the one before showed.
/// </summary>
internal sealed class HlsVerification(ToolHost host, ToolVersions versions)
{
    private readonly CSimulation _csim = new(host, versions);
    private readonly CoSimulation _cosim = new(host, versions);

    /// <summary>RTL files in a design or a reference: Verilog and SystemVerilog; everything else is C++.</summary>
    public static bool IsRtl(SourceFile file) => Path.GetExtension(file.Path).ToLowerInvariant() is ".v" or ".sv";

    public async Task<TargetVerdict> RunAsync(DesignArtifact design, IReadOnlyList<SourceFile> referenceFiles, string referenceTop,
        int calls, int seed, string? includeFolder, CancellationToken cancellation)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var kernel = design.Files.Where(f => !IsRtl(f)).ToList();
        var rtl = design.Files.Where(IsRtl).ToList();
        var referenceCpp = referenceFiles.Where(f => !IsRtl(f)).ToList();
        var referenceRtl = referenceFiles.Where(IsRtl).ToList();
        var request = new CSimRequest(kernel, design.Top, referenceCpp, referenceTop) { Calls = calls, Seed = seed, IncludeFolder = includeFolder };
        TargetVerdict Judged(Verdict verdict, FailureClass failure, string decidedBy, string summary, HlsReport report, Assurance assurance = Assurance.None,
            string shown = "", CSimMismatch? mismatch = null, double? matched = null) => new()
        {
            Verdict = verdict, FailureClass = failure, DecidedBy = decidedBy, Summary = summary, Assurance = assurance, Shown = shown,
            FirstMismatch = mismatch?.Describe(), MatchedFraction = matched, Report = report,
            FromCache = report.CSim?.Kernel?.FromCache == true && (report.Rtl?.FromCache ?? true),
            Elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started),
        };
        if (kernel.Count == 0)
            return Judged(Verdict.Fail, FailureClass.MissingPort, "csim", "the design has no C++ kernel: an HLS design is C++ (with, optionally, its RTL in .v)", new HlsReport());

        // 1. Pragmas Vitis would reject (g++ ignores every one), before anything is built.
        var pragmaProblems = kernel.SelectMany(f => Estimate.PragmaCheck.Problems(f.Text, design.Top)).ToList();
        if (pragmaProblems.Count > 0)
            return Judged(Verdict.Fail, FailureClass.Syntax, "pragmas", $"the kernel's pragmas: {string.Join("; ", pragmaProblems)}", new HlsReport());

        // 2. The kernel against the reference: C simulation, or co-simulation of an RTL reference on the kernel's calls.
        CSimReport csim;
        CoSimReport? referenceCoSim = null;
        CSimLog kernelLog;
        Assurance assurance;
        string shown;
        if (referenceCpp.Count > 0)
        {
            csim = await _csim.RunAsync(request, cancellation).ConfigureAwait(false);
            var report = new HlsReport { CSim = csim };
            if (csim.Verdict != Verdict.Pass)
                return Judged(csim.Verdict, csim.FailureClass, "csim", csim.Summary, report, mismatch: csim.FirstMismatch,
                    matched: csim.Calls > 0 && csim.Verdict == Verdict.Fail ? Math.Clamp(csim.MatchedCalls / (double)csim.Calls, 0, 1) : null);
            (kernelLog, assurance, shown) = (csim.KernelLog!, csim.Assurance, csim.Shown);
        }
        else if (referenceRtl.Count > 0)
        {
            var (side, log, sanitizers, problem) = await _csim.RunKernelAsync(request, cancellation).ConfigureAwait(false);
            csim = new CSimReport
            {
                Verdict = problem is null ? Verdict.Pass : Verdict.Fail,
                FailureClass = problem is null ? FailureClass.None : side is { Compiled: false } ? FailureClass.Compile : FailureClass.SimulationAborted,
                Summary = problem ?? $"the kernel ran {log!.Calls} calls (compared with the RTL reference by co-simulation)",
                Kernel = side, Sanitizers = sanitizers, Calls = log?.Calls ?? 0, Mode = log?.Mode ?? "", Signature = log?.Signature ?? [], KernelLog = log,
            };
            if (problem is not null) return Judged(csim.Verdict, csim.FailureClass, "csim", problem, new HlsReport { CSim = csim });
            referenceCoSim = await _cosim.RunAsync(new CoSimRequest(referenceRtl, referenceTop), log!, rtlIsReference: true, cancellation).ConfigureAwait(false);
            var report = new HlsReport { CSim = csim, ReferenceRtl = referenceCoSim };
            if (referenceCoSim.Verdict != Verdict.Pass)
                return Judged(referenceCoSim.Verdict, referenceCoSim.FailureClass, "cosim", referenceCoSim.Summary, report, mismatch: referenceCoSim.FirstMismatch,
                    matched: referenceCoSim.Calls > 0 ? referenceCoSim.MatchedCalls / (double)referenceCoSim.Calls : null);
            (kernelLog, assurance, shown) = (log!, Assurance.Simulated,
                $"co-simulation with the RTL reference: {log!.Calls} calls in sequence from reset, one at a time and overlapped, gave the reference's outputs, bit for bit [sanitizers: {sanitizers}]");
        }
        else
        {
            return Judged(Verdict.Error, FailureClass.ToolError, "csim", "the reference has no files: give a C++ kernel or an RTL module", new HlsReport());
        }

        // 3. The design's own RTL against the kernel, on the same calls; simulation, so at most "simulated".
        CoSimReport? rtlCoSim = null;
        if (rtl.Count > 0)
        {
            rtlCoSim = await _cosim.RunAsync(new CoSimRequest(rtl, design.Top), kernelLog, rtlIsReference: false, cancellation).ConfigureAwait(false);
            var report = new HlsReport { CSim = csim, ReferenceRtl = referenceCoSim, Rtl = rtlCoSim };
            if (rtlCoSim.Verdict != Verdict.Pass)
                return Judged(rtlCoSim.Verdict, rtlCoSim.FailureClass, "cosim", rtlCoSim.Summary, report, mismatch: rtlCoSim.FirstMismatch,
                    matched: rtlCoSim.Calls > 0 ? rtlCoSim.MatchedCalls / (double)rtlCoSim.Calls : null);
            assurance = Assurance.Simulated;
            shown += $"; RTL co-simulation: {rtlCoSim.Summary}";
        }

        var summary = (referenceCoSim is null ? csim.Summary : $"equal to the RTL reference on {kernelLog.Calls} calls")
            + (rtlCoSim is { } r ? $"; its RTL matched on every call (latency {r.LatencyMax} cycle(s), interval {r.Interval?.ToString("0.##") ?? "n/a"})" : "");
        return Judged(Verdict.Pass, FailureClass.None, rtlCoSim is null && referenceCoSim is null ? "csim" : "cosim", summary,
            new HlsReport { CSim = csim, ReferenceRtl = referenceCoSim, Rtl = rtlCoSim }, assurance, shown);
    }
}
