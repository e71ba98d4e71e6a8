using HwForge.Tools.Judge;
using HwForge.Tools.Reward;

namespace HwForge.Tools.Tests.Reward;

/// <summary>
/// The ordering guarantees, checked over many random cases from a fixed seed (so a failure reproduces):
/// no failing design ever outranks a passing one, and each tier stays in its band.
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
            var passing = HierarchicalReward.Score(Evaluation.Verified(RandomPpa(random), RandomFormal(random)), baseline, weights);
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
            var evaluation = random.Next(2) == 0 ? RandomFailure(random) : Evaluation.Verified(RandomPpa(random), RandomFormal(random));
            var result = HierarchicalReward.Score(evaluation, baseline, RandomWeights(random));
            var (low, high) = result.Tier switch
            {
                RewardTier.DoesNotCompile => (0.0, 0.0),
                RewardTier.FunctionallyWrong => (0.1, 0.3),
                _ => (0.5, 2.01),
            };
            Assert.InRange(result.Reward, low, high + 1e-12);
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
            var score = HierarchicalReward.Score(Evaluation.Verified(better), baseline, weights);
            Assert.True(score.Reward >= 1.0, $"case {i}: {score.Explanation}");
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

    private static FormalAssurance RandomFormal(Random random) => (FormalAssurance)random.Next(3);
}
