using System.Text.RegularExpressions;

namespace HwForge.Tools.Targets.Rtl.Ppa;

/// <summary>
/// Names a critical path's ends as the design names them. OpenSTA reports a flip-flop by its instance, which
/// synthesis numbers (<c>_1191_</c>); the register it is, and what an engineer looks for, is the net its Q drives
/// (<c>acc[19]</c>). Ports and anything not found in the netlist keep their own names.
/// </summary>
internal static partial class RegisterNames
{
    /// <summary>The register name for <paramref name="point"/>, or the point itself when it is not a numbered flip-flop.</summary>
    public static string? Of(string? point, string? netlist)
    {
        if (point is null || netlist is null || !Numbered().IsMatch(point)) return point;
        var cell = Regex.Match(netlist, $@"\s{Regex.Escape(point)}\s*\((?<pins>[^;]*?)\);", RegexOptions.Singleline);
        if (!cell.Success) return point;
        var q = OutputPin().Match(cell.Groups["pins"].Value);
        if (!q.Success) return point;
        // An escaped identifier (\c[1] ) is written with a backslash and ends at a space.
        var net = q.Groups["net"].Value.Trim().TrimStart('\\').Trim();
        return net.Length == 0 || Numbered().IsMatch(net) ? point : net;
    }

    // Yosys' write_verilog names what synthesis made as _N_.
    [GeneratedRegex(@"^_\d+_$")]
    private static partial Regex Numbered();

    // The state output of a library flip-flop (Q in osu018 and sky130).
    [GeneratedRegex(@"\.Q\s*\((?<net>[^()]*?)\)")]
    private static partial Regex OutputPin();
}
