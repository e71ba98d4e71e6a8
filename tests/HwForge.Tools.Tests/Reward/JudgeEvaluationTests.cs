using HwForge.Tools.Reward;
using HwForge.Tools.Targets;

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

    [Theory]
    [InlineData(FailureClass.None, FailureClass.ToolError)]
    [InlineData(FailureClass.ToolError, FailureClass.ToolError)]
    [InlineData(FailureClass.Timeout, FailureClass.Timeout)] // the machine's time ran out: not a hang of the design
    public void A_judge_error_is_not_judged_neither_credited_nor_a_fault_of_the_design(FailureClass given, FailureClass kept)
    {
        var evaluation = JudgeEvaluation.From(Verdict.Error, given);
        var result = HierarchicalReward.Score(evaluation, PpaMetrics.Unmeasured, ObjectiveWeights.Equal);

        Assert.Equal(RewardTier.NotJudged, evaluation.Tier);
        Assert.Equal(kept, evaluation.Failure);
        Assert.Equal(0.0, result.Reward);
        Assert.StartsWith($"not judged ({kept})", result.Explanation);
        Assert.DoesNotContain("does not compile", result.Explanation);
        Assert.DoesNotContain("wrong", result.Explanation);
    }

    [Fact]
    public void A_design_that_really_hangs_stays_functionally_wrong()
    {
        var evaluation = JudgeEvaluation.From(Verdict.Fail, FailureClass.Timeout, matchedFraction: 0.5);
        Assert.Equal(RewardTier.FunctionallyWrong, evaluation.Tier);
    }

    [Fact]
    public void A_candidate_that_was_not_judged_is_never_the_best_even_alone_or_against_a_broken_one()
    {
        var notJudged = HierarchicalReward.Score(Evaluation.NotJudged(), PpaMetrics.Unmeasured, ObjectiveWeights.Equal);
        var broken = HierarchicalReward.Score(Evaluation.DidNotCompile(FailureClass.Syntax), PpaMetrics.Unmeasured, ObjectiveWeights.Equal);

        Assert.Null(RewardRanking.Best(["a"], _ => notJudged));
        Assert.Equal("broken", RewardRanking.Best(["not judged", "broken"], c => c == "broken" ? broken : notJudged)?.Candidate);
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
