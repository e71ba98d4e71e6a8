using System.Globalization;
using HwForge.Tools.Targets;

namespace HwForge.Tools.Reward;

/// <summary>
/// The judge's gated reward, after ChipSeek-R1: correctness gates optimisation, and the strength of the
/// evidence gates PPA, so no amount of PPA can buy back a wrong design or stand in for a missing proof.
/// <list type="bullet">
/// <item>Tier 0, does not compile (syntax, compile, interface): reward = 0.</item>
/// <item>Tier 1, compiles but functionally wrong: reward = 0.1 + 0.2 × matchedFraction, in [0.1, 0.3].</item>
/// <item>Tier 2, no difference found but not proven: reward = base + 0.04 × clamp(improvement, −0.5, 1.0), with
/// base 0.35 for simulated (in [0.33, 0.39]) and 0.45 for bounded (in [0.43, 0.49]).</item>
/// <item>Tier 3, verified (proven): reward = 1 + clamp(improvement, −0.5, 1.0), in [0.5, 2.0].</item>
/// </list>
/// with improvement from <see cref="RelativeImprovement"/>. The bands do not overlap, so the order is
/// lexicographic: proven above bounded above simulated above wrong, and PPA orders designs only inside a band.
/// An unchanged proven design scores exactly 1.0.
/// </summary>
public static class HierarchicalReward
{
    public const double FunctionalFloor = 0.1;
    public const double FunctionalSpan = 0.2;
    public const double VerifiedBase = 1.0;

    /// <summary>Worst a design that passed can score relative to its base; keeps it inside its band.</summary>
    public const double ImprovementFloor = -0.5;

    /// <summary>Best relative to base: only reachable by driving a metric to zero (or a nonsensical negative reading).</summary>
    public const double ImprovementCeiling = 1.0;

    /// <summary>Where an unchanged design that only simulation backs scores: above every wrong design (≤ 0.3).</summary>
    public const double SimulatedBase = 0.35;

    /// <summary>Where an unchanged bounded design scores: above every simulated one (≤ 0.39), below every proven one (≥ 0.5).</summary>
    public const double BoundedBase = 0.45;

    /// <summary>
    /// How much PPA moves an unproven design: small enough that its band (base ± 0.04) stays clear of the next,
    /// so an unproven design never overtakes a proven one, however small or fast it is.
    /// </summary>
    public const double UnprovenScale = 0.04;

    /// <summary>Scores <paramref name="evaluation"/> against <paramref name="baseline"/> (the reference or the best so far).</summary>
    public static RewardResult Score(Evaluation evaluation, PpaMetrics baseline, ObjectiveWeights weights) => evaluation.Tier switch
    {
        // 0 so that a sum or an average over a batch stays finite; the tier, not the number, keeps it out of every ranking.
        RewardTier.NotJudged => new(0, RewardTier.NotJudged, 0, [],
            $"not judged ({evaluation.Failure}): the judge could not finish, so nothing was learned about the design"),
        RewardTier.DoesNotCompile => new(0, RewardTier.DoesNotCompile, 0, [],
            $"does not compile ({evaluation.Failure}): reward 0"),
        RewardTier.FunctionallyWrong => FunctionallyWrong(evaluation),
        RewardTier.Unproven or RewardTier.Verified => Passed(evaluation, baseline, weights),
        _ => throw new ArgumentOutOfRangeException(nameof(evaluation), evaluation.Tier, "Unknown reward tier."),
    };

    private static RewardResult FunctionallyWrong(Evaluation evaluation)
    {
        var reward = FunctionalFloor + FunctionalSpan * evaluation.MatchedFraction;
        return new(reward, RewardTier.FunctionallyWrong, 0, [],
            Invariant($"compiles but functionally wrong ({evaluation.Failure}), {evaluation.MatchedFraction:0.#%} of cycles matched: reward {reward:0.###}"));
    }

    private static RewardResult Passed(Evaluation evaluation, PpaMetrics baseline, ObjectiveWeights weights)
    {
        var improvement = RelativeImprovement.Compute(evaluation.Metrics, baseline, weights);
        var counted = Math.Clamp(improvement.Total, ImprovementFloor, ImprovementCeiling);
        var reward = evaluation.Assurance switch
        {
            Assurance.Proven => VerifiedBase + counted,
            Assurance.Bounded => BoundedBase + UnprovenScale * counted,
            _ => SimulatedBase + UnprovenScale * counted,
        };
        return new(reward, evaluation.Tier, improvement.Total, improvement.Gains,
            Explain(evaluation.Assurance, improvement, counted, reward));
    }

    private static string Explain(Assurance assurance, ImprovementBreakdown improvement, double counted, double reward)
    {
        // "verified" is said of a proof only; anything less says so first.
        var check = assurance == Assurance.Proven ? "verified (proven)" : $"no difference found, not proven ({AssuranceText.Word(assurance)})";
        var weighted = improvement.Gains.Where(g => g.Weight > 0).ToList();
        if (weighted.Count == 0)
            return Invariant($"{check}, no weighted metric comparable with the baseline: reward {reward:0.###}");

        // The improvement is the score's view (better is positive); the parts are changes as an engineer reads them
        // (smaller is negative), so "improvement +7.9% (area −7.9% vs baseline)" says one thing twice, not two.
        var parts = ChangeText.Changes(weighted);
        var clamped = counted != improvement.Total ? $", clamped to {ChangeText.Percent(counted)}" : "";
        return Invariant($"{check}, improvement {ChangeText.Percent(improvement.Total)} ({parts} vs baseline){clamped}: reward {reward:0.###}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
