using System.Globalization;
using HwForge.Agents.Design;
using HwForge.Agents.Runs;
using HwForge.Agents.Supervisor;
using HwForge.Tools.Reward;
using HwForge.Tools.Targets;

namespace HwForge.Agents.Reports;

/// <summary>
/// Puts a run's judged candidates into a <see cref="RunReport"/>: best by reward (so proven first), frontier by PPA,
/// and a headline that calls the design verified only when it is proven.
/// </summary>
public static class RunReportBuilder
{
    public static RunReport Build(RunFolder run, ITarget target, string strategy, DesignSpec spec, TargetMeasurement? reference,
        IReadOnlyList<JudgedCandidate> history, BudgetTracker budget, string? stopReason)
    {
        var passed = history.Where(h => h.Outcome.Passed).ToList();
        var frontier = ParetoFrontier.Of(passed.Where(v => v.Outcome.Measurement is not null).ToList(), v => v.Outcome.Metrics)
            .Select(v => v.Proposal.Id).ToHashSet();
        // Every passing candidate is scored against one baseline here, even if some were judged before the
        // baseline was known (a C++ reference has no measurement, so the first passing candidate becomes it).
        var baseline = reference?.Metrics ?? passed.Select(v => v.Outcome.Measurement?.Metrics).FirstOrDefault(m => m is not null) ?? PpaMetrics.Unmeasured;
        var rescored = history.Select(h => h with { Outcome = h.Outcome.ScoredAgainst(baseline, run.Options.Objectives) }).ToList();
        var rows = rescored.Select(h => Row(h, frontier.Contains(h.Proposal.Id))).ToList();
        // The reward ranks every proven design above every unproven one, so the best is proven whenever one is.
        var best = RewardRanking.Best(rescored.Where(h => h.Outcome.Passed), h => Reward(h.Outcome));
        var bestOutcome = best?.Candidate.Outcome;
        var bestRow = best is null ? null : rows.Single(r => r.Id == best.Candidate.Proposal.Id);
        var finalDesign = best?.Candidate.Proposal.Design.Files.FirstOrDefault() is { } main ? Path.Combine(run.Path, "final", main.FileName) : null;
        var accept = run.Options.Accept;
        var notJudged = history.Where(h => h.Outcome.NotJudged).ToList();
        var status = bestOutcome is not null ? (bestOutcome.Verified ? RunStatus.Verified : RunStatus.NotProven)
            // Nothing was learned about any design: that is the machine's failure, not a verdict on the designs.
            : history.Count > 0 && notJudged.Count == history.Count ? RunStatus.NotJudged : RunStatus.NotVerified;
        var accepted = bestOutcome is not null && (bestOutcome.Verified || (accept is { } level && bestOutcome.Assurance >= level));
        var versus = reference is null || bestOutcome?.Measurement is not { } measured ? null
            : RelativeImprovement.Compute(measured.Metrics, reference.Metrics, run.Options.Objectives);
        // A reward near 1 reads as success; when the reference itself was better, the headline says so.
        var worse = versus is { Total: < 0 } ? string.Create(CultureInfo.InvariantCulture, $"; {-versus.Total:0.#%} worse than the reference on your objective") : "";
        return new RunReport
        {
            RunId = run.Id,
            RunFolder = run.Path,
            Status = status,
            Assurance = bestOutcome?.Assurance ?? Assurance.None,
            Shown = bestOutcome is null ? null : Shown(bestOutcome),
            Accept = accept,
            Accepted = accepted,
            Headline = Headline(bestRow, bestOutcome, history.Count, passed, notJudged, accept, accepted, stopReason) + worse,
            NotJudged = notJudged.Count,
            Strategy = strategy,
            Request = run.Options.Request,
            Target = target.Name,
            Objectives = target.Objectives,
            Top = spec.Top,
            Description = spec.Description,
            ReferenceOrigin = spec.ReferenceOrigin,
            VerifiedAgainst = spec.ReferenceOrigin switch
            {
                ReferenceOrigin.User => "your reference" + (spec.Reference.Model is not null ? " (a C++ golden model)" : ""),
                ReferenceOrigin.Catalog => "the catalog's behavioural reference for this generator (same function, written independently of the structure)",
                _ => $"a reference the Architect (an LLM) wrote from your request: review {ReferenceFiles(spec)} before trusting the result",
            },
            ReferenceNeedsReview = spec.ReferenceOrigin == ReferenceOrigin.Architect,
            Assumptions = spec.Assumptions,
            Family = spec.Family,
            Parameters = spec.Parameters,
            Baseline = reference,
            Best = bestRow,
            BestVersusReference = versus,
            Candidates = rows,
            ParetoFrontier = [.. rows.Where(r => r.OnFrontier).Select(r => r.Id)],
            FinalDesign = finalDesign,
            LlmCalls = budget.LlmCalls,
            Tokens = budget.Tokens,
            ElapsedSeconds = Math.Round(budget.Elapsed.TotalSeconds, 2),
            StopReason = stopReason,
        };
    }

