using System.Text;
using HwForge.Tools.Foundation.Diagnostics;
using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Tools.Targets.Rtl;

/// <summary>
/// The Verifier role for RTL: turns a judge report into the few lines a repair prompt needs: the stage that
/// failed, the first mismatch with the inputs before it, and the lint lines with the code around them.
/// Deterministic, no LLM: what the model is told comes straight from the tools.
/// </summary>
internal static class RtlFeedback
{
    private const int MaxDiagnostics = 6;
    private const int ContextLines = 2;

    public static string Format(VerifyReport report, string designCode)
    {
        if (report.Passed) return "";
        var text = new StringBuilder();
        text.AppendLine($"Verification failed at the {Stage(report.DecidedBy)} stage ({Kebab(report.FailureClass)}): {report.Summary}");
        if (report.FirstMismatch is { } mismatch)
        {
            text.AppendLine($"First mismatch at {mismatch.Describe()}.");
            text.AppendLine("Inputs leading up to it:");
            foreach (var line in mismatch.PrecedingInputs) text.AppendLine($"  {line}");
        }
        if (report.Formal is { Status: FormalStatus.Counterexample, Counterexample: { } cex } && report.FirstMismatch != cex)
            text.AppendLine($"The formal check found a counterexample: {cex.Describe()}.");

        var lines = designCode.Split('\n');
        foreach (var diagnostic in report.Diagnostics.Where(d => d.Severity == Severity.Error).Concat(report.Diagnostics.Where(d => d.Severity == Severity.Warning)).Take(MaxDiagnostics))
        {
            text.AppendLine(diagnostic.ToCompilerLine());
            AppendContext(text, lines, diagnostic.Line);
        }
        return text.ToString().TrimEnd();
    }

    private static void AppendContext(StringBuilder text, string[] lines, int line)
    {
        if (line < 1 || line > lines.Length) return;
        for (var n = Math.Max(1, line - ContextLines); n <= Math.Min(lines.Length, line + ContextLines); n++)
            text.AppendLine($"  {(n == line ? ">" : " ")}{n,4} | {lines[n - 1].TrimEnd('\r')}");
    }

    private static string Stage(StageName? stage) => stage?.ToString().ToLowerInvariant() ?? "set-up";

    internal static string Kebab(Enum value)
    {
        var name = value.ToString();
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i])) text.Append('-');
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }
}
