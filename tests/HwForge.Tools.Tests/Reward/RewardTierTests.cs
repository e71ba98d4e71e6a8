using HwForge.Tools.Judge;
using HwForge.Tools.Reward;

namespace HwForge.Tools.Tests.Reward;

/// <summary>The gate: how far a design got fixes the band its reward falls in, with exact values at each edge.</summary>
public sealed class RewardTierTests
{
    private static readonly PpaMetrics Baseline = new(area: 100, delay: 2, power: 0.5);

    private static RewardResult Score(Evaluation evaluation) => HierarchicalReward.Score(evaluation, Baseline, ObjectiveWeights.Equal);

    [Theory]
    [InlineData(FailureClass.Syntax)]
    [InlineData(FailureClass.Compile)]
    [InlineData(FailureClass.MissingPort)]
    public void A_design_that_does_not_compile_earns_nothing(FailureClass failure)
    {
        var result = Score(Evaluation.DidNotCompile(failure));
        Assert.Equal(0.0, result.Reward);
        Assert.Equal(RewardTier.DoesNotCompile, result.Tier);
        Assert.Equal(0.0, result.Improvement);
        Assert.Empty(result.Gains);
        Assert.Contains(failure.ToString(), result.Explanation);
    }

    [Theory]
    [InlineData(null, 0.1)]
    [InlineData(0.0, 0.1)]
    [InlineData(0.25, 0.15)]
    [InlineData(0.5, 0.2)]
    [InlineData(1.0, 0.3)]
    public void A_wrong_design_earns_more_the_longer_it_matched(double? matchedFraction, double expected)
    {
        var result = Score(Evaluation.FunctionallyWrong(matchedFraction));
        Assert.Equal(expected, result.Reward, 12);
        Assert.Equal(RewardTier.FunctionallyWrong, result.Tier);
        Assert.Equal(0.0, result.Improvement);
    }

    [Fact]
    public void A_wrong_design_explains_how_much_of_the_simulation_matched()
    {
        var result = Score(Evaluation.FunctionallyWrong(0.4));
        Assert.Equal("compiles but functionally wrong (FunctionalMismatch), 40% of cycles matched: reward 0.18", result.Explanation);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void A_matched_fraction_outside_zero_to_one_is_refused(double matchedFraction)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Evaluation.FunctionallyWrong(matchedFraction));
        Assert.Contains("[0, 1]", error.Message);
    }

    [Fact]
    public void An_unchanged_verified_design_scores_exactly_one()
    {
        var result = Score(Evaluation.Verified(Baseline));
        Assert.Equal(1.0, result.Reward);
        Assert.Equal(0.0, result.Improvement);
        Assert.Equal(RewardTier.Verified, result.Tier);
        Assert.All(result.Gains, g => Assert.Equal(0.0, g.Relative));
        Assert.Equal(3, result.Gains.Count);
    }

    [Fact]
    public void A_formal_proof_adds_a_one_percent_tie_breaker_and_a_bounded_check_adds_nothing()
    {
        Assert.Equal(1.01, Score(Evaluation.Verified(Baseline, FormalAssurance.Proven)).Reward, 12);
        Assert.Equal(1.0, Score(Evaluation.Verified(Baseline, FormalAssurance.Bounded)).Reward);
        Assert.Equal(1.0, Score(Evaluation.Verified(Baseline, FormalAssurance.None)).Reward);
    }

    [Fact]
    public void A_proof_never_outweighs_a_real_improvement_of_more_than_one_percent()
    {
        var proven = Score(Evaluation.Verified(Baseline, FormalAssurance.Proven));
        var smaller = Score(Evaluation.Verified(Baseline with { Area = 96 }));
        Assert.True(smaller.Reward > proven.Reward, $"{smaller.Reward} should beat {proven.Reward}");
    }

    [Fact]
    public void A_verified_design_with_nothing_measured_scores_one_and_says_why()
    {
        var result = Score(Evaluation.Verified(PpaMetrics.Unmeasured));
        Assert.Equal(1.0, result.Reward);
        Assert.Equal("verified, no weighted metric comparable with the baseline: reward 1", result.Explanation);
    }

    [Fact]
    public void A_verified_design_explains_each_weighted_objective_in_one_line()
    {
        var result = HierarchicalReward.Score(Evaluation.Verified(new PpaMetrics(area: 90, delay: 2.1), FormalAssurance.Proven),
            Baseline, new ObjectiveWeights(1, 1, 0));
        Assert.Equal("verified, formally proven (+0.01), improvement +2.5% (area +10%, delay -5%): reward 1.035", result.Explanation);
        Assert.DoesNotContain('\n', result.Explanation);
    }
}
