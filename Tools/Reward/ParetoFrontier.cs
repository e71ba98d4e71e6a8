namespace HwForge.Tools.Reward;

/// <summary>A candidate and whether it is on the frontier; <see cref="DominatedBy"/> is the index of the first candidate that beats it.</summary>
public sealed record ParetoMark<T>(T Candidate, int? DominatedBy)
{
    public bool OnFrontier => DominatedBy is null;
}

/// <summary>
/// The non-dominated trade-offs among candidates' measured objectives (area, delay, power for RTL). Missing metrics are not comparable:
/// two candidates are compared only on the metrics both have, and not at all if they share none.
/// </summary>
public static class ParetoFrontier
{
    /// <summary>
    /// True when <paramref name="a"/> shares at least one metric with <paramref name="b"/>, is no worse on every
    /// shared metric and strictly better (lower) on at least one. Equal points do not dominate each other.
    /// </summary>
    public static bool Dominates(PpaMetrics a, PpaMetrics b)
    {
        var strictlyBetter = false;
        foreach (var (objective, mine) in a.Values)
        {
            if (b[objective] is not { } theirs)
                continue;
            if (mine > theirs)
                return false;
            strictlyBetter |= mine < theirs;
        }
        // No shared metric leaves strictlyBetter false, so incomparable candidates never dominate.
        return strictlyBetter;
    }

    /// <summary>Marks every candidate on or off the frontier, in input order.</summary>
    /// <remarks>
    /// Checked against every other candidate (O(n²)), not by a sweep: with partial metrics dominance is not
    /// transitive, so a candidate dominated only by a dominated one must still be found off the frontier.
    /// The same non-transitivity means partially measured candidates can beat each other in a cycle and
    /// leave all of them off; fully measured candidates always leave at least one on.
    /// </remarks>
    public static IReadOnlyList<ParetoMark<T>> Mark<T>(IReadOnlyList<T> candidates, Func<T, PpaMetrics> ppa)
    {
        var points = candidates.Select(ppa).ToList();
        return candidates
            .Select((candidate, i) => new ParetoMark<T>(candidate, FirstDominator(points, i)))
            .ToList();
    }

    /// <summary>The frontier itself: the non-dominated candidates, in input order; ties are all kept.</summary>
    public static IReadOnlyList<T> Of<T>(IReadOnlyList<T> candidates, Func<T, PpaMetrics> ppa) =>
        Mark(candidates, ppa).Where(m => m.OnFrontier).Select(m => m.Candidate).ToList();

    private static int? FirstDominator(List<PpaMetrics> points, int index)
    {
        for (var other = 0; other < points.Count; other++)
        {
            if (other != index && Dominates(points[other], points[index]))
                return other;
        }
        return null;
    }
}
