using System.Numerics;

namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>Values as Verilog prints them with <c>%b</c>: '0', '1', 'x', 'z', most significant first.</summary>
internal static class BitStrings
{
    public static string FromValue(BigInteger value, int width)
    {
        var bits = new char[width];
        for (var i = 0; i < width; i++) bits[width - 1 - i] = ((value >> i) & 1) == 1 ? '1' : '0';
        return new string(bits);
    }

    public static string Ones(int width) => new('1', width);

    public static string Zeros(int width) => new('0', width);

    /// <summary>
    /// True when <paramref name="actual"/> agrees with <paramref name="expected"/> wherever the
    /// reference is defined; an unknown reference bit is a don't-care, an unknown design bit is not.
    /// </summary>
    public static bool Matches(string expected, string actual)
    {
        if (expected.Length != actual.Length) return false;
        for (var i = 0; i < expected.Length; i++)
        {
            var e = expected[i];
            if (e is 'x' or 'X' or 'z' or 'Z') continue;
            if (actual[i] != e) return false;
        }
        return true;
    }

    /// <summary>Hex with a 0x prefix when every bit is known (decimal too for small values), else the bits.</summary>
    public static string ToReadable(string bits)
    {
        if (bits.Any(b => b is not ('0' or '1'))) return $"{bits.Length}'b{bits}";
        if (bits.Length == 1) return bits;
        var value = BigInteger.Zero;
        foreach (var b in bits) value = (value << 1) | (b == '1' ? 1 : 0);
        var hex = value.ToString("x").TrimStart('0'); // BigInteger pads a leading 0 as a sign digit
        return $"0x{(hex.Length == 0 ? "0" : hex)}";
    }
}
