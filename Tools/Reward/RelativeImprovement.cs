namespace HwForge.Tools.Reward;

/// <summary>
/// One objective's share of the improvement: <see cref="Relative"/> = (baseline − value) / baseline,
/// positive when the candidate is smaller, faster or cooler; <see cref="Weight"/> is its normalised weight.
/// </summary>
public sealed record ObjectiveGain(Objective Objective, double Relative, double Weight)
{
    /// <summary>
    /// The change as engineers read it: (value − baseline) / baseline, so a smaller area is negative and a longer
    /// delay positive. <see cref="Relative"/> is the score's view (better is positive); people are shown this one.
    /// </summary>
    public double Change => -Relative;
}

/// <summary>The weighted improvement over a baseline, with the per-objective parts it was summed from.</summary>
public sealed record ImprovementBreakdown(double Total, IReadOnlyList<ObjectiveGain> Gains)
{
    public static ImprovementBreakdown None { get; } = new(0, []);
}

/// <summary>
/// improvement = Σ_i w_i × (baseline_i − value_i) / baseline_i over the objectives measured (area, delay and power
/// for RTL; a target's own otherwise), where an objective
/// counts only if it is measured on both sides and its baseline is &gt; 0, and the weights of the objectives that
/// count are normalised to sum to 1. No counting objective (or all of their weights zero) → improvement 0.
/// </summary>
public static class RelativeImprovement
{
    public static ImprovementBreakdown Compute(PpaMetrics candidate, PpaMetrics baseline, ObjectiveWeights weights)
    {
        // Relative change needs a positive denominator; a zero or negative baseline is a measurement we cannot
        // scale by, so that objective leaves and the others share its weight rather than dividing by zero.
        var comparable = candidate.Values.Keys
            .Where(name => baseline[name] is > 0)
            .Select(Objective.Named)
            .ToList();

        var weightSum = comparable.Sum(o => weights[o]);
        if (weightSum <= 0)
        {
            // Still report the relative changes, so a user sees what moved even when nothing was weighted.
            return new(0, comparable.Select(o => new ObjectiveGain(o, Relative(o, candidate, baseline), 0)).ToList());
        }

        var gains = comparable
            .Select(o => new ObjectiveGain(o, Relative(o, candidate, baseline), weights[o] / weightSum))
            .ToList();
        return new(gains.Sum(g => g.Weight * g.Relative), gains);
    }

    private static double Relative(Objective objective, PpaMetrics candidate, PpaMetrics baseline)
    {
        var reference = baseline[objective]!.Value;
        return (reference - candidate[objective]!.Value) / reference;
    }
}
