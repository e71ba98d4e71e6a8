using System.Diagnostics;

namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>
/// Merges the miter's gates that compute the same function of few inputs and register outputs, each
/// pair proven equal by enumerating every value of its support (<see cref="ExhaustiveCheck"/>), before the
/// miter goes to ABC. This is SAT sweeping with enumeration in place of SAT: a design's Booth or Wallace
/// multiplier and the reference's <c>*</c> are hard for SAT to match even at 8 bits, trivial to enumerate
/// (2^16 patterns), and once merged the rest of the proof (adders, muxes, register correspondence) is
/// easy for ABC.
/// </summary>
/// <remarks>
/// Sound for sequential miters too: register outputs are treated as free variables, so two gates merged
/// are equal in every state, reachable or not, and the swept miter behaves exactly as the original, cycle by
/// cycle. Inputs keep their positions, so a counterexample of the swept miter reads like one of the original.
/// </remarks>
internal static class ExhaustiveSweep
{
    /// <summary>Support bits a pair may have: 2^24 patterns per pair is the most worth enumerating here (a 12×12 multiplier).</summary>
    public const int MaxSupport = 24;

    private const int SignatureWords = 4;

    /// <param name="Map">Takes a literal of the graph swept to the one that stands for it in <see cref="Graph"/>.</param>
    public sealed record Result(AigGraph Graph, int Merged, int Checked, TimeSpan Elapsed, Func<int, int> Map);

    /// <param name="referenceAnds">
    /// The first gates are the reference's: only a design gate is compared, and only with a reference gate
    /// (or a constant, input or register), which is where the two sides' structures differ.
    /// </param>
    public static Result Run(AigGraph graph, int referenceAnds, TimeSpan limit, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var cuts = graph.InputCount + graph.LatchCount;
        var variables = 1 + cuts + graph.AndCount;
        var signatures = Simulate(graph, variables);
        var supports = Supports(graph, variables);

        // Each gate's representative: an earlier variable with the same function (polarity in bit 0), or itself.
        var representative = new int[variables];
        for (var v = 0; v < variables; v++) representative[v] = v * 2;
        var classes = new Dictionary<Signature, int>();
        for (var v = 0; v <= cuts; v++) classes.TryAdd(Normalised(signatures, v, out _), v);
        var (merged, checks) = (0, 0);
        for (var v = cuts + 1; v < variables && clock.Elapsed < limit; v++)
        {
            var key = Normalised(signatures, v, out var flipped);
            var fromReference = v < cuts + 1 + referenceAnds;
            if (!classes.TryGetValue(key, out var rep)) { if (fromReference) classes[key] = v; continue; }
            if (fromReference) { if (supports[rep] is null) classes[key] = v; continue; }
            if (supports[v] is not { } own) continue;
            if (supports[rep] is not { } theirs) continue;
            var support = own.Union(theirs).Order().ToArray();
            if (support.Length > MaxSupport) continue;
            Normalised(signatures, rep, out var repFlipped);
            var polarity = flipped != repFlipped ? 1 : 0;
            var pair = PairMiter(graph, support, rep, v, polarity);
            if (ExhaustiveCheck.EstimatedSeconds(pair) is not { } estimate || estimate > (limit - clock.Elapsed).TotalSeconds) continue;
            checks++;
            var result = ExhaustiveCheck.Run(pair, limit - clock.Elapsed, cancellation);
            if (result.Completed && result.FailingPattern is null)
            {
                representative[v] = representative[rep] ^ polarity;
                merged++;
            }
        }
        if (merged == 0) return new Result(graph, 0, checks, clock.Elapsed, l => l);
        var swept = AigRebuild.Merged(graph, representative, out var map);
        return new Result(swept, merged, checks, clock.Elapsed, map);
    }

    private readonly record struct Signature(ulong A, ulong B, ulong C, ulong D);

    /// <summary>The signature with pattern 0 made zero, so a gate and its complement meet in one class.</summary>
    private static Signature Normalised(ulong[] signatures, int v, out bool flipped)
    {
        var at = v * SignatureWords;
        flipped = (signatures[at] & 1) == 1;
        var mask = flipped ? ulong.MaxValue : 0;
        return new Signature(signatures[at] ^ mask, signatures[at + 1] ^ mask, signatures[at + 2] ^ mask, signatures[at + 3] ^ mask);
    }

    /// <summary>256 random patterns over inputs and register outputs (fixed seed: the same miter sweeps the same way).</summary>
    private static ulong[] Simulate(AigGraph graph, int variables)
    {
        var random = new Random(12);
        var values = new ulong[variables * SignatureWords];
        for (var i = SignatureWords; i < (1 + graph.InputCount + graph.LatchCount) * SignatureWords; i++) values[i] = (ulong)random.NextInt64() ^ (ulong)random.NextInt64() << 32;
        graph.EvaluateGates(values, SignatureWords);
        return values;
    }

    /// <summary>Each variable's support among inputs and register outputs; null past <see cref="MaxSupport"/>.</summary>
    private static int[]?[] Supports(AigGraph graph, int variables)
    {
        var supports = new int[]?[variables];
        supports[0] = [];
        var first = 1 + graph.InputCount + graph.LatchCount;
        for (var v = 1; v < first; v++) supports[v] = [v];
        for (var k = 0; k < graph.AndCount; k++)
        {
            if (supports[graph.AndLeft[k] >> 1] is not { } a || supports[graph.AndRight[k] >> 1] is not { } b) continue;
            var union = Merge(a, b);
            supports[first + k] = union.Length <= MaxSupport ? union : null;
        }
        return supports;
    }

    private static int[] Merge(int[] a, int[] b)
    {
        var result = new List<int>(a.Length + b.Length);
        var (i, j) = (0, 0);
        while (i < a.Length || j < b.Length)
        {
            if (j == b.Length || i < a.Length && a[i] < b[j]) result.Add(a[i++]);
            else if (i == a.Length || b[j] < a[i]) result.Add(b[j++]);
            else { result.Add(a[i++]); j++; }
        }
        return [.. result];
    }

    /// <summary>A combinational miter of two gates' cones over their joint support: it is raised where they differ.</summary>
    private static AigGraph PairMiter(AigGraph graph, int[] support, int first, int second, int polarity)
    {
        var aig = new AigBuilder();
        var copied = new Dictionary<int, int> { [0] = AigBuilder.False };
        foreach (var v in support) copied[v] = aig.Input();
        var cut = 1 + graph.InputCount + graph.LatchCount;
        int Copy(int root)
        {
            var stack = new Stack<int>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var v = stack.Peek();
                if (copied.ContainsKey(v)) { stack.Pop(); continue; }
                var (a, b) = (graph.AndLeft[v - cut], graph.AndRight[v - cut]);
                if (!copied.ContainsKey(a >> 1)) { stack.Push(a >> 1); continue; }
                if (!copied.ContainsKey(b >> 1)) { stack.Push(b >> 1); continue; }
                copied[v] = aig.And(copied[a >> 1] ^ (a & 1), copied[b >> 1] ^ (b & 1));
                stack.Pop();
            }
            return copied[root];
        }
        var (x, y) = (Copy(first), Copy(second));
        aig.Output(aig.Xor(x, y ^ polarity));
        return aig.ToGraph();
    }
}
