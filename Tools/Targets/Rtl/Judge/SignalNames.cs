using System.Text.RegularExpressions;

namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>The naming habits of RTL authors for clocks and resets, used where a netlist leaves a gap.</summary>
internal static partial class SignalNames
{
    public static bool LooksLikeClock(string name) => Clock().IsMatch(name);

    public static bool LooksLikeReset(string name) => Reset().IsMatch(name);

    /// <summary><c>rst_n</c>, <c>resetn</c>, <c>nrst</c>, <c>arst_ni</c>: the active-low spellings.</summary>
    public static bool LooksActiveLow(string name) => ActiveLow().IsMatch(name);

    [GeneratedRegex(@"^(i_|a)?(clk|clock|ck)(_i|_in)?$|clk", RegexOptions.IgnoreCase)]
    private static partial Regex Clock();

    [GeneratedRegex(@"rst|reset", RegexOptions.IgnoreCase)]
    private static partial Regex Reset();

    [GeneratedRegex(@"(_n|_ni|_b|n)$|^n(rst|reset)", RegexOptions.IgnoreCase)]
    private static partial Regex ActiveLow();
}
