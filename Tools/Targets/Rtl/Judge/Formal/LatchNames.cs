namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>
/// The register bit each latch of a miter stands for, by latch index: what groups single bits into words for
/// <see cref="WordRewriting"/> (a product register's bits, weighted 2^bit). A latch stored inverted (a register
/// that starts at one) holds the complement of its register bit.
/// </summary>
internal sealed class LatchNames(string side)
{
    public readonly record struct Bit(string Register, int Index, bool Inverted);

    private readonly Dictionary<int, Bit> _bits = [];

    public IReadOnlyDictionary<int, Bit> Bits => _bits;

    public static LatchNames None { get; } = new("");

    public void Name(int latchIndex, AsciiAiger design, int designLatch, bool inverted)
    {
        if (design.LatchNames.TryGetValue(designLatch, out var name))
            _bits[latchIndex] = new Bit($"{side} {name.Name}", name.Bit, inverted);
    }

    /// <summary>Both sides' names in one table (their latch indices are disjoint).</summary>
    public LatchNames With(LatchNames other)
    {
        var all = new LatchNames(side);
        foreach (var (k, v) in _bits) all._bits[k] = v;
        foreach (var (k, v) in other._bits) all._bits[k] = v;
        return all;
    }
}
