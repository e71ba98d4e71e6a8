using HwForge.Tools.Reward;

namespace HwForge.Tools.Tests.Reward;

/// <summary>Showing a user the trade-offs worth keeping: every candidate that nothing else beats on all fronts.</summary>
public sealed class ParetoFrontierTests
{
    private static IReadOnlyList<PpaMetrics> Frontier(params PpaMetrics[] points) => ParetoFrontier.Of(points, p => p);

    [Fact]
    public void A_design_worse_on_every_metric_is_removed()
    {
        var small = new PpaMetrics(area: 10, delay: 5, power: 1);
        var fast = new PpaMetrics(area: 20, delay: 2, power: 1);
        var worse = new PpaMetrics(area: 25, delay: 6, power: 2);
        Assert.Equal([small, fast], Frontier(small, fast, worse));
    }

    [Fact]
    public void Being_equal_on_all_but_one_metric_and_worse_on_that_one_is_enough_to_be_dominated()
    {
        var a = new PpaMetrics(area: 10, delay: 5, power: 1);
        var b = new PpaMetrics(area: 10, delay: 5, power: 1.5);
        Assert.True(ParetoFrontier.Dominates(a, b));
        Assert.False(ParetoFrontier.Dominates(b, a));
        Assert.Equal([a], Frontier(b, a));
    }

    [Fact]
    public void Identical_designs_are_both_kept()
    {
        var a = new PpaMetrics(area: 10, delay: 5, power: 1);
        var twin = new PpaMetrics(area: 10, delay: 5, power: 1);
        Assert.False(ParetoFrontier.Dominates(a, twin));
        Assert.Equal(2, Frontier(a, twin).Count);
    }

    [Fact]
    public void A_single_design_is_its_own_frontier()
    {
        var only = new PpaMetrics(area: 10);
        var mark = Assert.Single(ParetoFrontier.Mark([only], p => p));
        Assert.True(mark.OnFrontier);
        Assert.Equal([only], Frontier(only));
    }

    [Fact]
    public void No_designs_give_an_empty_frontier()
    {
        Assert.Empty(Frontier());
        Assert.Empty(ParetoFrontier.Mark(Array.Empty<PpaMetrics>(), p => p));
    }

    [Fact]
    public void Each_candidate_is_marked_in_input_order_with_who_beat_it()
    {
        var candidates = new[] { ("worse", new PpaMetrics(30, 6, 2)), ("small", new PpaMetrics(10, 5, 1)), ("fast", new PpaMetrics(20, 2, 1)) };
        var marks = ParetoFrontier.Mark(candidates, c => c.Item2);
        Assert.Equal(["worse", "small", "fast"], marks.Select(m => m.Candidate.Item1));
        Assert.Equal([false, true, true], marks.Select(m => m.OnFrontier));
        Assert.Equal(1, marks[0].DominatedBy);
    }

    [Fact]
    public void Designs_are_compared_only_on_the_metrics_both_have()
    {
        // No power on the first: it is compared on area and delay alone, where it wins.
        var unmeasuredPower = new PpaMetrics(area: 10, delay: 2);
        var measured = new PpaMetrics(area: 12, delay: 3, power: 0.001);
        Assert.True(ParetoFrontier.Dominates(unmeasuredPower, measured));
        Assert.Equal([unmeasuredPower], Frontier(unmeasuredPower, measured));
    }

    [Fact]
    public void Designs_with_no_metric_in_common_cannot_beat_each_other()
    {
        var areaOnly = new PpaMetrics(area: 1);
        var delayOnly = new PpaMetrics(delay: 100);
        var nothing = PpaMetrics.Unmeasured;
        Assert.False(ParetoFrontier.Dominates(areaOnly, delayOnly));
        Assert.False(ParetoFrontier.Dominates(nothing, areaOnly));
        Assert.Equal([areaOnly, delayOnly, nothing], Frontier(areaOnly, delayOnly, nothing));
    }

    [Fact]
    public void A_design_beaten_only_by_a_beaten_design_is_still_off_the_frontier()
    {
        // a beats b on area; b beats c on delay; a and c share nothing. c must go although a cannot judge it.
        var a = new PpaMetrics(area: 1);
        var b = new PpaMetrics(area: 2, delay: 1);
        var c = new PpaMetrics(delay: 2, power: 1);
        Assert.Equal([a], Frontier(a, b, c));
    }

    [Fact]
    public void Partially_measured_designs_can_beat_each_other_in_a_circle_and_leave_no_frontier()
    {
        // Documented consequence of comparing on shared metrics only: dominance is not transitive.
        var a = new PpaMetrics(area: 1, delay: 2);
        var b = new PpaMetrics(delay: 1, power: 2);
        var c = new PpaMetrics(area: 2, power: 1);
        Assert.Empty(Frontier(a, b, c));
    }
}
