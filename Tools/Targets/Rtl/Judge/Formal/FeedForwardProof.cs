using System.Diagnostics;
using System.Text;

namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>
/// Proves a sequential miter whose registers have no feedback (a pipeline: no register depends, through any
/// chain of others, on itself) by checking its first D + 1 cycles from the start, D being the longest chain of
/// registers. After D cycles every register holds a function of the last D cycles' inputs alone, whatever it
/// held before; so cycle t ≥ D computes the same function of inputs t − D..t as cycle D does, and no difference
/// in cycles 0..D means none in any cycle. A complete proof, not a bound.
/// </summary>
/// <remarks>
/// Each cycle's difference is a combinational function of the inputs of the cycles before it, and is
/// enumerated on every pattern of its support (<see cref="ExhaustiveCheck"/>). That settles what SAT and ABC's
/// register correspondence cannot: one side registering a multiplier's operands and the other its product
/// (the two sides' registers then hold different functions, and the multipliers must be matched by SAT).
/// Designs with feedback (accumulators, counters, state machines) are left to ABC's engines.
/// </remarks>
internal static class FeedForwardProof
{
    /// <summary>Deeper pipelines than this are left to ABC (and a register loop never settles below it).</summary>
    public const int MaxDepth = 24;

    /// <summary>Gates of the unrolled cycles at most: beyond it the copies cost more memory than the proof is worth.</summary>
    private const int MaxUnrolledGates = 4_000_000;

    /// <param name="Completed">Every cycle was enumerated (no difference: proven), or a difference was found.</param>
    /// <param name="FailingCycle">The first cycle (0 is the first after the start) with a difference.</param>
    /// <param name="Counterexample">That difference as ABC writes one (<c>write_cex -a</c>), for replay.</param>
    /// <param name="WhyNot">When not completed: why the enumeration was not done.</param>
    /// <param name="TooWide">Not completed because a cycle reads too many input bits to enumerate: SAT may still settle the unrolled cycles.</param>
    public sealed record Result(bool Completed, int Depth, int? FailingCycle, string? Counterexample, int LargestSupport, TimeSpan Elapsed, string? WhyNot, bool TooWide = false);

    /// <summary>
    /// The longest chain of registers through which an input reaches a register (1: each register is fed by
    /// inputs alone); null when a register feeds back into itself, or the chain is deeper than <see cref="MaxDepth"/>.
    /// </summary>
    public static int? Depth(AigGraph graph)
    {
        var firstLatch = 1 + graph.InputCount;
        var firstAnd = firstLatch + graph.LatchCount;
        var latchDepth = new int[graph.LatchCount];
        // Each variable's deepest register in its combinational support (0: none).
        var reach = new int[firstAnd + graph.AndCount];
        // Relaxation: a register's depth is one more than the deepest register feeding it. Without feedback it
        // settles after at most depth + 1 rounds; with feedback it grows every round.
        for (var round = 0; round <= MaxDepth + 1; round++)
        {
            for (var i = 0; i < graph.LatchCount; i++) reach[firstLatch + i] = latchDepth[i];
            for (var k = 0; k < graph.AndCount; k++)
                reach[firstAnd + k] = Math.Max(reach[graph.AndLeft[k] >> 1], reach[graph.AndRight[k] >> 1]);
            var changed = false;
            for (var i = 0; i < graph.LatchCount; i++)
            {
                var depth = 1 + reach[graph.LatchNext[i] >> 1];
                if (depth > MaxDepth) return null;
                if (depth != latchDepth[i]) { latchDepth[i] = depth; changed = true; }
            }
            if (!changed) return graph.LatchCount == 0 ? 0 : latchDepth.Max();
        }
        return null;
    }

    /// <summary>
    /// Enumerates cycles 0..depth of <paramref name="graph"/> (a miter: output 0 raised where the sides differ)
    /// from its start state, within <paramref name="limit"/>; not completed when a cycle's support is too wide
    /// or its enumeration would not fit the limit.
    /// </summary>
    public static Result Run(AigGraph graph, int depth, TimeSpan limit, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        if ((long)(depth + 1) * graph.AndCount > MaxUnrolledGates)
            return new Result(false, depth, null, null, 0, clock.Elapsed, $"the {depth + 1} unrolled cycles would exceed {MaxUnrolledGates} gates");
        var unrolled = Unroll(graph, depth);

        // Every cycle's cone first: if one is too wide to enumerate, nothing is spent on the others.
        var cones = new List<(AigGraph Graph, int[] Support)>();
        var estimate = 0.0;
        foreach (var output in unrolled.Outputs)
        {
            var cone = AigCone.Of(unrolled, output);
            if (cone.Support.Length > ExhaustiveCheck.MaxInputs)
                return new Result(false, depth, null, null, cone.Support.Length, clock.Elapsed,
                    $"cycle {cones.Count} depends on {cone.Support.Length} input bits, more than the {ExhaustiveCheck.MaxInputs} enumerated", TooWide: true);
            estimate += ExhaustiveCheck.EstimatedSeconds(cone.Graph) ?? double.PositiveInfinity;
            cones.Add(cone);
        }
        var largest = cones.Max(c => c.Support.Length);
        if (estimate > (limit - clock.Elapsed).TotalSeconds)
            return new Result(false, depth, null, null, largest, clock.Elapsed, $"enumerating the {depth + 1} cycles would take about {estimate:0} s", TooWide: true);

        for (var cycle = 0; cycle < cones.Count; cycle++)
        {
            cancellation.ThrowIfCancellationRequested();
            var (cone, support) = cones[cycle];
            var result = ExhaustiveCheck.Run(cone, limit - clock.Elapsed, cancellation);
            if (!result.Completed)
                return new Result(false, depth, null, null, largest, clock.Elapsed, "the enumeration ran out of time");
            if (result.FailingPattern is { } pattern)
                return new Result(true, depth, cycle, Counterexample(pattern, support, graph.InputCount, cycle), largest, clock.Elapsed, null);
        }
        return new Result(true, depth, null, null, largest, clock.Elapsed, null);
    }

