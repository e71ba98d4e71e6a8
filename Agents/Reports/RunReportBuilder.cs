using HwForge.Agents.Design;
using HwForge.Agents.Runs;
using HwForge.Agents.Supervisor;
using HwForge.Tools.Reward;

namespace HwForge.Agents.Reports;

/// <summary>Puts a run's judged candidates into a <see cref="RunReport"/>: best by reward, frontier by PPA.</summary>
public static class RunReportBuilder
{
    public static RunReport Build(RunFolder run, string strategy, DesignSpec spec, PpaSummary? referencePpa,
        IReadOnlyList<JudgedCandidate> history, BudgetTracker budget, string? stopReason)
    {
        var verified = history.Where(h => h.Outcome.Verified).ToList();
        var frontier = ParetoFrontier.Of(verified.Where(v => v.Outcome.Ppa is not null).ToList(), v => v.Outcome.Ppa!.ToMetrics())
            .Select(v => v.Proposal.Id).ToHashSet();
        // Every verified candidate is scored against one baseline here, even if some were judged before the
        // baseline was known (a C++ reference has no PPA, so the first verified candidate becomes it).
        var baseline = referencePpa?.ToMetrics() ?? verified.Select(v => v.Outcome.Ppa?.ToMetrics()).FirstOrDefault(m => m is not null) ?? PpaMetrics.Unmeasured;
        var rescored = history.Select(h => h with { Outcome = h.Outcome.ScoredAgainst(baseline, run.Options.Objectives) }).ToList();
        var rows = rescored.Select(h => Row(h, frontier.Contains(h.Proposal.Id))).ToList();
        var best = RewardRanking.Best(rescored.Where(h => h.Outcome.Verified), h => Reward(h.Outcome));
        var bestRow = best is null ? null : rows.Single(r => r.Id == best.Candidate.Proposal.Id);
        var finalDesign = best is null ? null : Path.Combine(run.Path, "final", "design.v");
        return new RunReport
        {
            RunId = run.Id,
            RunFolder = run.Path,
            Status = best is null ? "not-verified" : "verified",
            Headline = best is null
                ? $"No candidate of {history.Count} passed verification" + (stopReason is null ? "." : $" ({stopReason}).")
                : $"{bestRow!.Id} is verified{Formal(bestRow)}: {Describe(bestRow.Ppa)} (reward {bestRow.Reward:0.###}, {verified.Count} of {history.Count} candidates verified)",
            Strategy = strategy,
            Request = run.Options.Request,
            Top = spec.Top,
            Description = spec.Description,
            ReferenceOrigin = spec.ReferenceOrigin,
            VerifiedAgainst = spec.ReferenceOrigin switch
            {
                ReferenceOrigin.User => "your reference" + (spec.ReferenceModel is not null ? " (a C++ golden model)" : ""),
                ReferenceOrigin.Catalog => "the catalog's behavioural reference for this generator (same function, written independently of the structure)",
                _ => "a reference the Architect (an LLM) wrote from your request: review spec/reference.v before trusting the result",
            },
            ReferenceNeedsReview = spec.ReferenceOrigin == ReferenceOrigin.Architect,
            Assumptions = spec.Assumptions,
            Family = spec.Family,
            Parameters = spec.Parameters,
            BaselinePpa = referencePpa,
            Best = bestRow,
            Candidates = rows,
            ParetoFrontier = [.. rows.Where(r => r.OnFrontier).Select(r => r.Id)],
            FinalDesign = finalDesign,
            LlmCalls = budget.LlmCalls,
            Tokens = budget.Tokens,
            ElapsedSeconds = Math.Round(budget.Elapsed.TotalSeconds, 2),
            StopReason = stopReason,
        };
    }

    public static string Describe(PpaSummary? ppa) => ppa is null
        ? "PPA not measured"
        : string.Join(", ", new[]
        {
            ppa.AreaUm2 is { } area ? $"{area:0.#} µm²" : null,
            ppa.Cells is { } cells ? $"{cells} cells" : null,
            ppa.CriticalPathNs is { } delay ? $"{delay:0.###} ns critical path" : null,
            ppa.PowerMw is { } power ? $"{power:0.###} mW" : null,
        }.Where(p => p is not null));

    private static RewardResult Reward(CandidateOutcome outcome) =>
        new(outcome.Reward, outcome.Tier, 0, [], outcome.RewardExplanation);

    private static string Formal(CandidateRow row) => row.Formal switch
    {
        Tools.Judge.FormalStatus.Proven => " and formally proven",
        Tools.Judge.FormalStatus.Bounded => $" (formal: bounded to {row.FormalBound} cycles)",
        _ => " by simulation",
    };

    private static CandidateRow Row(JudgedCandidate h, bool onFrontier) => new(
        h.Proposal.Id, h.Proposal.Origin, h.Proposal.ParentId,
        h.Proposal.Parameters is null ? null : string.Join(", ", h.Proposal.Parameters.Select(p => $"{p.Key}={p.Value}")),
        h.Outcome.Verdict, h.Outcome.FailureClass, h.Outcome.Formal, h.Outcome.FormalBound, h.Outcome.Ppa, h.Outcome.Reward,
        onFrontier, h.Outcome.Verified ? h.Outcome.RewardExplanation : h.Outcome.Summary);
}
