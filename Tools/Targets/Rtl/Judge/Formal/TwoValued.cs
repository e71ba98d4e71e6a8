namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>
/// Adds an AIGER design to a miter as it is, in two values; uninitialised latches start at a free value.
/// </summary>
internal static class TwoValued
{
    public static Func<int, int> Build(AigBuilder aig, AsciiAiger design, Func<int, int> input, int started, Action freeInputAdded, LatchNames? names = null)
    {
        var byVariable = new Dictionary<int, int> { [0] = AigBuilder.False };
        for (var i = 0; i < design.Inputs.Count; i++) byVariable[design.Inputs[i] >> 1] = input(i);
        var pending = new List<(AigerLatch Latch, Action<int> SetNext)>();
        for (var index = 0; index < design.Latches.Count; index++)
        {
            var latch = design.Latches[index];
            if (latch.Init is null) freeInputAdded();
            names?.Name(aig.LatchCount, design, index, inverted: latch.Init is true);
            var (value, setNext) = aig.Latch(latch.Init, started);
            byVariable[latch.Literal >> 1] = value;
            pending.Add((latch, setNext));
        }

        int Read(int literal) => Variable(literal >> 1) ^ (literal & 1);

        int Variable(int variable) =>
            byVariable.TryGetValue(variable, out var literal) ? literal : throw new FormatException($"AIGER variable {variable} is not defined");

        foreach (var v in design.AndsInOrder()) byVariable[v] = aig.And(Read(design.Ands[v].Left), Read(design.Ands[v].Right));

        foreach (var (latch, setNext) in pending) setNext(Read(latch.Next));
        return Read;
    }
}
