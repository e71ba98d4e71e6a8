using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Programs;
using HwForge.Tools.Reward;
using HwForge.Tools.Targets.Hls.CoSim;
using HwForge.Tools.Targets.Hls.Estimate;
using HwForge.Tools.Targets.Rtl;

namespace HwForge.Tools.Targets.Hls;

/// <summary>What was measured on an HLS design: the estimate from its source, and, with RTL, the co-simulation and the RTL's PPA.</summary>
internal sealed record HlsMeasureReport(HlsEstimate Estimate, CoSimReport? CoSim, TargetMeasurement? Rtl);

/// <summary>
/// Measures an HLS design. Figures the reward may compare come only from hardware that exists: the design's RTL,
/// its latency and interval measured in co-simulation and its area, delay and power from the RTL target's real
/// synthesis and timing. The estimate from the source (<see cref="HlsEstimator"/>) is shown beside them under
/// names that say "estimated", and alone when the design has no RTL; it is never an objective.
/// </summary>
internal sealed class HlsMeasurement(ToolHost host, ToolVersions versions)
{
    /// <summary>
    /// The measured latency, then the RTL's own three: the metrics a design with RTL gets, which the reward compares.
    /// Not declared as the target's objectives, because a design without RTL (every C++ reference) has no figure for
    /// them, and a declared objective is one every design can be measured on.
    /// </summary>
    public static IReadOnlyList<Objective> Measured { get; } =
        [new("latency", "cycles", "cycles from ap_start to ap_done, measured in RTL co-simulation"), Objective.Area, Objective.Delay, Objective.Power];

    private readonly CSimulation _csim = new(host, versions);
    private readonly CoSimulation _cosim = new(host, versions);
    private readonly RtlTarget _rtl = new(host, versions);

    public async Task<TargetMeasurement> MeasureAsync(DesignArtifact design, DesignHints hints, TargetJob job, CancellationToken cancellation)
    {
        var kernel = design.Files.Where(f => !HlsVerification.IsRtl(f)).ToList();
        var rtl = design.Files.Where(HlsVerification.IsRtl).ToList();
        var source = kernel.FirstOrDefault(f => KernelSignature.Read(f.Text, design.Top).Signature is not null)?.Text ?? "";
        var estimate = HlsEstimator.Estimate(source, design.Top);
        var details = new Dictionary<string, double>();
        var units = new Dictionary<string, string>();
        void Add(string name, double? value, string unit)
        {
            if (value is not { } v) return;
            details[name] = v;
            units[name] = unit;
        }
        Add("estimated latency", estimate.Latency, "cycles");
        Add("estimated interval", estimate.Interval, "cycles");
        Add("estimated multipliers", estimate.Multipliers, "multipliers");
        Add("estimated adders", estimate.Adders, "adders");
        var estimated = $"estimated from the source (loop trip counts and pragmas; no HLS compiler ran): {string.Join("; ", estimate.Notes)}";
        if (rtl.Count == 0)
            return new TargetMeasurement
            {
                Succeeded = true, Details = details, Units = units, Report = new HlsMeasureReport(estimate, null, null),
                Basis = $"no RTL in the design, so nothing measured; {estimated}",
            };

        // The RTL's latency and interval, on the same calls as verification (answered from the cache after it).
        var (_, log, _, problem) = await _csim.RunKernelAsync(new CSimRequest(kernel, design.Top, [], "") { Calls = HlsOptions.Calls(job), Seed = job.Seed, IncludeFolder = HlsOptions.Include(job) }, cancellation).ConfigureAwait(false);
        if (problem is not null || log is null)
            return new TargetMeasurement { Succeeded = false, Problem = problem ?? "the kernel gave no log", Details = details, Units = units };
        var cosim = await _cosim.RunAsync(new CoSimRequest(rtl, design.Top), log, rtlIsReference: false, cancellation).ConfigureAwait(false);
        if (cosim.Verdict != Verdict.Pass)
            return new TargetMeasurement { Succeeded = false, Problem = cosim.Summary, Details = details, Units = units, Report = new HlsMeasureReport(estimate, cosim, null) };
        var ppa = await _rtl.MeasureAsync(new DesignArtifact(RtlTarget.TargetName, design.Top, rtl), DesignHints.None with { Clock = "ap_clk" }, TargetJob.Default, cancellation)
            .ConfigureAwait(false);
        if (!ppa.Succeeded)
            return new TargetMeasurement { Succeeded = false, Problem = $"the RTL's PPA: {ppa.Problem}", Details = details, Units = units, Report = new HlsMeasureReport(estimate, cosim, ppa) };

        Add("interval", cosim.Interval, "cycles");
        foreach (var (name, value) in ppa.Details) Add(name, value, ppa.Units.GetValueOrDefault(name, ""));
        foreach (var (name, unit) in ppa.Units) units.TryAdd(name, unit);
        units["latency"] = "cycles";
        var metrics = new PpaMetrics(ppa.Metrics.Values.Append(new KeyValuePair<string, double>("latency", cosim.LatencyMax ?? 0)));
        return new TargetMeasurement
        {
            Succeeded = true, Metrics = metrics, Details = details, Units = units, Report = new HlsMeasureReport(estimate, cosim, ppa),
            Basis = $"the design's RTL: latency and interval measured in co-simulation ({cosim.Simulator}), area, delay and power {ppa.Basis}; {estimated}",
        };
    }
}
