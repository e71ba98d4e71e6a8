using HwForge.Tools.Reward;
using HwForge.WebUI.Runs;

namespace HwForge.WebUI.Tests;

/// <summary>A follow-up's words about objectives become the refined run's weights; one naming none keeps the earlier run's.</summary>
public sealed class FollowUpObjectivesTests
{
    [Theory]
    [InlineData("make it smaller", 4, 1, 1)]
    [InlineData("can it use fewer cells?", 4, 1, 1)]
    [InlineData("Faster, please", 1, 4, 1)]
    [InlineData("I need a higher clock", 1, 4, 1)]
    [InlineData("lower power", 1, 1, 4)]
    [InlineData("smaller and more energy-efficient", 4, 1, 4)]
    public void The_objective_a_follow_up_names_counts_four_times_the_others(string message, double area, double delay, double power)
    {
        var (weights, said) = FollowUpObjectives.Read(message, ObjectiveWeights.Equal);

        Assert.Equal(new ObjectiveWeights(area, delay, power), weights);
        Assert.Contains($"(area {area:0}, delay {delay:0}, power {power:0})", said);
        Assert.Contains(message.Trim(), said);
    }

    [Theory]
    [InlineData("use 3 pipeline stages")]
    [InlineData("try the Booth multiplier")]
    [InlineData("make it 8 bits")]
    public void A_follow_up_naming_no_objective_keeps_the_earlier_runs_weights(string message)
    {
        var earlier = new ObjectiveWeights(4, 1, 1);

        var (weights, said) = FollowUpObjectives.Read(message, earlier);

        Assert.Same(earlier, weights);
        Assert.Null(said);
    }
}
