using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Targets.Rtl.Syntax;

namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>
/// What a candidate design may use. A design is hardware: it computes, and may print, but it may
/// not touch files, plusargs, the simulator or anything above itself, because those are the ways
/// to forge a harness's verdict. Decided on the tokens of the canonical text
/// (<see cref="CanonicalSource"/>), lexed as the tools lex it, so neither a macro nor text that only
/// looks like a comment or a string (<c>\name//</c>, <c>\name"</c>) can hide a construct.
/// </summary>
/// <remarks>
/// <c>$finish</c>, <c>$stop</c> and <c>$fatal</c> stay allowed: a design that ends the simulation
/// early leaves the harness's trace without its end marker, which is a fail of its own
/// (<see cref="FailureClass.SimulationAborted"/>), never a pass.
/// </remarks>
internal static class DesignPolicy
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

    /// <summary>Keywords of constructs that act outside the design or constrain the proof rather than describe hardware.</summary>
    private static readonly Dictionary<string, string> ForbiddenKeywords = new()
    {
        // Runs after the harness's last word and could rewrite its trace.
        ["final"] = "a final block",
        // Puts code into modules other than the design's own (the harness's).
        ["bind"] = "bind",
        // Yosys turns these into constraints of the proof: assume(0) would make any design "proven".
        ["assume"] = "assume",
        ["restrict"] = "restrict",
    };

    /// <summary>Enough to act on; a design full of them is told of the first few.</summary>
    private const int MaxReported = 8;

    /// <summary>The forbidden constructs in the canonical text, each with the user's file and line (empty when acceptable).</summary>
    public static IReadOnlyList<string> Violations(SourceFile canonical)
    {
        var text = canonical.Text;
        var found = new List<(string What, int Line)>();
        VerilogToken? previous = null;
        foreach (var token in VerilogLexer.Tokens(text))
        {
            if (token.Kind is VerilogTokenKind.Comment or VerilogTokenKind.Attribute) continue;
            if (Forbidden(token, previous, text) is { } what && found.All(f => f.What != what)) found.Add((what, token.Line));
            if (found.Count == MaxReported) break;
            previous = token;
        }
        return [.. found.Select(f => Located(f.What, canonical, f.Line))];
    }

    public static string Explain(IReadOnlyList<string> violations) =>
        $"the design uses {string.Join(", ", violations)}; a design may not use file, plusarg, dump or simulator-control " +
        "system tasks, final blocks, bind, assume or restrict, DPI, or names starting with hwforge (they could forge the harness's verdict). Remove them.";

    private static string? Forbidden(VerilogToken token, VerilogToken? previous, string text) => token.Kind switch
    {
        VerilogTokenKind.SystemName when !Allowed.Contains(token.Text(text)) => token.Text(text),
        VerilogTokenKind.Identifier when ForbiddenKeywords.TryGetValue(token.Text(text), out var what) => what,
        // The harness's module, its instance of the design and its trace all carry this prefix.
        VerilogTokenKind.Identifier or VerilogTokenKind.EscapedIdentifier when token.Name(text).StartsWith("hwforge", StringComparison.OrdinalIgnoreCase)
            => $"the name {token.Text(text)} (HwForge's harness uses names starting with hwforge)",
        // import "DPI-C" / export "DPI-C": calls into C that the simulator would run.
        VerilogTokenKind.String when previous is { Kind: VerilogTokenKind.Identifier } p && p.Text(text) is "import" or "export"
            => $"{p.Text(text)} {token.Text(text)} (DPI)",
        _ => null,
    };

    private static string Located(string what, SourceFile canonical, int line)
    {
        var (file, userLine) = CanonicalLines.Locate(canonical.Text, canonical.Path, line);
        return $"{what} ({file}:{userLine})";
    }
}
