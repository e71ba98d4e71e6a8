using System.Diagnostics;
using HwForge.Agents.Design;
using HwForge.Agents.Runs;
using HwForge.Tools.Execution;
using HwForge.Tools.Catalog;
using HwForge.Tools.Judge;
using HwForge.Tools.Ppa;
using HwForge.Tools.Reward;
using HwForge.Tools.Sources;

namespace HwForge.Agents.Judging;

/// <summary>
/// Runs the judge on a candidate: verification against the reference, then PPA if it passed, then the
/// gated reward against the baseline. The verdict and the reward come only from here, never from what a
/// model says about its own design. Reports are written into the candidate's folder for people to read.
/// </summary>
public sealed class CandidateJudge(ToolHost host, ToolVersions versions, RunOptions options)
{
    private readonly Verifier _verifier = new(host, versions);
    private readonly PpaAnalysis _ppa = new(host, versions);

    public async Task<CandidateOutcome> JudgeAsync(DesignSpec spec, CandidateProposal candidate, PpaMetrics baseline,
        RunFolder run, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var request = BuildRequest(spec, candidate);
        var (report, attempts) = await JudgeAgain.VerifyAsync(c => _verifier.VerifyAsync(request, c), cancellation);
        run.WriteJson(Path.Combine("candidates", candidate.Id, "verify.json"), report);

        PpaSummary? ppa = null;
        if (report.Passed)
        {
            var measured = await MeasureAsync([SourceLoader.FromText("design.v", candidate.Verilog)], candidate.Top, spec.Clock, cancellation);
            run.WriteJson(Path.Combine("candidates", candidate.Id, "ppa.json"), measured);
            ppa = measured.Succeeded ? Summarize(measured) : null;
        }
        var evaluation = JudgeEvaluation.From(report.Verdict, report.FailureClass, MatchedFraction(report), report.Assurance, ppa?.ToMetrics());
        var reward = HierarchicalReward.Score(evaluation, baseline, options.Objectives);
        return new CandidateOutcome
        {
            Id = candidate.Id,
            Verdict = report.Verdict,
            FailureClass = report.FailureClass,
            DecidedBy = report.DecidedBy,
            Summary = report.Summary,
            FirstMismatch = report.FirstMismatch?.Describe(),
            Formal = report.Formal.Status,
            FormalBound = report.Formal.Bound,
            Assurance = report.Assurance,
            Shown = report.Shown,
            Ppa = ppa,
            Reward = Math.Round(reward.Reward, 4),
            Tier = reward.Tier,
            RewardExplanation = reward.Explanation,
            Feedback = VerifierFeedback.Format(report, candidate.Verilog),
            JudgeMs = Math.Round(clock.Elapsed.TotalMilliseconds, 1),
            JudgeAttempts = attempts,
        };
    }

    /// <summary>PPA of the spec's reference: the baseline improvements are measured against.</summary>
    public async Task<PpaSummary?> MeasureReferenceAsync(DesignSpec spec, CancellationToken cancellation)
    {
        if (spec.ReferenceVerilog is null) return null;
        var report = await MeasureAsync([SourceLoader.FromText("reference.v", spec.ReferenceVerilog)], spec.ReferenceTop, spec.Clock, cancellation);
        return report.Succeeded ? Summarize(report) : null;
    }

    private VerifyRequest BuildRequest(DesignSpec spec, CandidateProposal candidate)
    {
        var referenceVerilog = candidate.ReferenceVerilog ?? spec.ReferenceVerilog;
        var reference = referenceVerilog is null ? [] : new[] { SourceLoader.FromText("reference.v", referenceVerilog) };
        return new VerifyRequest([SourceLoader.FromText("design.v", candidate.Verilog)], candidate.Top, reference,
            candidate.ReferenceTop ?? spec.ReferenceTop)
        {
            ReferenceModel = referenceVerilog is null && spec.ReferenceModel is { } model ? SourceLoader.FromText("model.cpp", model) : null,
            Clock = spec.Clock,
            Reset = spec.Reset,
            ResetActiveLow = spec.Reset is null ? null : spec.ResetActiveLow,
            Cycles = options.Cycles,
            Seed = options.Seed,
            Formal = options.Formal,
        };
    }

    private Task<PpaReport> MeasureAsync(IReadOnlyList<SourceFile> design, string top, string? clock, CancellationToken cancellation) =>
        _ppa.MeasureAsync(new PpaRequest(design, top) { Liberty = options.Liberty, ClockPeriodNs = options.ClockPeriodNs, Clock = clock }, cancellation);

    private static PpaSummary Summarize(PpaReport report) => new(report.AreaUm2, report.CellCount, report.CriticalPathNs,
        report.FmaxMhz, report.TotalPowerW is { } watts ? Math.Round(watts * 1000, 6) : null, report.Library, report.Activity);

    private double? MatchedFraction(VerifyReport report) =>
        report.FirstMismatch is { } mismatch ? Math.Clamp(mismatch.Cycle / (double)options.Cycles, 0, 1) : null;
}
