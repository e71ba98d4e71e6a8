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

    /// <summary>
    /// Evaluates every AND gate on <paramref name="words"/> × 64 patterns at once: <paramref name="values"/> holds
    /// <paramref name="words"/> words per variable, its inputs' and latches' set by the caller; the gates' are written.
    /// </summary>
    public void EvaluateGates(ulong[] values, int words)
    {
        var first = 1 + InputCount + LatchCount;
        for (var k = 0; k < AndLeft.Length; k++)
        {
            var (a, b) = (AndLeft[k], AndRight[k]);
            var (fa, fb) = ((a & 1) == 1 ? ulong.MaxValue : 0, (b & 1) == 1 ? ulong.MaxValue : 0);
            for (var w = 0; w < words; w++)
                values[(first + k) * words + w] = (values[(a >> 1) * words + w] ^ fa) & (values[(b >> 1) * words + w] ^ fb);
        }
    }

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
