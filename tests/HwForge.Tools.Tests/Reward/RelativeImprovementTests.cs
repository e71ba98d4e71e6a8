using HwForge.Tools.Reward;
using HwForge.Tools.Targets;

namespace HwForge.Tools.Tests.Reward;

/// <summary>How a proven design's PPA against the baseline becomes one improvement, and how far it can move the reward.</summary>
public sealed class RelativeImprovementTests
{
    private static readonly PpaMetrics Baseline = new(area: 100, delay: 2, power: 0.5);
    private static readonly ObjectiveWeights AreaOnly = new(1, 0, 0);

    private static RewardResult Score(PpaMetrics candidate, ObjectiveWeights weights, PpaMetrics? baseline = null) =>
        HierarchicalReward.Score(Evaluation.Passed(candidate, Assurance.Proven), baseline ?? Baseline, weights);

    [Fact]
    public void Ten_percent_less_area_with_all_weight_on_area_is_an_improvement_of_a_tenth()
    {
        var result = Score(Baseline with { Area = 90 }, AreaOnly);
        Assert.Equal(0.1, result.Improvement, 12);
        Assert.Equal(1.1, result.Reward, 12);
        var area = Assert.Single(result.Gains, g => g.Weight > 0);
        Assert.Equal(Objective.Area, area.Objective);
        Assert.Equal(1.0, area.Weight);
    }

    [Fact]
    public void A_slower_design_has_a_negative_improvement()
    {
        var result = Score(Baseline with { Delay = 2.5 }, new ObjectiveWeights(0, 1, 0));
        Assert.Equal(-0.25, result.Improvement, 12);
        Assert.Equal(0.75, result.Reward, 12);
    }

    [Fact]
    public void Weights_are_normalised_so_only_their_ratio_matters()
    {
        var candidate = new PpaMetrics(area: 90, delay: 1.4, power: 0.5);
        var small = Score(candidate, new ObjectiveWeights(1, 1, 0));
        var large = Score(candidate, new ObjectiveWeights(50, 50, 0));
        Assert.Equal(0.5 * 0.1 + 0.5 * 0.3, small.Improvement, 12);
        Assert.Equal(small.Improvement, large.Improvement, 12);

        var skewed = Score(candidate, new ObjectiveWeights(3, 1, 0));
        Assert.Equal(0.75 * 0.1 + 0.25 * 0.3, skewed.Improvement, 12);
        Assert.Equal(1.0, skewed.Gains.Sum(g => g.Weight), 12);
    }

    [Fact]
    public void Unmeasured_power_drops_out_and_its_weight_goes_to_area_and_delay()
    {
        // Power's weight is half the total; had it stayed, area's 20% would count for a quarter, not a half.
        var candidate = new PpaMetrics(area: 80, delay: 2);
        var result = Score(candidate, new ObjectiveWeights(1, 1, 2));
        Assert.Equal(0.1, result.Improvement, 12);
        Assert.DoesNotContain(result.Gains, g => g.Objective == Objective.Power);
        Assert.All(result.Gains, g => Assert.Equal(0.5, g.Weight, 12));
    }

    [Fact]
    public void A_metric_missing_from_the_baseline_drops_out_too()
    {
        var result = Score(new PpaMetrics(area: 80, delay: 2, power: 0.01), ObjectiveWeights.Equal, new PpaMetrics(area: 100, delay: 2));
        Assert.Equal(0.1, result.Improvement, 12);
    }

    [Fact]
    public void A_zero_baseline_drops_that_metric_instead_of_dividing_by_zero()
    {
        var result = Score(new PpaMetrics(area: 90, delay: 2, power: 0.3), ObjectiveWeights.Equal, Baseline with { Power = 0 });
        Assert.Equal(0.05, result.Improvement, 12);
        Assert.True(double.IsFinite(result.Reward));
        Assert.DoesNotContain(result.Gains, g => g.Objective == Objective.Power);
    }

    [Fact]
    public void A_negative_baseline_is_dropped_like_a_zero_one()
    {
        var result = Score(new PpaMetrics(area: 90, delay: 1), AreaOnly with { Delay = 1 }, Baseline with { Delay = -2 });
        Assert.Equal(0.1, result.Improvement, 12);
    }

    [Fact]
    public void With_every_weight_zero_there_is_no_improvement_but_the_changes_are_still_reported()
    {
        var result = Score(new PpaMetrics(area: 50, delay: 1, power: 0.25), new ObjectiveWeights(0, 0, 0));
        Assert.Equal(0.0, result.Improvement);
        Assert.Equal(1.0, result.Reward);
        Assert.Equal([0.5, 0.5, 0.5], result.Gains.Select(g => g.Relative));
        Assert.All(result.Gains, g => Assert.Equal(0.0, g.Weight));
    }

    [Fact]
    public void When_only_zero_weighted_metrics_are_comparable_there_is_no_improvement()
    {
        var result = Score(new PpaMetrics(delay: 1), AreaOnly);
        Assert.Equal(0.0, result.Improvement);
        Assert.Equal(1.0, result.Reward);
    }

    [Fact]
    public void A_much_worse_design_is_clamped_at_half_so_it_still_beats_any_failure()
    {
        var doubled = Score(Baseline with { Area = 200 }, AreaOnly);
        var tenfold = Score(Baseline with { Area = 1000 }, AreaOnly);
        Assert.Equal(-1.0, doubled.Improvement, 12);
        Assert.Equal(-9.0, tenfold.Improvement, 12);
        Assert.Equal(0.5, doubled.Reward, 12);
        Assert.Equal(0.5, tenfold.Reward, 12);
        Assert.Contains("improvement \u2212900% (area +900% vs baseline), clamped to \u221250%", tenfold.Explanation);
    }

    [Fact]
    public void Clamping_starts_exactly_at_minus_a_half()
    {
        Assert.Equal(0.6, Score(Baseline with { Area = 140 }, AreaOnly).Reward, 12);
        Assert.Equal(0.5, Score(Baseline with { Area = 150 }, AreaOnly).Reward, 12);
        Assert.Equal(0.5, Score(Baseline with { Area = 160 }, AreaOnly).Reward, 12);
    }

    [Fact]
    public void The_reward_tops_out_at_two_even_for_a_nonsensical_negative_reading()
    {
        var zero = Score(Baseline with { Area = 0 }, AreaOnly);
        var negative = Score(Baseline with { Area = -100 }, AreaOnly);
        Assert.Equal(2.0, zero.Reward, 12);
        Assert.Equal(2.0, negative.Improvement, 12);
        Assert.Equal(2.0, negative.Reward, 12);
        Assert.Contains("clamped to +100%", negative.Explanation);
    }

    [Fact]
    public void A_negative_weight_is_refused_with_a_hint()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ObjectiveWeights(1, -1, 1));
        Assert.Contains("use 0 to ignore delay", error.Message);
    }

    [Fact]
    public void A_non_finite_measurement_is_refused_rather_than_scored()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PpaMetrics(area: double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => Baseline with { Power = double.PositiveInfinity });
    }
}
