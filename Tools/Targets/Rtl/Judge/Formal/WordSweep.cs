using System.Diagnostics;

namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>
/// Merges named words of the design into equal named words of the reference, each pair proven equal as a whole by
/// <see cref="WordRewriting"/> for every value of the inputs and registers: a multiplier's product on one side and
/// the other's <c>a * b</c>. No single product bit can be matched (each reads 32 input bits, past enumeration, and
/// SAT does not match two multiplier structures), and the accumulator behind them cannot be proven either, because
/// its word rewritten modulo 2^40 through two different multipliers grows past any budget (the sign-extended top bit
/// of a product does not cancel as it does modulo 2^32). With the products merged, both accumulators add the same
/// signals, and the induction behind (<see cref="SignalCorrespondence"/>) settles them.
/// </summary>
/// <remarks>
/// Pairs come from simulation: a design word and a reference word whose bits agree, bit k with bit k, on random
/// inputs and registers, over their longest common prefix of at least two bits. The proof holds in every state,
/// reachable or not, so the merged miter behaves exactly as the original, cycle by cycle; nothing is assumed.
/// </remarks>
internal static class WordSweep
{
    /// <param name="Map">Takes a literal of the graph swept to the one that stands for it in <see cref="Graph"/>.</param>
    public sealed record Result(AigGraph Graph, int Words, int Bits, TimeSpan Elapsed, Func<int, int> Map);

    private const int SignatureWords = 4;

    public static Result Run(AigGraph graph, IReadOnlyList<EquivalenceMiter.NamedWord> words, TimeSpan limit, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var firstAnd = 1 + graph.InputCount + graph.LatchCount;
        var variables = firstAnd + graph.AndCount;
        var unchanged = new Result(graph, 0, 0, clock.Elapsed, l => l);
        if (words.Count == 0) return unchanged;
        var values = new ulong[variables * SignatureWords];
        var random = new Random(20261207);
        for (var i = SignatureWords; i < firstAnd * SignatureWords; i++) values[i] = (ulong)random.NextInt64() ^ (ulong)random.NextInt64() << 32;
        graph.EvaluateGates(values, SignatureWords);
        (ulong, ulong, ulong, ulong) Signature(int literal)
        {
            var flip = (literal & 1) == 1 ? ulong.MaxValue : 0;
            var at = (literal >> 1) * SignatureWords;
            return (values[at] ^ flip, values[at + 1] ^ flip, values[at + 2] ^ flip, values[at + 3] ^ flip);
        }

        // Reference words by the signatures of their two lowest bits.
        var references = new Dictionary<((ulong, ulong, ulong, ulong), (ulong, ulong, ulong, ulong)), List<EquivalenceMiter.NamedWord>>();
        foreach (var word in words.Where(w => w.Reference && w.Bits[0] is not null && w.Bits[1] is not null))
        {
            var key = (Signature(word.Bits[0]!.Value), Signature(word.Bits[1]!.Value));
            if (!references.TryGetValue(key, out var list)) references[key] = list = [];
            list.Add(word);
        }
        var pairs = new List<(int[] Design, int[] Reference)>();
        foreach (var word in words.Where(w => !w.Reference && w.Bits[0] is not null && w.Bits[1] is not null))
        {
            if (!references.TryGetValue((Signature(word.Bits[0]!.Value), Signature(word.Bits[1]!.Value)), out var candidates)) continue;
            foreach (var reference in candidates)
            {
                var n = 0;
                while (n < Math.Min(word.Bits.Count, reference.Bits.Count) && word.Bits[n] is { } d && reference.Bits[n] is { } r && Signature(d) == Signature(r)) n++;
                var design = word.Bits.Take(n).Select(b => b!.Value).ToArray();
                var matched = reference.Bits.Take(n).Select(b => b!.Value).ToArray();
                // Something to merge (a design gate not yet the same literal), and an arithmetic word: distinct signals.
                if (design.Zip(matched).All(p => p.First == p.Second) || design.Distinct().Count() < n) continue;
                pairs.Add((design, matched));
            }
        }
        if (pairs.Count == 0) return unchanged with { Elapsed = clock.Elapsed };

        var representative = new int[variables];
        for (var v = 0; v < variables; v++) representative[v] = v * 2;
        var (proven, merged) = (0, 0);
        // Narrow words first: a product is proven before its sign extension, whose bits are then merged already.
        foreach (var (design, reference) in pairs.OrderBy(p => p.Design.Length))
        {
            if (clock.Elapsed > limit) break;
            cancellation.ThrowIfCancellationRequested();
            if (design.Zip(reference).All(p => Merged(p.First) == p.Second || p.First == p.Second)) continue;
            var terms = new List<WordRewriting.Term>();
            for (var k = 0; k < design.Length; k++)
            {
                terms.Add(new(design[k], 1UL << k));
                terms.Add(new(reference[k], 0UL - (1UL << k)));
            }
            if (WordRewriting.IsZero(graph, terms, design.Length, (limit - clock.Elapsed) / 2, cancellation).Zero is not true) continue;
            proven++;
            for (var k = 0; k < design.Length; k++)
            {
                var (gate, into) = (design[k] >> 1, reference[k] ^ (design[k] & 1));
                // Only a gate is replaced, and only by an earlier signal (the reference's gates come first).
                if (gate < firstAnd || into >> 1 >= gate || representative[gate] != gate * 2) continue;
                representative[gate] = Merged(into);
                merged++;
            }
        }
        if (merged == 0) return unchanged with { Elapsed = clock.Elapsed, Words = proven };
        var swept = AigRebuild.Merged(graph, representative, out var map);
        return new Result(swept, proven, merged, clock.Elapsed, map);

        int Merged(int literal) => representative[literal >> 1] ^ (literal & 1);
    }
}
