namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>A latch of an AIGER file: its literal, next-state literal, and start value (null: uninitialised).</summary>
internal sealed record AigerLatch(int Literal, int Next, bool? Init);

/// <summary>
/// One design as Yosys writes it with <c>write_aiger -ascii -vmap</c>: inputs, latches, outputs and
/// AND gates by literal (2 × variable + negation), and the map's names for inputs, outputs, latches and wires.
/// Inputs the map does not name are undefined values Yosys turned into inputs (<c>setundef -anyseq</c>).
/// </summary>
internal sealed class AsciiAiger
{
    public required IReadOnlyList<int> Inputs { get; init; }

    public required IReadOnlyList<AigerLatch> Latches { get; init; }

    public required IReadOnlyList<int> Outputs { get; init; }

    /// <summary>AND gates by the variable they define: (left operand, right operand).</summary>
    public required IReadOnlyDictionary<int, (int Left, int Right)> Ands { get; init; }

    /// <summary>Input index → (port or wire name, bit).</summary>
    public required IReadOnlyDictionary<int, (string Name, int Bit)> InputNames { get; init; }

    /// <summary>(port name, bit) → output index.</summary>
    public required IReadOnlyDictionary<(string Name, int Bit), int> OutputIndex { get; init; }

    /// <summary>Named wires' bits (from a verbose map, <c>-vmap</c>): the literal each stands for, the wire and the bit.</summary>
    public IReadOnlyList<(int Literal, string Name, int Bit)> Wires { get; init; } = [];

    /// <summary>Latch index → (register name, bit), where the map names it.</summary>
    public IReadOnlyDictionary<int, (string Name, int Bit)> LatchNames { get; init; } = new Dictionary<int, (string, int)>();

    /// <summary>
    /// The AND gates' variables with every operand before its use (ASCII files may list them in any
    /// order), found without recursion so a deep netlist cannot overflow the stack.
    /// </summary>
    public IReadOnlyList<int> AndsInOrder()
    {
        var order = new List<int>(Ands.Count);
        var done = new HashSet<int>();
        var stack = new Stack<int>();
        foreach (var root in Ands.Keys)
        {
            stack.Push(root);
            while (stack.Count > 0)
            {
                var v = stack.Peek();
                if (done.Contains(v) || !Ands.TryGetValue(v, out var gate)) { stack.Pop(); continue; }
                var ready = true;
                foreach (var operand in new[] { gate.Left >> 1, gate.Right >> 1 })
                    if (Ands.ContainsKey(operand) && !done.Contains(operand)) { stack.Push(operand); ready = false; }
                if (!ready) continue;
                stack.Pop();
                done.Add(v);
                order.Add(v);
            }
        }
        return order;
    }

    public static AsciiAiger Parse(string aag, string map)
    {
        var lines = aag.Split('\n');
        var header = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (header.Length < 6 || header[0] != "aag") throw new FormatException("not an ASCII AIGER file");
        var (i, l, o, a) = (int.Parse(header[2]), int.Parse(header[3]), int.Parse(header[4]), int.Parse(header[5]));
        var at = 1;
        var inputs = new List<int>();
        for (var k = 0; k < i; k++) inputs.Add(int.Parse(lines[at++].Trim()));
        var latches = new List<AigerLatch>();
        for (var k = 0; k < l; k++)
        {
            var f = lines[at++].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
            // AIGER 1.9: no third field or 0 is a zero start, 1 a one start, the latch's own literal uninitialised.
            bool? init = f.Length < 3 || f[2] == 0 ? false : f[2] == 1 ? true : null;
            latches.Add(new AigerLatch(f[0], f[1], init));
        }
        var outputs = new List<int>();
        for (var k = 0; k < o; k++) outputs.Add(int.Parse(lines[at++].Trim()));
        var ands = new Dictionary<int, (int, int)>();
        for (var k = 0; k < a; k++)
        {
            var f = lines[at++].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
            ands[f[0] >> 1] = (f[1], f[2]);
        }

        var inputNames = new Dictionary<int, (string, int)>();
        var outputIndex = new Dictionary<(string, int), int>();
        var latchNames = new Dictionary<int, (string, int)>();
        var wires = new List<(int, string, int)>();
        foreach (var line in map.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var f = line.Split(' ', 4);
            if (f.Length != 4) continue;
            if (f[0] == "input") inputNames[int.Parse(f[1])] = (f[3], int.Parse(f[2]));
            else if (f[0] == "output") outputIndex[(f[3], int.Parse(f[2]))] = int.Parse(f[1]);
            else if (f[0] == "latch") latchNames[int.Parse(f[1])] = (f[3], int.Parse(f[2]));
            else if (f[0] == "wire") wires.Add((int.Parse(f[1]), f[3], int.Parse(f[2])));
        }
        return new AsciiAiger { Inputs = inputs, Latches = latches, Outputs = outputs, Ands = ands, InputNames = inputNames, OutputIndex = outputIndex, LatchNames = latchNames, Wires = wires };
    }
}
