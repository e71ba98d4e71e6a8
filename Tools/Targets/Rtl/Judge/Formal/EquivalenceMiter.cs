namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>
/// The formal question as one AIGER safety property: can an output of the design differ from a
/// defined output of the reference? Built here, not by Yosys's <c>miter</c>, because the two sides
/// are read differently on purpose:
/// <list type="bullet">
/// <item>The reference (gold) is evaluated in three values, as a simulator does: each signal is a pair
/// (known one, unknown). Its uninitialised registers, undriven wires and <c>'x</c> constants start or stay
/// unknown, and an output is compared only where it is known. So a design without a reset is compared
/// with its reference from a common, explicit initial condition ("unknown"), and never fails against its
/// own copy.</item>
/// <item>The design (gate) is evaluated in two values, with everything undefined made free: its
/// uninitialised registers start at any value, its undriven wires and <c>'x</c> constants are fresh
/// inputs every cycle. An X cannot hide a difference: if any value of it differs from the reference, the
/// checker finds it.</item>
/// </list>
/// Both sides share the real input ports bit by bit (the clock excluded: AIGER steps every latch once a frame).
/// </summary>
internal static class EquivalenceMiter
{
    /// <summary>The miter, and for each of its inputs the port bit it stands for (null: a free or start value).</summary>
    /// <param name="ReferenceAnds">The AND gates made for the reference come first: this many (the design's follow).</param>
    /// <param name="LatchNames">The register bit each latch stands for, where known.</param>
    /// <param name="OutputWords">Each output port of at most 64 bits: the pairs of literals (reference, design) by bit, each
    /// bit gated by the reference knowing it, for a word-level proof (<see cref="WordRewriting"/>).</param>
    /// <param name="WireNames">The wire bit each gate stands for, where the map names one (the reference's only where it is known).</param>
    /// <param name="NamedWords">Every named wire of 2 to 64 bits of each side, for <see cref="WordSweep"/>.</param>
    public sealed record Result(AigGraph Graph, IReadOnlyList<(string Port, int Bit)?> Inputs, int ReferenceAnds,
        LatchNames LatchNames, IReadOnlyList<OutputWord> OutputWords, WireNames? WireNames = null, IReadOnlyList<NamedWord>? NamedWords = null)
    {
        public WireNames Wires => WireNames ?? WireNames.None;

        public IReadOnlyList<NamedWord> Words => NamedWords ?? [];

        public int Latches => Graph.LatchCount;
    }

    /// <summary>A named wire of one side of at most 64 bits, lowest first, as literals of the miter (null: a bit not known).</summary>
    public sealed record NamedWord(string Name, bool Reference, IReadOnlyList<int?> Bits);

    /// <summary>An output port's bits, lowest first, as (reference, design) literals of the miter.</summary>
    public sealed record OutputWord(string Port, IReadOnlyList<(int Reference, int Design)> Bits);

    public static Result Build(AsciiAiger gold, AsciiAiger gate, ModuleInterface module)
    {
        var aig = new AigBuilder();
        var inputs = new List<(string, int)?>();
        var shared = new Dictionary<(string, int), int>();
        var ports = module.DrivenInputs.ToDictionary(p => p.Name);
        int Shared(string name, int bit)
        {
            if (!shared.TryGetValue((name, bit), out var literal))
            {
                literal = aig.Input();
                inputs.Add((name, bit));
                shared[(name, bit)] = literal;
            }
            return literal;
        }
        int Free()
        {
            inputs.Add(null);
            return aig.Input();
        }

        // Frame 0 is the first; free start values are chosen there. A combinational miter has no latch at all,
        // so the SAT prover takes it.
        var started = AigBuilder.False;
        if (gold.Latches.Count + gate.Latches.Count > 0)
        {
            started = aig.ZeroLatch();
            aig.SetNext(started, AigBuilder.True);
        }

        var (goldNames, gateNames) = (new LatchNames("reference"), new LatchNames("design"));
        var goldSignals = ThreeValued.Build(aig, gold, index =>
            gold.InputNames.TryGetValue(index, out var n) && ports.ContainsKey(n.Name) && n.Bit < ports[n.Name].Width
                ? ThreeValued.Known(Shared(n.Name, n.Bit))
                : ThreeValued.Unknown, started, goldNames);
        var referenceAnds = aig.AndCount;
        var gateOutputs = TwoValued.Build(aig, gate, index =>
            gate.InputNames.TryGetValue(index, out var n) && ports.ContainsKey(n.Name) && n.Bit < ports[n.Name].Width
                ? Shared(n.Name, n.Bit)
                : Free(), started, () => inputs.Add(null), gateNames);

        var differences = new List<int>();
        var words = new List<(string Port, List<(int, int)> Bits)>();
        foreach (var port in module.Outputs)
        {
            var word = new List<(int, int)>();
            for (var bit = 0; bit < port.Width; bit++)
            {
                if (!gold.OutputIndex.TryGetValue((port.Name, bit), out var g) || !gate.OutputIndex.TryGetValue((port.Name, bit), out var d))
                    throw new InvalidOperationException($"output {port.Name}[{bit}] is missing from the formal model");
                var reference = goldSignals(gold.Outputs[g]);
                var design = gateOutputs(gate.Outputs[d]);
                // Known one: v. Known zero: not v and not x. A difference only counts where the reference is known.
                var known = AigBuilder.Not(reference.Unknown);
                differences.Add(aig.And(known, aig.Xor(reference.One, design)));
                // Each bit counts only where the reference knows it (both sides gated alike): Σ 2^k·known_k·(d_k − r_k)
                // is zero modulo 2^width exactly when every known bit agrees, whichever bits are known (the lowest
                // differing one would leave 2^k times an odd number). Where the reference is always known, the gate folds away.
                word.Add((aig.And(known, reference.One), aig.And(known, design)));
            }
            if (port.Width <= 64) words.Add((port.Name, word));
        }
        aig.Output(aig.OrAll(differences));
        // Named wires of both sides, in the builder's numbering: a reference bit only where it is always known (its
        // unknown part folded to false), for then its known-one literal is the bit itself.
        var named = new List<(int Literal, string Wire, int Bit, bool Reference)>();
        foreach (var (literal, name, bit) in gold.Wires)
            if (goldSignals(literal & ~1) is { Unknown: AigBuilder.False } signal)
                named.Add((signal.One ^ (literal & 1), $"reference {name}", bit, true));
        foreach (var (literal, name, bit) in gate.Wires)
            named.Add((gateOutputs(literal), $"design {name}", bit, false));
        var inGraph = aig.GraphLiterals();
        var wires = new WireNames();
        var firstAnd = 1 + aig.InputCount + aig.LatchCount;
        var namedWords = new List<NamedWord>();
        foreach (var group in named.GroupBy(n => n.Wire))
        {
            var width = group.Max(n => n.Bit) + 1;
            foreach (var (literal, wire, bit, _) in group)
                if (inGraph(literal) >> 1 >= firstAnd) wires.Offer(inGraph(literal), wire, bit, width);
            if (width is < 2 or > 64) continue;
            var bits = new int?[width];
            foreach (var n in group) bits[n.Bit] = inGraph(n.Literal);
            namedWords.Add(new NamedWord(group.Key, group.First().Reference, bits));
        }
        return new Result(aig.ToGraph(), inputs, referenceAnds, goldNames.With(gateNames),
            [.. words.Select(w => new OutputWord(w.Port, [.. w.Bits.Select(b => (inGraph(b.Item1), inGraph(b.Item2)))]))], wires, namedWords);
    }
}
