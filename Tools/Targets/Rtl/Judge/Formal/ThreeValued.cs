namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>
/// Encodes an AIGER design in three values (0, 1, unknown) as pairs of literals: <c>One</c> is true
/// when the signal is known to be 1, <c>Unknown</c> when it is not known. So known 0 is neither.
/// This is the conservative X propagation of a gate-level simulator: an AND is 0 when either input
/// is known 0, 1 when both are known 1, and unknown otherwise.
/// </summary>
internal static class ThreeValued
{
    public readonly record struct Signal(int One, int Unknown);

    public static Signal Known(int literal) => new(literal, AigBuilder.False);

    public static readonly Signal Unknown = new(AigBuilder.False, AigBuilder.True);

    /// <summary>
    /// Adds <paramref name="design"/> to <paramref name="aig"/>; returns a reader from the design's
    /// literals to their three-valued signals. <paramref name="input"/> gives each input's signal.
    /// </summary>
    /// <param name="names">Receives the name of each register's known-one latch, by the miter's latch index.</param>
    public static Func<int, Signal> Build(AigBuilder aig, AsciiAiger design, Func<int, Signal> input, int started, LatchNames? names = null)
    {
        var byVariable = new Dictionary<int, Signal> { [0] = Known(AigBuilder.False) };
        for (var i = 0; i < design.Inputs.Count; i++) byVariable[design.Inputs[i] >> 1] = input(i);

        var pending = new List<(AigerLatch Latch, Action<int> One, Action<int> Unknown)>();
        for (var index = 0; index < design.Latches.Count; index++)
        {
            var latch = design.Latches[index];
            names?.Name(aig.LatchCount, design, index, inverted: latch.Init is true);
            // An uninitialised register of the reference starts unknown; an initialised one starts known.
            var (one, setOne) = aig.Latch(latch.Init ?? false, started);
            var (unknown, setUnknown) = aig.Latch(latch.Init is null, started);
            byVariable[latch.Literal >> 1] = new Signal(one, unknown);
            pending.Add((latch, setOne, setUnknown));
        }

        Signal Read(int literal)
        {
            var signal = Variable(literal >> 1);
            if ((literal & 1) == 0) return signal;
            // Not: known 1 ↔ known 0.
            return new Signal(aig.And(AigBuilder.Not(signal.One), AigBuilder.Not(signal.Unknown)), signal.Unknown);
        }

        Signal Variable(int variable) =>
            byVariable.TryGetValue(variable, out var signal) ? signal : throw new FormatException($"AIGER variable {variable} is not defined");

        foreach (var v in design.AndsInOrder())
        {
            var (a, b) = (Read(design.Ands[v].Left), Read(design.Ands[v].Right));
            var one = aig.And(a.One, b.One);
            var zeroA = aig.And(AigBuilder.Not(a.One), AigBuilder.Not(a.Unknown));
            var zeroB = aig.And(AigBuilder.Not(b.One), AigBuilder.Not(b.Unknown));
            var zero = aig.Or(zeroA, zeroB);
            byVariable[v] = new Signal(one, aig.And(AigBuilder.Not(one), AigBuilder.Not(zero)));
        }

        foreach (var (latch, setOne, setUnknown) in pending)
        {
            var next = Read(latch.Next);
            setOne(next.One);
            setUnknown(next.Unknown);
        }
        return Read;
    }
}
