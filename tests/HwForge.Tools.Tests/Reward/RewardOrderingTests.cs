using HwForge.Tools.Reward;
using HwForge.Tools.Targets;

namespace HwForge.Tools.Tests.Reward;

/// <summary>
/// The ordering guarantees, checked over many random cases from a fixed seed (so a failure reproduces):
/// no failing design ever outranks a passing one, no unproven design a proven one, and each tier stays in its band.
/// </summary>
public sealed class RewardOrderingTests
{
    private const int Cases = 5000;

    [Fact]
    public void A_failing_design_never_outranks_a_passing_one()
    {
        var random = new Random(20240601);
        for (var i = 0; i < Cases; i++)
        {
            var baseline = RandomPpa(random);
            var weights = RandomWeights(random);
            var failing = HierarchicalReward.Score(RandomFailure(random), baseline, weights);
            var passing = HierarchicalReward.Score(Evaluation.Passed(RandomPpa(random), RandomPass(random)), baseline, weights);
            Assert.True(passing.Reward > failing.Reward,
                $"case {i}: passing {passing.Explanation} vs failing {failing.Explanation}");
        }
    }

    [Fact]
    public void A_wrong_design_always_outranks_one_that_does_not_compile()
    {
        var random = new Random(7);
        for (var i = 0; i < Cases; i++)
        {
            var wrong = HierarchicalReward.Score(Evaluation.FunctionallyWrong(random.NextDouble()), PpaMetrics.Unmeasured, ObjectiveWeights.Equal);
            var broken = HierarchicalReward.Score(Evaluation.DidNotCompile(FailureClass.Syntax), PpaMetrics.Unmeasured, ObjectiveWeights.Equal);
            Assert.True(wrong.Reward > broken.Reward, $"case {i}: {wrong.Explanation}");
        }
    }

    [Fact]
    public void Every_reward_stays_inside_its_tier_band()
    {
        var random = new Random(42);
        for (var i = 0; i < Cases; i++)
        {
            var baseline = RandomPpa(random);
            var evaluation = random.Next(2) == 0 ? RandomFailure(random) : Evaluation.Passed(RandomPpa(random), RandomPass(random));
            var result = HierarchicalReward.Score(evaluation, baseline, RandomWeights(random));
            var (low, high) = result.Tier switch
            {
                RewardTier.DoesNotCompile => (0.0, 0.0),
                RewardTier.FunctionallyWrong => (0.1, 0.3),
                RewardTier.Unproven when evaluation.Assurance == Assurance.Simulated => (0.33, 0.39),
                RewardTier.Unproven => (0.43, 0.49),
                _ => (0.5, 2.0),
            };
            Assert.InRange(result.Reward, low - 1e-12, high + 1e-12);
            Assert.Equal(evaluation.Tier, result.Tier);
        }
    }

    [Fact]
    public void A_smaller_faster_cooler_design_never_scores_below_the_one_it_improves_on()
    {
        var random = new Random(99);
        for (var i = 0; i < Cases; i++)
        {
            var baseline = new PpaMetrics(Positive(random), Positive(random), Positive(random));
            var better = new PpaMetrics(baseline.Area * random.NextDouble(), baseline.Delay * random.NextDouble(), baseline.Power * random.NextDouble());
            var weights = RandomWeights(random);
            var assurance = RandomPass(random);
            var unchanged = HierarchicalReward.Score(Evaluation.Passed(baseline, assurance), baseline, weights);
            var score = HierarchicalReward.Score(Evaluation.Passed(better, assurance), baseline, weights);
            Assert.True(score.Reward >= unchanged.Reward, $"case {i}: {score.Explanation}");
        }
    }

    [Fact]
    public void A_proven_design_outranks_every_unproven_one_whatever_the_ppa()
    {
        var random = new Random(12);
        for (var i = 0; i < Cases; i++)
        {
            var baseline = RandomPpa(random);
            var weights = RandomWeights(random);
            var proven = HierarchicalReward.Score(Evaluation.Passed(RandomPpa(random), Assurance.Proven), baseline, weights);
            var unproven = HierarchicalReward.Score(Evaluation.Passed(RandomPpa(random), random.Next(2) == 0 ? Assurance.Bounded : Assurance.Simulated), baseline, weights);
            Assert.True(proven.Reward > unproven.Reward, $"case {i}: proven {proven.Explanation} vs {unproven.Explanation}");
            Assert.True(proven.Tier > unproven.Tier);
        }
    }

    [Fact]
    public void A_bounded_design_outranks_every_simulated_one_whatever_the_ppa()
    {
        var random = new Random(13);
        for (var i = 0; i < Cases; i++)
        {
            var baseline = RandomPpa(random);
            var weights = RandomWeights(random);
            var bounded = HierarchicalReward.Score(Evaluation.Passed(RandomPpa(random), Assurance.Bounded), baseline, weights);
            var simulated = HierarchicalReward.Score(Evaluation.Passed(RandomPpa(random), Assurance.Simulated), baseline, weights);
            Assert.True(bounded.Reward > simulated.Reward, $"case {i}: {bounded.Explanation} vs {simulated.Explanation}");
        }
    }

    private static Evaluation RandomFailure(Random random) => random.Next(3) switch
    {
        0 => Evaluation.DidNotCompile(FailureClass.Syntax),
        1 => Evaluation.FunctionallyWrong(null),
        _ => Evaluation.FunctionallyWrong(random.NextDouble()),
    };

    // Values span 0 to 10× so regressions far past the −50% clamp, zero baselines and gaps all occur.
    private static PpaMetrics RandomPpa(Random random) => new(Maybe(random), Maybe(random), Maybe(random));

    private static double? Maybe(Random random) => random.Next(6) switch
    {
        0 => null,
        1 => 0,
        _ => Positive(random),
    };

    private static double Positive(Random random) => Math.Exp(random.NextDouble() * Math.Log(1000)) / 100;

    private static ObjectiveWeights RandomWeights(Random random) =>
        new(Weight(random), Weight(random), Weight(random));

    private static double Weight(Random random) => random.Next(4) == 0 ? 0 : random.NextDouble() * 10;

    private static Assurance RandomPass(Random random) => random.Next(3) switch
    {
        0 => Assurance.Simulated,
        1 => Assurance.Bounded,
        _ => Assurance.Proven,
    };
}
