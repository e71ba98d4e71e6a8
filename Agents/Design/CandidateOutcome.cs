using HwForge.Tools.Reward;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Agents.Design;

/// <summary>The judge's findings on one candidate, small enough to record, replay and show.</summary>
public sealed record CandidateOutcome
{
    public required string Id { get; init; }

    public required Verdict Verdict { get; init; }

    public required FailureClass FailureClass { get; init; }

    /// <summary>The stage that decided, in the target's words ("simulation", "formal").</summary>
    public string? DecidedBy { get; init; }

    public required string Summary { get; init; }

    public string? FirstMismatch { get; init; }

    /// <summary>How the formal check ended, in the target's words ("proven", "bounded", "skipped"…).</summary>
    public string Formal { get; init; } = "skipped";

    public int? FormalBound { get; init; }

    /// <summary>How strongly "no difference" was shown; <see cref="Assurance.None"/> unless it passed.</summary>
    public Assurance Assurance { get; init; }

    /// <summary>The judge's words for what was shown ("formally proven equivalent …", "no difference in 20 cycles …; not proven").</summary>
    public string Shown { get; init; } = "";

    /// <summary>What the target measured on a design that passed (area, delay, power for RTL); null otherwise.</summary>
    public TargetMeasurement? Measurement { get; init; }

    /// <summary>The measured figures the reward compares; <see cref="PpaMetrics.Unmeasured"/> when none.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public PpaMetrics Metrics => Measurement?.Metrics ?? PpaMetrics.Unmeasured;

    public required double Reward { get; init; }

    public required RewardTier Tier { get; init; }

    public required string RewardExplanation { get; init; }

    /// <summary>The Verifier role's short feedback for a repair prompt; empty when it passed.</summary>
    public string Feedback { get; init; } = "";

    public double JudgeMs { get; init; }

    /// <summary>How many times the judge ran on it: 2 when the first attempt could not finish and it was asked again.</summary>
    public int JudgeAttempts { get; init; } = 1;

    /// <summary>No difference from the reference was found, however strongly that was shown.</summary>
    public bool Passed => Verdict == Verdict.Pass;

    /// <summary>
    /// The judge could not finish (a tool failed, the machine ran out of time), even when asked again: there is no
    /// verdict on the design, so it is never the best, never repaired as if it were wrong, and never counted as a failure.
    /// </summary>
    public bool NotJudged => Verdict == Verdict.Error;

    /// <summary>Verified means proven: only then may a report, an event or the knowledge base call it verified.</summary>
    public bool Verified => Passed && Assurance == Assurance.Proven;

    /// <summary>
    /// This passing outcome's reward against another baseline or other weights, from the same measurements
    /// (a report ranks every candidate against one baseline; a benchmark scores one sweep for several objectives).
    /// </summary>
    public CandidateOutcome ScoredAgainst(PpaMetrics baseline, ObjectiveWeights weights)
    {
        if (!Passed) return this;
        var evaluation = JudgeEvaluation.From(Verdict, FailureClass, assurance: Assurance, ppa: Measurement?.Metrics);
        var result = HierarchicalReward.Score(evaluation, baseline, weights);
        return this with { Reward = Math.Round(result.Reward, 4), RewardExplanation = result.Explanation };
    }
}

/// <summary>A proposal together with what the judge found.</summary>
public sealed record JudgedCandidate(CandidateProposal Proposal, CandidateOutcome Outcome);
