using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Tools.Tests.Judge.Formal;

/// <summary>
/// The rewriting engine against brute force on graphs small enough to evaluate on every input: a weighted sum it
/// calls zero must be zero on every pattern, one it refutes must be nonzero at its witness, and on these sizes it
/// must decide. Random graphs (any gate, any weight) test the polynomial arithmetic itself; adders built two ways,
/// half of them with one planted difference on a single input pattern, test the case it exists for.
/// </summary>
public sealed class WordRewritingTests
{
    private const int Inputs = 8;

    [Fact]
    public void On_random_graphs_and_weights_every_answer_agrees_with_evaluating_all_inputs()
    {
        var random = new Random(12);
        var (zeros, nonzeros) = (0, 0);
        for (var trial = 0; trial < 300; trial++)
        {
            var aig = new AigBuilder();
            var signals = Enumerable.Range(0, Inputs).Select(_ => aig.Input()).ToList();
            for (var g = 0; g < 25; g++)
                signals.Add(aig.And(Pick(random, signals), Pick(random, signals)));
            var bits = random.Next(1, 9);
            var picked = Enumerable.Range(0, random.Next(1, 5)).Select(_ => Pick(random, signals)).ToList();
            // A sum that is zero by construction half the time: each signal once with w and once with −w.
            var weights = picked.Select(_ => (ulong)random.Next(1, 1 << bits)).ToList();
            var cancel = trial % 2 == 0;
            foreach (var s in picked) aig.Output(s);
            if (cancel) foreach (var s in picked) aig.Output(s);
            var graph = aig.ToGraph();
            var terms = new List<WordRewriting.Term>();
            for (var i = 0; i < picked.Count; i++)
            {
                terms.Add(new(graph.Outputs[i], weights[i]));
                if (cancel) terms.Add(new(graph.Outputs[picked.Count + i], 0UL - weights[i]));
            }
            var expectedZero = Enumerable.Range(0, 1 << Inputs).All(p => Sum(graph, terms, bits, p) == 0);
            Check(graph, terms, bits, expectedZero);
            if (expectedZero) zeros++; else nonzeros++;
        }
        Assert.True(zeros > 100 && nonzeros > 50, $"{zeros} zero and {nonzeros} nonzero sums");
    }

    [Fact]
    public void Two_adders_built_differently_are_equal_and_one_wrong_on_a_single_pattern_is_refuted_there()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 40; trial++)
        {
            var aig = new AigBuilder();
            var a = Enumerable.Range(0, 4).Select(_ => aig.Input()).ToList();
            var b = Enumerable.Range(0, 4).Select(_ => aig.Input()).ToList();
            // Ripple with xor and majority, against ripple with a multiplexed carry.
            var (design, reference) = (new List<int>(), new List<int>());
            var (c1, c2) = (AigBuilder.False, AigBuilder.False);
            for (var k = 0; k < 4; k++)
            {
                design.Add(aig.Xor(aig.Xor(a[k], b[k]), c1));
                c1 = aig.Or(aig.Or(aig.And(a[k], b[k]), aig.And(a[k], c1)), aig.And(b[k], c1));
                var p = aig.Xor(a[k], b[k]);
                reference.Add(aig.Xor(p, c2));
                c2 = aig.Ite(p, c2, a[k]);
            }
            design.Add(c1);
            reference.Add(c2);
            var wrong = trial % 2 == 1;
            if (wrong)
            {
                // Flip one bit on exactly one of the 256 patterns.
                var pattern = random.Next(256);
                var hit = Enumerable.Range(0, Inputs).Select(i => ((pattern >> i) & 1) == 1 ? (i < 4 ? a[i] : b[i - 4]) : AigBuilder.Not(i < 4 ? a[i] : b[i - 4]))
                    .Aggregate(AigBuilder.True, aig.And);
                var bit = random.Next(5);
                design[bit] = aig.Xor(design[bit], hit);
            }
            foreach (var d in design) aig.Output(d);
            foreach (var r in reference) aig.Output(r);
            var graph = aig.ToGraph();
            var terms = new List<WordRewriting.Term>();
            for (var k = 0; k < 5; k++)
            {
                terms.Add(new(graph.Outputs[k], 1UL << k));
                terms.Add(new(graph.Outputs[5 + k], 0UL - (1UL << k)));
            }
            Check(graph, terms, 5, expectedZero: !wrong);
        }
    }

    private static void Check(AigGraph graph, List<WordRewriting.Term> terms, int bits, bool expectedZero)
    {
        var outcome = WordRewriting.IsZero(graph, terms, bits, TimeSpan.FromSeconds(30));
        Assert.Equal(expectedZero, outcome.Zero);
        if (outcome.Zero is false)
        {
            Assert.NotNull(outcome.Witness);
            var pattern = outcome.Witness!.Aggregate(0, (p, v) => p | 1 << (v - 1));
            Assert.NotEqual(0UL, Sum(graph, terms, bits, pattern));
        }
    }

    private static int Pick(Random random, List<int> signals) => signals[random.Next(signals.Count)] ^ random.Next(2);

    /// <summary>Σ weight × signal modulo 2^bits on one input pattern (input i is bit i of <paramref name="pattern"/>).</summary>
    private static ulong Sum(AigGraph graph, List<WordRewriting.Term> terms, int bits, int pattern)
    {
        var firstAnd = 1 + graph.InputCount + graph.LatchCount;
        var value = new bool[firstAnd + graph.AndCount];
        for (var i = 0; i < graph.InputCount; i++) value[1 + i] = ((pattern >> i) & 1) == 1;
        bool Literal(int l) => value[l >> 1] ^ ((l & 1) == 1);
        for (var k = 0; k < graph.AndCount; k++) value[firstAnd + k] = Literal(graph.AndLeft[k]) && Literal(graph.AndRight[k]);
        var sum = terms.Aggregate(0UL, (s, t) => Literal(t.Literal) ? s + t.Weight : s);
        return sum & ((1UL << bits) - 1);
    }
}
