using System.Text.RegularExpressions;
using HwForge.Tools.Foundation.Diagnostics;
using HwForge.Tools.Programs.Verilator;

namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>Maps a compiler's first error to a failure class of the taxonomy.</summary>
internal static partial class DiagnosticClassifier
{
    public static FailureClass Classify(Diagnostic error)
    {
        var text = error.Message;
        // First: a tool's own limit says nothing of the design, and its words ("Unsupported",
        // "type") would otherwise read as a missing port or a width error. ToolError is the nearest
        // class a failed stage can carry; the verdict itself is the verifier's to choose.
        if (IsToolLimitation(error)) return FailureClass.ToolError;
        if (error.Code is "PINNOTFOUND" or "PINMISSING") return FailureClass.MissingPort;
        if (error.Code.StartsWith("WIDTH", StringComparison.Ordinal)) return FailureClass.WidthOrType;
        if (text.Contains("syntax error", StringComparison.OrdinalIgnoreCase)) return FailureClass.Syntax;
        if (text.Contains("Cannot find file containing module") || text.Contains("Unknown module") ||
            text.Contains("is not part of the design") || text.Contains("Can't resolve module")) return FailureClass.UnknownModule;
        if (text.Contains("Can't find definition") || text.Contains("Unable to bind") || text.Contains("not declared") ||
            text.Contains("undeclared", StringComparison.OrdinalIgnoreCase)) return FailureClass.Undeclared;
        if (text.Contains("width", StringComparison.OrdinalIgnoreCase) || text.Contains("type", StringComparison.OrdinalIgnoreCase)) return FailureClass.WidthOrType;
        // A word, not a substring: "support", "report" and "import" are not about ports.
        if (PortWord().IsMatch(text)) return FailureClass.MissingPort;
        return FailureClass.Compile;
    }

    /// <summary>
    /// Verilator's "Unsupported" and internal errors, and Icarus's "sorry" (its word for a construct
    /// it does not implement yet): the tool's limits, not faults of the design.
    /// </summary>
    internal static bool IsToolLimitation(Diagnostic diagnostic) =>
        VerilatorDiagnosticParser.IsToolLimitation(diagnostic) ||
        diagnostic.Message.StartsWith("sorry", StringComparison.OrdinalIgnoreCase) ||
        diagnostic.Message.Contains("not supported yet", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\bports?\b", RegexOptions.IgnoreCase)]
    private static partial Regex PortWord();
}
