using System.Threading.Channels;
using System.Diagnostics;
using HwForge.Agents.Design;
using HwForge.Agents.Runs;
using HwForge.Tools.Reward;
using HwForge.Tools.Targets;

namespace HwForge.Agents.Judging;

/// <summary>
/// Runs the judge on a candidate: the target's verification against the reference, then its measurement if it
/// passed, then the gated reward against the baseline. The verdict and the reward come only from here, never from
/// what a model says about its own design. Reports are written into the candidate's folder for people to read.
/// </summary>
internal sealed class CandidateJudge(ITarget target, RunOptions options)
{
    private readonly TargetJob _job = options.TargetJob();

    public ITarget Target => target;

    private async Task<TargetMeasurement?> MeasureAsync(DesignSpec spec, CandidateProposal candidate, TargetJob job, RunFolder run, string folder, CancellationToken cancellation)
    {
        var measured = await target.MeasureAsync(candidate.Design, candidate.Reference ?? spec.Reference, spec.Hints, job, cancellation);
        if (measured.Report is not null) run.WriteJson(Path.Combine(folder, "ppa.json"), measured.Report);
        foreach (var (name, text) in measured.Files) run.Write(Path.Combine(folder, Reports.ReportWriter.MeasuredFolder, name), text);
        return measured.Succeeded ? measured : null;
    }

    // Progress is for people: a line that cannot be logged (the run's folder closing) is dropped, never the judgement.
    private static async Task LogProgressAsync(ChannelReader<string> steps, string candidate, RunFolder run)
    {
        await foreach (var line in steps.ReadAllAsync())
        {
            try { await run.AppendAsync(new CandidateProgressEvent { Stage = "verify", Role = "judge", Candidate = candidate, Message = line }); }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException) { }
        }
    }

    public async Task<CandidateOutcome> JudgeAsync(DesignSpec spec, CandidateProposal candidate, PpaMetrics baseline,
        RunFolder run, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var folder = Path.Combine("candidates", candidate.Id);
        if (candidate.Design.Files.Count == 0) return NoDesign(candidate, clock);

        // The target's steps as it decides them, logged in order by one pump and all logged before the verdict is.
        var steps = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        var pump = LogProgressAsync(steps.Reader, candidate.Id, run);
        var job = _job with { Progress = line => steps.Writer.TryWrite(line) };
        (TargetVerdict Verdict, int Attempts) verdictAndAttempts;
        TargetMeasurement? measurement = null;
        try
        {
            verdictAndAttempts = await JudgeAgain.VerifyAsync(
                c => target.VerifyAsync(candidate.Design, candidate.Reference ?? spec.Reference, spec.Hints, job, c), cancellation);
            run.WriteJson(Path.Combine(folder, "verify.json"), verdictAndAttempts.Verdict.Report);
            if (verdictAndAttempts.Verdict.Passed)
            {
                steps.Writer.TryWrite($"measuring ({string.Join(", ", target.Objectives.Select(o => o.Name))})");
                measurement = await MeasureAsync(spec, candidate, job, run, folder, cancellation);
            }
        }
        finally
        {
            steps.Writer.TryComplete();
            await pump.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        var (verdict, attempts) = verdictAndAttempts;
        var evaluation = JudgeEvaluation.From(verdict.Verdict, verdict.FailureClass, verdict.MatchedFraction, verdict.Assurance, measurement?.Metrics);
        var reward = HierarchicalReward.Score(evaluation, baseline, options.Objectives);
        return new CandidateOutcome
        {
            Id = candidate.Id,
            Verdict = verdict.Verdict,
            FailureClass = verdict.FailureClass,
            DecidedBy = verdict.DecidedBy,
            Summary = verdict.Summary,
            FirstMismatch = verdict.FirstMismatch,
            Formal = verdict.Formal ?? "skipped",
            FormalBound = verdict.FormalBound,
            Assurance = verdict.Assurance,
            Shown = verdict.Shown,
            Measurement = measurement,
            Reward = Math.Round(reward.Reward, 4),
            Tier = reward.Tier,
            RewardExplanation = reward.Explanation,
            Feedback = target.Feedback(verdict, candidate.Design),
            JudgeMs = Math.Round(clock.Elapsed.TotalMilliseconds, 1),
            JudgeAttempts = attempts,
        };
    }

    /// <summary>The reference's measurement: the baseline improvements are measured against (none for a golden model).</summary>
    public async Task<TargetMeasurement?> MeasureReferenceAsync(DesignSpec spec, CancellationToken cancellation)
    {
        if (spec.Reference.Design is not { } reference) return null;
        var measured = await target.MeasureAsync(reference, spec.Hints, _job, cancellation);
        return measured.Succeeded ? measured : null;
    }

    // An answer without a design is the author's failure, said plainly so the repair prompt can ask again.
    private CandidateOutcome NoDesign(CandidateProposal candidate, Stopwatch clock)
    {
        var why = candidate.Notes ?? "the answer held no design";
        var reward = HierarchicalReward.Score(JudgeEvaluation.From(Verdict.Fail, FailureClass.Syntax), PpaMetrics.Unmeasured, options.Objectives);
        return new CandidateOutcome
        {
            Id = candidate.Id,
            Verdict = Verdict.Fail,
            FailureClass = FailureClass.Syntax,
            Summary = why,
            Reward = Math.Round(reward.Reward, 4),
            Tier = reward.Tier,
            RewardExplanation = reward.Explanation,
            Feedback = $"Your answer could not be judged: {why}. Answer with the whole design in one fenced block tagged {target.FileKinds[0].Fence}.",
            JudgeMs = Math.Round(clock.Elapsed.TotalMilliseconds, 1),
        };
    }
}
