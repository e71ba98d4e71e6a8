using HwForge.Tools.Judge;
using HwForge.Tools.Reward;

namespace HwForge.Tools.Tests.Reward;

/// <summary>The judge's verdicts land in the right reward tier, and the best candidate is picked by reward.</summary>
public sealed class JudgeEvaluationTests
{
    [Theory]
    [InlineData(FailureClass.Syntax)]
    [InlineData(FailureClass.UnknownModule)]
    [InlineData(FailureClass.Undeclared)]
    [InlineData(FailureClass.WidthOrType)]
    [InlineData(FailureClass.MissingPort)]
    [InlineData(FailureClass.Compile)]
    public void A_design_the_tools_reject_lands_in_tier_zero(FailureClass failure)
    {
        var evaluation = JudgeEvaluation.From(Verdict.Fail, failure, matchedFraction: 0.9);
        Assert.Equal(RewardTier.DoesNotCompile, evaluation.Tier);
        Assert.Equal(failure, evaluation.Failure);
    }

    [Theory]
    [InlineData(FailureClass.FunctionalMismatch)]
    [InlineData(FailureClass.ResetBehaviour)]
    [InlineData(FailureClass.Timeout)]
    public void A_design_that_ran_but_was_wrong_lands_in_tier_one_with_its_matched_fraction(FailureClass failure)
    {
        var evaluation = JudgeEvaluation.From(Verdict.Fail, failure, matchedFraction: 0.5);
        Assert.Equal(RewardTier.FunctionallyWrong, evaluation.Tier);
        Assert.Equal(0.5, evaluation.MatchedFraction);
    }

    [Theory]
    [InlineData(FailureClass.ForbiddenConstruct)]
    [InlineData(FailureClass.SimulationAborted)]
    public void A_design_caught_gaming_the_harness_earns_nothing_however_much_matched(FailureClass failure)
    {
        var evaluation = JudgeEvaluation.From(Verdict.Fail, failure, matchedFraction: 1.0);
        Assert.Equal(0.0, HierarchicalReward.Score(evaluation, PpaMetrics.Unmeasured, ObjectiveWeights.Equal).Reward);
    }

    [Fact]
    public void A_judge_error_earns_nothing()
    {
        var evaluation = JudgeEvaluation.From(Verdict.Error, FailureClass.None);
        Assert.Equal(RewardTier.DoesNotCompile, evaluation.Tier);
        Assert.Equal(FailureClass.ToolError, evaluation.Failure);
    }

    [Fact]
    public void A_pass_carries_its_ppa_and_proof_into_the_score()
    {
        var evaluation = JudgeEvaluation.From(Verdict.Pass, FailureClass.None, assurance: Assurance.Proven, ppa: new PpaMetrics(area: 80));
        var result = HierarchicalReward.Score(evaluation, new PpaMetrics(area: 100), ObjectiveWeights.Equal);
        Assert.Equal(RewardTier.Verified, evaluation.Tier);
        Assert.Equal(1.2, result.Reward, 12);
    }

    [Theory]
    [InlineData(Assurance.Bounded, Assurance.Bounded)]
    [InlineData(Assurance.Simulated, Assurance.Simulated)]
    [InlineData(Assurance.None, Assurance.Simulated)]
    public void A_pass_that_is_not_proven_is_unproven_and_one_that_does_not_say_counts_as_simulated(Assurance said, Assurance scored)
    {
        var evaluation = JudgeEvaluation.From(Verdict.Pass, FailureClass.None, assurance: said);
        Assert.Equal(RewardTier.Unproven, evaluation.Tier);
        Assert.Equal(scored, evaluation.Assurance);
    }

    [Fact]
    public void The_best_candidate_is_the_proven_one_with_the_highest_reward_and_the_earliest_on_a_tie()
    {
        var baseline = new PpaMetrics(area: 100);
        var candidates = new[]
        {
            ("wrong", Evaluation.FunctionallyWrong(1.0)),
            ("same", Evaluation.Passed(new PpaMetrics(area: 90), Assurance.Proven)),
            ("unproven but far smaller", Evaluation.Passed(new PpaMetrics(area: 10), Assurance.Bounded)),
            ("smaller", Evaluation.Passed(new PpaMetrics(area: 70), Assurance.Proven)),
            ("tied", Evaluation.Passed(new PpaMetrics(area: 70), Assurance.Proven)),
        };
        var best = RewardRanking.Best(candidates, c => HierarchicalReward.Score(c.Item2, baseline, ObjectiveWeights.Equal));
        Assert.NotNull(best);
        Assert.Equal("smaller", best.Candidate.Item1);
        Assert.Equal(1.3, best.Result.Reward, 12);
    }

    [Fact]
    public void There_is_no_best_among_no_candidates()
    {
        Assert.Null(RewardRanking.Best(Array.Empty<string>(), _ => throw new InvalidOperationException("never scored")));
    }
}
