namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>
/// The wire bit each AND gate of a miter stands for, by the graph's variable, from Yosys's verbose map
/// (<c>write_aiger -vmap</c>): what groups gates into words for <see cref="WordRewriting"/> as
/// <see cref="LatchNames"/> groups registers. A multiplier's product is a wire, not a register, when nothing
/// registers it (a multiply-accumulate without a product register): its bits, weighted 2^bit, rewrite to a·b on
/// both sides, where each bit alone is too wide to enumerate and the accumulator's word through two unmatched
/// multipliers outgrows the rewriting.
/// </summary>
/// <remarks>
/// A gate can be a bit of several wires (the product, the multiplier's output port, the product sign-extended):
/// the name kept is the one a person gave before one Yosys made up (no <c>$</c>), a word before a single bit, a wire
/// of the top module before one inside an instance (the product before the last full adder's sum), then the lowest
/// bit, so the top bit of a product is bit 31 of the product, not bit 39 of its sign extension.
/// </remarks>
internal sealed class WireNames
{
    private readonly Dictionary<int, (LatchNames.Bit Bit, (bool Generated, bool Single, int Depth, int Index) Rank)> _bits = [];

    public static WireNames None { get; } = new();

    public int Count => _bits.Count;

    /// <summary>The wire bit <paramref name="variable"/> is, where one was offered.</summary>
    public LatchNames.Bit? Of(int variable) => _bits.TryGetValue(variable, out var named) ? named.Bit : null;

    /// <summary>Names the gate <paramref name="literal"/> reads (a negated literal: the gate is the bit's complement).</summary>
    /// <param name="width">The wire's width in bits.</param>
    public void Offer(int literal, string wire, int index, int width)
    {
        var rank = (wire.Contains('$'), width < 2, wire.Count(c => c == '.'), index);
        var variable = literal >> 1;
        if (_bits.TryGetValue(variable, out var held) && Compare(held.Rank, rank) <= 0) return;
        _bits[variable] = (new LatchNames.Bit(wire, index, (literal & 1) == 1), rank);
    }

    /// <summary>The same names in a rebuilt graph: <paramref name="map"/> takes an old literal to its new one.</summary>
    public WireNames Through(Func<int, int> map, int firstAnd)
    {
        var moved = new WireNames();
        foreach (var (variable, (bit, rank)) in _bits)
        {
            var literal = map(variable * 2) ^ (bit.Inverted ? 1 : 0);
            if (literal >> 1 < firstAnd) continue;
            var rankOfNew = rank;
            if (moved._bits.TryGetValue(literal >> 1, out var held) && Compare(held.Rank, rankOfNew) <= 0) continue;
            moved._bits[literal >> 1] = (bit with { Inverted = (literal & 1) == 1 }, rankOfNew);
        }
        return moved;
    }

    private static int Compare((bool Generated, bool Single, int Depth, int Index) a, (bool Generated, bool Single, int Depth, int Index) b) =>
        a.CompareTo(b);
}
