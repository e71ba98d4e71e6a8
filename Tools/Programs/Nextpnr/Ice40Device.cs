namespace HwForge.Tools.Programs.Nextpnr;

/// <summary>
/// An iCE40 part and package as nextpnr names them. The package matters: it sets how many IO pins
/// a design may use (the UP5K's sg48 has 39, far fewer than the die's 96 IO sites).
/// </summary>
public sealed record Ice40Device(string Name, string Package, bool HasDsp)
{
    /// <summary>1280 logic cells, 16 RAM blocks; the iCEstick's part.</summary>
    public static Ice40Device Hx1k { get; } = new("hx1k", "tq144", HasDsp: false);

    /// <summary>Sold as 4K, the same die as the 8K (7680 logic cells) in a 144-pin package.</summary>
    public static Ice40Device Hx4k { get; } = new("hx4k", "tq144", HasDsp: false);

    /// <summary>7680 logic cells, 32 RAM blocks; the iCE40-HX8K breakout board's part.</summary>
    public static Ice40Device Hx8k { get; } = new("hx8k", "ct256", HasDsp: false);

    /// <summary>5280 logic cells, 30 RAM blocks, 8 DSP multipliers; the UPduino's part.</summary>
    public static Ice40Device Up5k { get; } = new("up5k", "sg48", HasDsp: true);

    public static IReadOnlyList<Ice40Device> All { get; } = [Hx1k, Hx4k, Hx8k, Up5k];

    /// <summary>The device by its nextpnr name (<c>hx1k</c>, <c>up5k</c>, ...), or null.</summary>
    public static Ice40Device? Find(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => $"iCE40{Name.ToUpperInvariant()} ({Package})";
}
