using System.Text.RegularExpressions;

namespace HwForge.Tools.Judge;

/// <summary>
/// What a candidate design may use. A design is hardware: it computes, and may print, but it may
/// not touch files, plusargs, the simulator or anything above itself, because those are the ways
/// to forge a harness's verdict. Checked on the preprocessed text, so macros cannot hide a call.
/// </summary>
public static partial class DesignPolicy
{
    /// <summary>System tasks and functions a design may use: arithmetic, sizing, and printing to the console.</summary>
    private static readonly HashSet<string> Allowed =
    [
        "$signed", "$unsigned", "$clog2", "$bits", "$size", "$high", "$low", "$left", "$right", "$increment", "$dimensions",
        "$countones", "$onehot", "$onehot0", "$isunknown", "$countbits",
        "$display", "$displayb", "$displayh", "$displayo", "$write", "$writeb", "$writeh", "$writeo", "$strobe", "$monitor",
        "$info", "$warning", "$error", "$fatal", "$finish", "$stop",
        "$time", "$stime", "$realtime", "$random", "$urandom", "$urandom_range",
        "$rtoi", "$itor", "$realtobits", "$bitstoreal", "$ln", "$log10", "$exp", "$sqrt", "$pow", "$floor", "$ceil",
        "$sin", "$cos", "$tan", "$asin", "$acos", "$atan", "$atan2", "$hypot", "$sinh", "$cosh", "$tanh",
        "$sformatf", "$sformat", "$psprintf",
    ];

    /// <summary>The forbidden system calls in the text (empty when the design is acceptable).</summary>
    public static IReadOnlyList<string> Violations(string preprocessedText)
    {
        var code = CommentsAndStrings().Replace(preprocessedText, " ");
        return [.. SystemCall().Matches(code).Select(m => m.Value).Where(name => !Allowed.Contains(name)).Distinct()];
    }

    public static string Explain(IReadOnlyList<string> violations) =>
        $"the design uses {string.Join(", ", violations)}; a design may not use file, plusarg, dump or simulator-control " +
        "system tasks (they could forge the harness's verdict). Remove them.";

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|""(\\.|[^""\\])*""", RegexOptions.Singleline)]
    private static partial Regex CommentsAndStrings();

    [GeneratedRegex(@"\$[A-Za-z_][A-Za-z0-9_$]*")]
    private static partial Regex SystemCall();
}