    /// <summary>
    /// Cycles 0..depth as one combinational miter for a SAT prover: raised when any of them differs. Proven false, it
    /// proves the pipeline for every cycle, by the same argument as the enumeration; null when too large to unroll.
    /// </summary>
    public static AigGraph? UnrolledMiter(AigGraph graph, int depth) =>
        (long)(depth + 1) * graph.AndCount > MaxUnrolledGates ? null : Unroll(graph, depth, combined: true);

    /// <summary>
    /// Cycles 0..depth as one combinational graph with each output word of <paramref name="words"/> copied once a cycle
    /// (ports named <c>port@cycle</c>): equal words in every cycle prove the pipeline by the same argument as the
    /// enumeration, and a word proof (<see cref="WordRewriting"/>) settles what SAT finds hard there, such as a
    /// transposed FIR against a direct one (the same sum of constant multiples, added in another order). Null when too
    /// large to unroll.
    /// </summary>
    public static (AigGraph Graph, IReadOnlyList<EquivalenceMiter.OutputWord> Words)? UnrolledWords(
        AigGraph graph, IReadOnlyList<EquivalenceMiter.OutputWord> words, int depth)
    {
        if ((long)(depth + 1) * graph.AndCount > MaxUnrolledGates) return null;
        var unrolledWords = new List<EquivalenceMiter.OutputWord>();
        return (Unroll(graph, depth, combined: true, words, unrolledWords), unrolledWords);
    }

    /// <summary>A counterexample of <see cref="UnrolledMiter"/> (one line of all cycles' inputs) as one line per cycle, for replay.</summary>
    public static string? CyclesOf(string? unrolledCounterexample, int inputs)
    {
        var line = unrolledCounterexample?.Replace("# DONE", "").Split('\n').Skip(1).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        if (line is null || inputs == 0) return null;
        var text = new StringBuilder("\n");
        for (var at = 0; at < line.Length; at += inputs) text.Append(line.AsSpan(at, Math.Min(inputs, line.Length - at))).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// Cycles 0..depth as one combinational graph: cycle c's inputs are inputs c × I .. c × I + I − 1, its
    /// difference is output c. Registers start at zero, as every register of an <see cref="AigGraph"/> does.
    /// </summary>
    private static AigGraph Unroll(AigGraph graph, int depth, bool combined = false, IReadOnlyList<EquivalenceMiter.OutputWord>? words = null,
        List<EquivalenceMiter.OutputWord>? unrolledWords = null)
    {
        var aig = new AigBuilder();
        var firstLatch = 1 + graph.InputCount;
        var firstAnd = firstLatch + graph.LatchCount;
        var literal = new int[firstAnd + graph.AndCount];
        var state = new int[graph.LatchCount];
        int Map(int l) => literal[l >> 1] ^ (l & 1);
        var differences = new List<int>();
        for (var cycle = 0; cycle <= depth; cycle++)
        {
            for (var i = 0; i < graph.InputCount; i++) literal[1 + i] = aig.Input();
            for (var i = 0; i < graph.LatchCount; i++) literal[firstLatch + i] = state[i];
            for (var k = 0; k < graph.AndCount; k++) literal[firstAnd + k] = aig.And(Map(graph.AndLeft[k]), Map(graph.AndRight[k]));
            differences.Add(Map(graph.Outputs[0]));
            if (words is not null)
                foreach (var word in words)
                    unrolledWords!.Add(new($"{word.Port}@{cycle}", word.Bits.Select(b => (Map(b.Reference), Map(b.Design))).ToList()));
            for (var i = 0; i < graph.LatchCount; i++) state[i] = Map(graph.LatchNext[i]);
        }
        if (combined) aig.Output(aig.OrAll(differences));
        else foreach (var difference in differences) aig.Output(difference);
        if (unrolledWords is not null)
        {
            // The builder numbers its nodes as they were made (each cycle's inputs between gates); the graph numbers
            // inputs first, so the words' literals are renumbered as the outputs are.
            var inGraph = aig.GraphLiterals();
            for (var w = 0; w < unrolledWords.Count; w++)
                unrolledWords[w] = unrolledWords[w] with { Bits = [.. unrolledWords[w].Bits.Select(b => (inGraph(b.Reference), inGraph(b.Design)))] };
        }
        return aig.ToGraph();
    }

    /// <summary>A failing pattern of cycle <paramref name="cycle"/> as ABC's counterexample: a line of register start values (all zero), then each cycle's inputs.</summary>
    private static string Counterexample(ulong pattern, int[] support, int inputs, int cycle)
    {
        var frames = Enumerable.Range(0, cycle + 1).Select(_ => Enumerable.Repeat('0', inputs).ToArray()).ToArray();
        for (var s = 0; s < support.Length; s++)
            if ((pattern >> s & 1) == 1) frames[support[s] / inputs][support[s] % inputs] = '1';
        var text = new StringBuilder("\n");
        foreach (var frame in frames) text.Append(frame).Append('\n');
        return text.ToString();
    }
}
