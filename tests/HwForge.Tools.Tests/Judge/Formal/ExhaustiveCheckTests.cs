using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Tools.Tests.Judge.Formal;

/// <summary>The enumeration on graphs built by hand: a proof when no pattern differs, the exact pattern when one does.</summary>
public sealed class ExhaustiveCheckTests
{
    /// <summary>x ^ y written two ways, over many inputs, so patterns cross words, vectors and blocks.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(13)]
    [InlineData(22)]
    public void Two_structures_of_the_same_function_are_proven_on_every_pattern(int inputs)
    {
        var aig = new AigBuilder();
        var bits = Enumerable.Range(0, inputs).Select(_ => aig.Input()).ToList();
        var parity = bits.Aggregate(AigBuilder.False, aig.Xor);
        // (x ^ y) as (x | y) & !(x & y), from the other end.
        var other = Enumerable.Reverse(bits).Aggregate(AigBuilder.False, (p, x) => aig.And(aig.Or(p, x), AigBuilder.Not(aig.And(p, x))));
        aig.Output(aig.Xor(parity, other));
        var result = ExhaustiveCheck.Run(aig.ToGraph(), TimeSpan.FromMinutes(1));
        Assert.True(result.Completed);
        Assert.Null(result.FailingPattern);
        Assert.Equal(1UL << inputs, result.Patterns);
    }

    /// <summary>A difference on one pattern of 2^20 (what random simulation misses) is found, and it is that pattern.</summary>
    [Theory]
    [InlineData(0x00000UL)]
    [InlineData(0x5A5A5UL)]
    [InlineData(0xFFFFFUL)]
    public void A_difference_on_a_single_pattern_is_found_exactly(ulong only)
    {
        var aig = new AigBuilder();
        var bits = Enumerable.Range(0, 20).Select(_ => aig.Input()).ToList();
        var equal = bits.Select((x, i) => (only >> i & 1) == 1 ? x : AigBuilder.Not(x)).Aggregate(AigBuilder.True, aig.And);
        aig.Output(equal);
        var result = ExhaustiveCheck.Run(aig.ToGraph(), TimeSpan.FromMinutes(1));
        Assert.True(result.Completed);
        Assert.Equal(only, result.FailingPattern);
        Assert.Equal(string.Concat(Enumerable.Range(0, 20).Select(i => (only >> i & 1) == 1 ? '1' : '0')),
            ExhaustiveCheck.ToCounterexample(only, 20).Split('\n')[1]);
    }

    [Fact]
    public void Constant_outputs_are_decided_without_inputs()
    {
        var never = new AigBuilder();
        never.Output(AigBuilder.False);
        Assert.Null(ExhaustiveCheck.Run(never.ToGraph(), TimeSpan.FromSeconds(10)).FailingPattern);
        var always = new AigBuilder();
        always.Output(AigBuilder.True);
        Assert.Equal(0UL, ExhaustiveCheck.Run(always.ToGraph(), TimeSpan.FromSeconds(10)).FailingPattern);
    }

    [Fact]
    public void Sequential_graphs_and_graphs_past_the_limit_are_not_candidates()
    {
        var sequential = new AigBuilder();
        var latch = sequential.ZeroLatch();
        sequential.SetNext(latch, sequential.Input());
        sequential.Output(latch);
        Assert.Null(ExhaustiveCheck.EstimatedSeconds(sequential.ToGraph()));
        var wide = new AigBuilder();
        wide.Output(Enumerable.Range(0, ExhaustiveCheck.MaxInputs + 1).Select(_ => wide.Input()).Aggregate(AigBuilder.True, wide.And));
        Assert.Null(ExhaustiveCheck.EstimatedSeconds(wide.ToGraph()));
    }
}
