using System.Globalization;

namespace HwForge.Tools.Reward;

/// <summary>
/// The judge's gated reward, after ChipSeek-R1: correctness gates optimisation, so no amount of PPA
/// can buy back a wrong design.
/// <list type="bullet">
/// <item>Tier 0, does not compile (syntax, compile, interface): reward = 0.</item>
/// <item>Tier 1, compiles but functionally wrong: reward = 0.1 + 0.2 × matchedFraction, in [0.1, 0.3].</item>
/// <item>Tier 2, verified: reward = 1 + clamp(improvement, −0.5, 1.0) (+0.01 if formally proven), in [0.5, 2.01],
/// with improvement from <see cref="RelativeImprovement"/>.</item>
/// </list>
/// An unchanged verified design scores exactly 1.0, and every verified design (≥ 0.5) outranks every failing one (≤ 0.3).
/// </summary>
public static class HierarchicalReward
{
    public const double FunctionalFloor = 0.1;
    public const double FunctionalSpan = 0.2;
    public const double VerifiedBase = 1.0;

    /// <summary>Worst a verified design can score relative to base; keeps it above every failing design.</summary>
    public const double ImprovementFloor = -0.5;

    /// <summary>Best relative to base: only reachable by driving a metric to zero (or a nonsensical negative reading).</summary>
    public const double ImprovementCeiling = 1.0;

    /// <summary>A tie-breaker small enough not to beat 1% of real improvement, so proofs never outweigh PPA.</summary>
    public const double ProvenBonus = 0.01;

    /// <summary>Scores <paramref name="evaluation"/> against <paramref name="baseline"/> (the reference or the best so far).</summary>
    public static RewardResult Score(Evaluation evaluation, PpaMetrics baseline, ObjectiveWeights weights) => evaluation.Tier switch
    {
        RewardTier.DoesNotCompile => new(0, RewardTier.DoesNotCompile, 0, [],
            $"does not compile ({evaluation.Failure}): reward 0"),
        RewardTier.FunctionallyWrong => FunctionallyWrong(evaluation),
        RewardTier.Verified => Verified(evaluation, baseline, weights),
        _ => throw new ArgumentOutOfRangeException(nameof(evaluation), evaluation.Tier, "Unknown reward tier."),
    };

    private static RewardResult FunctionallyWrong(Evaluation evaluation)
    {
        var reward = FunctionalFloor + FunctionalSpan * evaluation.MatchedFraction;
        return new(reward, RewardTier.FunctionallyWrong, 0, [],
            Invariant($"compiles but functionally wrong ({evaluation.Failure}), {evaluation.MatchedFraction:0.#%} of cycles matched: reward {reward:0.###}"));
    }

    private static RewardResult Verified(Evaluation evaluation, PpaMetrics baseline, ObjectiveWeights weights)
    {
        var improvement = RelativeImprovement.Compute(evaluation.Metrics, baseline, weights);
        var counted = Math.Clamp(improvement.Total, ImprovementFloor, ImprovementCeiling);
        var proven = evaluation.Formal == FormalAssurance.Proven;
        var reward = VerifiedBase + counted + (proven ? ProvenBonus : 0);
        return new(reward, RewardTier.Verified, improvement.Total, improvement.Gains,
            Explain(evaluation.Formal, improvement, counted, reward));
    }

    private static string Explain(FormalAssurance formal, ImprovementBreakdown improvement, double counted, double reward)
    {
        var check = formal switch
        {
            FormalAssurance.Proven => "verified, formally proven (+0.01)",
            FormalAssurance.Bounded => "verified, bounded proof",
            _ => "verified",
        };
        var weighted = improvement.Gains.Where(g => g.Weight > 0).ToList();
        if (weighted.Count == 0)
            return Invariant($"{check}, no weighted metric comparable with the baseline: reward {reward:0.###}");

        var parts = string.Join(", ", weighted.Select(g => Invariant($"{g.Objective.ToString().ToLowerInvariant()} {g.Relative:+0.#%;-0.#%;0%}")));
        var clamped = counted != improvement.Total ? Invariant($", clamped to {counted:+0.#%;-0.#%}") : "";
        return Invariant($"{check}, improvement {improvement.Total:+0.#%;-0.#%;0%} ({parts}){clamped}: reward {reward:0.###}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
