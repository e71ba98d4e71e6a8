namespace HwForge.Tools.Judge;

/// <summary>One output's cone of a combinational graph, alone, over just the inputs it depends on.</summary>
internal static class AigCone
{
    /// <summary>
    /// The graph of <paramref name="output"/> (a literal of <paramref name="graph"/>, which has no latches), its
    /// inputs being the inputs the output depends on, in their order; <c>Support</c> holds their indices.
    /// </summary>
    public static (AigGraph Graph, int[] Support) Of(AigGraph graph, int output)
    {
        if (graph.LatchCount > 0) throw new ArgumentException("a cone is taken of a combinational graph");
        var firstAnd = 1 + graph.InputCount;
        var inCone = new HashSet<int>();
        var stack = new Stack<int>();
        stack.Push(output >> 1);
        while (stack.Count > 0)
        {
            var v = stack.Pop();
            if (!inCone.Add(v) || v < firstAnd) continue;
            stack.Push(graph.AndLeft[v - firstAnd] >> 1);
            stack.Push(graph.AndRight[v - firstAnd] >> 1);
        }
        var aig = new AigBuilder();
        var literal = new Dictionary<int, int> { [0] = AigBuilder.False };
        var ordered = inCone.Order().ToList();
        var support = new List<int>();
        int Map(int l) => literal[l >> 1] ^ (l & 1);
        foreach (var v in ordered)
            if (v == 0) continue;
            else if (v < firstAnd) { literal[v] = aig.Input(); support.Add(v - 1); }
            else literal[v] = aig.And(Map(graph.AndLeft[v - firstAnd]), Map(graph.AndRight[v - firstAnd]));
        aig.Output(Map(output));
        return (aig.ToGraph(), [.. support]);
    }

    /// <summary>The variables <paramref name="output"/> depends on among the inputs, or null once there are more than <paramref name="most"/>.</summary>
    public static int? SupportSize(AigGraph graph, int output, int most)
    {
        var firstAnd = 1 + graph.InputCount;
        var seen = new HashSet<int>();
        var stack = new Stack<int>();
        stack.Push(output >> 1);
        var inputs = 0;
        while (stack.Count > 0)
        {
            var v = stack.Pop();
            if (v == 0 || !seen.Add(v)) continue;
            if (v < firstAnd) { if (++inputs > most) return null; continue; }
            stack.Push(graph.AndLeft[v - firstAnd] >> 1);
            stack.Push(graph.AndRight[v - firstAnd] >> 1);
        }
        return inputs;
    }
}