    /// <summary>The figures of a measurement in a line: each objective and detail with its unit.</summary>
    public static string Describe(TargetMeasurement? measurement) => measurement is null
        ? "not measured"
        : string.Join(", ", measurement.Metrics.Values.Concat(measurement.Details)
            .Select(p => FormattableString.Invariant($"{p.Key} {p.Value:0.###}{(measurement.Units.TryGetValue(p.Key, out var unit) && unit != p.Key ? " " + unit : "")}")));

    /// <summary>Where the reference is in the run folder, for a person to review.</summary>
    public static string ReferenceFiles(DesignSpec spec) => string.Join(", ",
        (spec.Reference.Design?.Files.Select(f => f.FileName) ?? [spec.Reference.Model?.Source.FileName ?? "the reference"]).Select(f => $"spec/{f}"));

    private static RewardResult Reward(CandidateOutcome outcome) =>
        new(outcome.Reward, outcome.Tier, 0, [], outcome.RewardExplanation);

    private static string Headline(CandidateRow? best, CandidateOutcome? outcome, int candidates, IReadOnlyList<JudgedCandidate> passed,
        IReadOnlyList<JudgedCandidate> notJudged, Assurance? accept, bool accepted, string? stopReason)
    {
        // A candidate the judge could not finish is counted apart: it neither passed nor failed.
        var unjudged = notJudged.Count == 0 ? "" : $"{notJudged.Count} not judged: {notJudged[0].Outcome.Summary}";
        if (best is null || outcome is null)
            return (notJudged.Count == candidates && candidates > 0
                    ? $"No candidate of {candidates} could be judged (not judged: {notJudged[0].Outcome.Summary})"
                    : $"No candidate of {candidates} passed verification" + (unjudged.Length > 0 ? $" ({unjudged})" : ""))
                + (stopReason is null ? "." : $" ({stopReason}).");
        var proven = passed.Count(p => p.Outcome.Verified);
        var counts = $"reward {best.Reward:0.###}, {proven} of {candidates} candidates proven"
            + (passed.Count > proven ? $", {passed.Count - proven} more with no difference found but not proven" : "")
            + (notJudged.Count > 0 ? $", {notJudged.Count} not judged" : "");
        if (outcome.Verified)
            return $"{best.Id} is verified: {Shown(outcome)}; {Describe(best.Measurement)} ({counts})";
        var word = AssuranceText.Word(outcome.Assurance);
        var acceptance = accepted ? $"; accepted as {word} (--accept {AssuranceText.Word(accept!.Value)}): not proven" : "";
        return $"{best.Id}: no difference found, NOT PROVEN ({word}): {Shown(outcome)}{acceptance}; {Describe(best.Measurement)} ({counts})";
    }

    // An outcome recorded before assurance existed has no words of its own; its summary says what the judge saw.
    private static string Shown(CandidateOutcome outcome) => outcome.Shown.Length > 0 ? outcome.Shown : outcome.Summary;

    private static CandidateRow Row(JudgedCandidate h, bool onFrontier) => new(
        h.Proposal.Id, h.Proposal.Origin, h.Proposal.ParentId,
        h.Proposal.Parameters is null ? null : string.Join(", ", h.Proposal.Parameters.Select(p => $"{p.Key}={p.Value}")),
        h.Outcome.Verdict, h.Outcome.FailureClass, h.Outcome.Formal, h.Outcome.FormalBound, h.Outcome.Assurance, h.Outcome.Measurement, h.Outcome.Reward,
        onFrontier, h.Outcome.Passed ? h.Outcome.RewardExplanation : h.Outcome.NotJudged ? $"not judged: {h.Outcome.Summary}" : h.Outcome.Summary,
        h.Proposal.Top);
}
