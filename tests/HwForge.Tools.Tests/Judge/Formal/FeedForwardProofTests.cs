using HwForge.Tools.Judge;

namespace HwForge.Tools.Tests.Judge.Formal;

/// <summary>
/// The pipeline proof on graphs built by hand: the depth of register chains, register feedback refused,
/// a difference that needs several cycles of inputs found in its cycle, and a pipeline that never differs proven.
/// </summary>
public sealed class FeedForwardProofTests
{
    [Fact]
    public void A_chain_of_registers_has_the_depth_of_its_length()
    {
        var aig = new AigBuilder();
        var x = aig.Input();
        var (r1, r2, r3) = (aig.ZeroLatch(), aig.ZeroLatch(), aig.ZeroLatch());
        aig.SetNext(r1, x);
        aig.SetNext(r2, aig.And(r1, x));
        aig.SetNext(r3, AigBuilder.Not(r2));
        aig.Output(r3);
        Assert.Equal(3, FeedForwardProof.Depth(aig.ToGraph()));
    }

    [Fact]
    public void A_register_that_feeds_itself_through_others_is_feedback_and_not_a_pipeline()
    {
        // A two-bit counter: each bit's next value reads the bits themselves.
        var aig = new AigBuilder();
        var enable = aig.Input();
        var (b0, b1) = (aig.ZeroLatch(), aig.ZeroLatch());
        aig.SetNext(b0, aig.Xor(b0, enable));
        aig.SetNext(b1, aig.Xor(b1, aig.And(b0, enable)));
        aig.Output(aig.And(b0, b1));
        Assert.Null(FeedForwardProof.Depth(aig.ToGraph()));
    }

    [Fact]
    public void A_loop_through_a_second_register_is_feedback_too()
    {
        var aig = new AigBuilder();
        var x = aig.Input();
        var (a, b) = (aig.ZeroLatch(), aig.ZeroLatch());
        aig.SetNext(a, aig.And(b, x));
        aig.SetNext(b, a);
        aig.Output(a);
        Assert.Null(FeedForwardProof.Depth(aig.ToGraph()));
    }

    /// <summary>Raised only when the input was 1 in three cycles running: the first chance is cycle 2, and the replayed inputs say so.</summary>
    [Fact]
    public void A_difference_that_needs_three_cycles_of_inputs_is_found_in_cycle_two_with_those_inputs()
    {
        var aig = new AigBuilder();
        var x = aig.Input();
        var quiet = aig.Input();
        var (r1, r2) = (aig.ZeroLatch(), aig.ZeroLatch());
        aig.SetNext(r1, x);
        aig.SetNext(r2, r1);
        aig.Output(aig.And(aig.And(r2, r1), aig.And(x, AigBuilder.Not(quiet))));
        var graph = aig.ToGraph();
        var depth = FeedForwardProof.Depth(graph);
        Assert.Equal(2, depth);

        var result = FeedForwardProof.Run(graph, depth!.Value, TimeSpan.FromMinutes(1));
        Assert.True(result.Completed);
        Assert.Equal(2, result.FailingCycle);
        // A line of register start values, then one line per cycle: x = 1, quiet = 0 in each.
        Assert.Equal(["", "10", "10", "10", ""], result.Counterexample!.Split('\n'));
    }

    /// <summary>Two registers loaded with the same value, compared: different latches, so nothing folds them; never different.</summary>
    [Fact]
    public void Two_pipelines_that_always_agree_are_proven_in_every_cycle()
    {
        var aig = new AigBuilder();
        var inputs = Enumerable.Range(0, 6).Select(_ => aig.Input()).ToList();
        var sum = inputs.Aggregate(AigBuilder.False, aig.Xor);
        var (left, right) = (aig.ZeroLatch(), aig.ZeroLatch());
        aig.SetNext(left, sum);
        // The same parity from the other end, so the two next-state functions are different gates.
        aig.SetNext(right, Enumerable.Reverse(inputs).Aggregate(AigBuilder.False, (p, v) => aig.And(aig.Or(p, v), AigBuilder.Not(aig.And(p, v)))));
        var (delayedLeft, delayedRight) = (aig.ZeroLatch(), aig.ZeroLatch());
        aig.SetNext(delayedLeft, left);
        aig.SetNext(delayedRight, right);
        aig.Output(aig.Xor(delayedLeft, delayedRight));
        var graph = aig.ToGraph();

        var result = FeedForwardProof.Run(graph, FeedForwardProof.Depth(graph)!.Value, TimeSpan.FromMinutes(1));
        Assert.True(result.Completed);
        Assert.Null(result.FailingCycle);
        Assert.Equal(2, result.Depth);
    }

    [Fact]
    public void A_cycle_that_depends_on_more_input_bits_than_are_enumerated_is_left_to_the_other_engines()
    {
        var aig = new AigBuilder();
        var inputs = Enumerable.Range(0, ExhaustiveCheck.MaxInputs + 1).Select(_ => aig.Input()).ToList();
        var all = aig.ZeroLatch();
        aig.SetNext(all, inputs.Aggregate(AigBuilder.True, aig.And));
        aig.Output(all);
        var graph = aig.ToGraph();

        var result = FeedForwardProof.Run(graph, FeedForwardProof.Depth(graph)!.Value, TimeSpan.FromMinutes(1));
        Assert.False(result.Completed);
        Assert.Contains("input bits", result.WhyNot);
    }
}
