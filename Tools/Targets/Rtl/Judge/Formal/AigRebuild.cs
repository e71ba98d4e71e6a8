namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>A graph again with signals replaced by equal ones; inputs and registers keep their order, so counterexamples read alike.</summary>
internal static class AigRebuild
{
    /// <summary>
    /// <paramref name="representative"/>[v] is the literal variable v is replaced by (itself, 2v, when kept); each
    /// replacement is an earlier variable. A replaced register stays in the graph, unread.
    /// </summary>
    public static AigGraph Merged(AigGraph graph, int[] representative) => Merged(graph, representative, out _);

    /// <param name="map">Takes a literal of <paramref name="graph"/> to the literal that stands for it in the result.</param>
    public static AigGraph Merged(AigGraph graph, int[] representative, out Func<int, int> map)
    {
        var aig = new AigBuilder();
        var literal = new int[representative.Length];
        var firstLatch = 1 + graph.InputCount;
        var cut = firstLatch + graph.LatchCount;
        int Map(int l) => literal[l >> 1] ^ (l & 1);
        for (var v = 1; v < firstLatch; v++) literal[v] = aig.Input();
        var latches = new int[graph.LatchCount];
        for (var i = 0; i < graph.LatchCount; i++)
        {
            var v = firstLatch + i;
            latches[i] = aig.ZeroLatch();
            literal[v] = representative[v] >> 1 != v ? Map(representative[v]) : latches[i];
        }
        for (var v = cut; v < representative.Length; v++)
            literal[v] = representative[v] >> 1 != v
                ? Map(representative[v])
                : aig.And(Map(graph.AndLeft[v - cut]), Map(graph.AndRight[v - cut]));
        for (var i = 0; i < graph.LatchCount; i++) aig.SetNext(latches[i], Map(graph.LatchNext[i]));
        foreach (var output in graph.Outputs) aig.Output(Map(output));
        var inGraph = aig.GraphLiterals();
        map = l => inGraph(Map(l));
        return aig.ToGraph();
    }
}
