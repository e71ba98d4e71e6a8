namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>
/// An and-inverter graph in AIGER's numbering, ready to evaluate: variable 0 is false, inputs are
/// 1..I, latches I+1..I+L (each starting at zero), AND gates after them in topological order.
/// <see cref="AndLeft"/>[k] ≥ <see cref="AndRight"/>[k], both below the gate's own literal.
/// </summary>
internal sealed record AigGraph(int InputCount, IReadOnlyList<int> LatchNext, int[] AndLeft, int[] AndRight, IReadOnlyList<int> Outputs)
{
    public int LatchCount => LatchNext.Count;

    public int AndCount => AndLeft.Length;

    /// <summary>The literal AND gate <paramref name="k"/> defines.</summary>
    public int AndLiteral(int k) => (InputCount + LatchCount + 1 + k) * 2;

    /// <summary>Binary AIGER ("aig"); every latch starts at zero.</summary>
    public byte[] ToBinaryAiger()
    {
        using var stream = new MemoryStream();
        void Text(string s) => stream.Write(System.Text.Encoding.ASCII.GetBytes(s));
        Text($"aig {InputCount + LatchCount + AndCount} {InputCount} {LatchCount} {Outputs.Count} {AndCount}\n");
        foreach (var next in LatchNext) Text($"{next}\n");
        foreach (var o in Outputs) Text($"{o}\n");
        for (var k = 0; k < AndCount; k++)
        {
            Delta(stream, (uint)(AndLiteral(k) - AndLeft[k]));
            Delta(stream, (uint)(AndLeft[k] - AndRight[k]));
        }
        return stream.ToArray();
    }

    private static void Delta(Stream stream, uint value)
    {
        while (value >= 0x80) { stream.WriteByte((byte)(value & 0x7f | 0x80)); value >>= 7; }
        stream.WriteByte((byte)value);
    }
}
