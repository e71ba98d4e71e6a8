using HwForge.Tools.Judge;
using HwForge.Tools.Reward;

namespace HwForge.Agents.Design;

/// <summary>The judge's findings on one candidate, small enough to record, replay and show.</summary>
public sealed record CandidateOutcome
{
    public required string Id { get; init; }

    public required Verdict Verdict { get; init; }

    public required FailureClass FailureClass { get; init; }

    public StageName? DecidedBy { get; init; }

    public required string Summary { get; init; }

    public string? FirstMismatch { get; init; }

    public FormalStatus Formal { get; init; } = FormalStatus.Skipped;

    public int? FormalBound { get; init; }

    public PpaSummary? Ppa { get; init; }

    public required double Reward { get; init; }

    public required RewardTier Tier { get; init; }

    public required string RewardExplanation { get; init; }

    /// <summary>The Verifier role's short feedback for a repair prompt; empty when it passed.</summary>
    public string Feedback { get; init; } = "";

    public double JudgeMs { get; init; }

    public bool Verified => Verdict == Verdict.Pass;

    /// <summary>
    /// This verified outcome's reward against another baseline or other weights, from the same measurements
    /// (a report ranks every candidate against one baseline; a benchmark scores one sweep for several objectives).
    /// </summary>
    public CandidateOutcome ScoredAgainst(PpaMetrics baseline, ObjectiveWeights weights)
    {
        if (!Verified) return this;
        var result = HierarchicalReward.Score(Evaluation.Verified(Ppa?.ToMetrics() ?? PpaMetrics.Unmeasured, JudgeEvaluation.Assurance(Formal)), baseline, weights);
        return this with { Reward = Math.Round(result.Reward, 4), RewardExplanation = result.Explanation };
    }
}

/// <summary>The PPA figures a run compares candidates on, and where they came from.</summary>
public sealed record PpaSummary(
    double? AreaUm2,
    int? Cells,
    double? CriticalPathNs,
    double? FmaxMhz,
    double? PowerMw,
    string Library,
    string? Activity)
{
    /// <summary>The metrics the reward and the Pareto frontier read (area µm², delay ns, power W).</summary>
    public PpaMetrics ToMetrics() => new(AreaUm2, CriticalPathNs, PowerMw / 1000.0);
}

/// <summary>A proposal together with what the judge found.</summary>
public sealed record JudgedCandidate(CandidateProposal Proposal, CandidateOutcome Outcome);
