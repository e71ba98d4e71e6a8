using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Tools.Tests.Judge.Formal;

/// <summary>Signal correspondence on graphs built by hand: invariants of reachable states merged, differences never.</summary>
public sealed class SignalCorrespondenceGraphTests
{
    /// <summary>
    /// Two accumulators (s' = s xor r) fed by two registers loaded with the same input: the registers are equal
    /// in every reachable state but not in every state, and so are the accumulators; induction shows both.
    /// </summary>
    [Fact]
    public void Accumulators_equal_in_every_reachable_state_are_merged_and_the_miter_becomes_false()
    {
        var aig = new AigBuilder();
        var x = aig.Input();
        var (r1, s1, r2, s2) = (aig.ZeroLatch(), aig.ZeroLatch(), aig.ZeroLatch(), aig.ZeroLatch());
        aig.SetNext(r1, x);
        aig.SetNext(s1, aig.Xor(s1, r1));
        aig.SetNext(r2, x);
        // The same update written another way: s2 == r2 ? 0 : 1 is s2 xor r2.
        aig.SetNext(s2, aig.Or(aig.And(s2, AigBuilder.Not(r2)), aig.And(AigBuilder.Not(s2), r2)));
        aig.Output(aig.Xor(s1, s2));

        var result = SignalCorrespondence.Run(aig.ToGraph(), TimeSpan.FromMinutes(1));
        Assert.True(result.Completed);
        Assert.Equal(AigBuilder.False, result.Graph.Outputs[0]);
    }

    /// <summary>One accumulator skips its update when a rare condition held a cycle earlier: never merged with the other.</summary>
    [Fact]
    public void Accumulators_that_differ_after_a_rare_event_are_not_merged()
    {
        var aig = new AigBuilder();
        var x = aig.Input();
        var rare = Enumerable.Range(0, 12).Select(_ => aig.Input()).ToList();
        var seen = aig.ZeroLatch();
        aig.SetNext(seen, rare.Aggregate(AigBuilder.True, aig.And));
        var (s1, s2) = (aig.ZeroLatch(), aig.ZeroLatch());
        aig.SetNext(s1, aig.Xor(s1, x));
        aig.SetNext(s2, aig.Xor(s2, aig.And(x, AigBuilder.Not(seen))));
        aig.Output(aig.Xor(s1, s2));

        var result = SignalCorrespondence.Run(aig.ToGraph(), TimeSpan.FromMinutes(1));
        Assert.NotEqual(AigBuilder.False, result.Graph.Outputs[0]);
    }

    /// <summary>
    /// Two 20-bit counters written two ways: simulation from reset never sets
    /// their top bits, so those all join the constant's class and are refuted in the step. Split by their values
    /// (van Eijk's refinement) rather than dropped, each top bit meets the other counter's bit, and the miter closes.
    /// </summary>
    [Fact]
    public void Counter_bits_that_simulation_never_set_are_split_from_the_constant_and_matched_bit_for_bit()
    {
        const int width = 20;
        var aig = new AigBuilder();
        var enable = aig.Input();
        var up = Enumerable.Range(0, width).Select(_ => aig.ZeroLatch()).ToList();
        var other = Enumerable.Range(0, width).Select(_ => aig.ZeroLatch()).ToList();
        var carry = enable;
        for (var k = 0; k < width; k++)
        {
            aig.SetNext(up[k], aig.Xor(up[k], carry));
            carry = aig.And(up[k], carry);
        }
        // The other counter flips bit k when every bit below is set, each bit's condition built on its own.
        for (var k = 0; k < width; k++)
            aig.SetNext(other[k], aig.Xor(other[k], other.Take(k).Aggregate(enable, aig.And)));
        aig.Output(Enumerable.Range(0, width).Select(k => aig.Xor(up[k], other[k])).Aggregate(AigBuilder.False, aig.Or));

        var result = SignalCorrespondence.Run(aig.ToGraph(), TimeSpan.FromMinutes(1));
        Assert.True(result.Completed);
        Assert.Equal(AigBuilder.False, result.Graph.Outputs[0]);
    }
}
