namespace HwForge.Tools.Judge;

/// <summary>
/// Adds an AIGER design to a miter as it is, in two values; uninitialised latches start at a free value.
/// </summary>
internal static class TwoValued
{
    public static Func<int, int> Build(AigBuilder aig, AsciiAiger design, Func<int, int> input, int started, Action freeInputAdded)
    {
        var byVariable = new Dictionary<int, int> { [0] = AigBuilder.False };
        for (var i = 0; i < design.Inputs.Count; i++) byVariable[design.Inputs[i] >> 1] = input(i);
        var pending = new List<(AigerLatch Latch, Action<int> SetNext)>();
        foreach (var latch in design.Latches)
        {
            if (latch.Init is null) freeInputAdded();
            var (value, setNext) = aig.Latch(latch.Init, started);
            byVariable[latch.Literal >> 1] = value;
            pending.Add((latch, setNext));
        }

        int Read(int literal) => Variable(literal >> 1) ^ (literal & 1);

        int Variable(int variable)
        {
            if (byVariable.TryGetValue(variable, out var known)) return known;
            var stack = new Stack<int>();
            stack.Push(variable);
            while (stack.Count > 0)
            {
                var v = stack.Peek();
                if (byVariable.ContainsKey(v)) { stack.Pop(); continue; }
                if (!design.Ands.TryGetValue(v, out var gate)) throw new FormatException($"AIGER variable {v} is not defined");
                var missing = false;
                foreach (var operand in new[] { gate.Left >> 1, gate.Right >> 1 })
                    if (!byVariable.ContainsKey(operand)) { stack.Push(operand); missing = true; }
                if (missing) continue;
                stack.Pop();
                byVariable[v] = aig.And(Read(gate.Left), Read(gate.Right));
            }
            return byVariable[variable];
        }

        foreach (var (latch, setNext) in pending) setNext(Read(latch.Next));
        return Read;
    }
}
