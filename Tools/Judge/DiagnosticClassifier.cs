using HwForge.Tools.Verilator;

namespace HwForge.Tools.Judge;

/// <summary>Maps a compiler's first error to a failure class of the taxonomy.</summary>
public static class DiagnosticClassifier
{
    public static FailureClass Classify(Diagnostic error)
    {
        var text = error.Message;
        if (error.Code is "PINNOTFOUND" or "PINMISSING") return FailureClass.MissingPort;
        if (error.Code.StartsWith("WIDTH", StringComparison.Ordinal)) return FailureClass.WidthOrType;
        if (text.Contains("syntax error", StringComparison.OrdinalIgnoreCase)) return FailureClass.Syntax;
        if (text.Contains("Cannot find file containing module") || text.Contains("Unknown module") ||
            text.Contains("is not part of the design") || text.Contains("Can't resolve module")) return FailureClass.UnknownModule;
        if (text.Contains("Can't find definition") || text.Contains("Unable to bind") || text.Contains("not declared") ||
            text.Contains("undeclared", StringComparison.OrdinalIgnoreCase)) return FailureClass.Undeclared;
        if (text.Contains("width", StringComparison.OrdinalIgnoreCase) || text.Contains("type", StringComparison.OrdinalIgnoreCase)) return FailureClass.WidthOrType;
        if (text.Contains("port", StringComparison.OrdinalIgnoreCase)) return FailureClass.MissingPort;
        return FailureClass.Compile;
    }
}
