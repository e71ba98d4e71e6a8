using System.Text.RegularExpressions;
using HwForge.Cli.Commands;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Cli.Sarif;

/// <summary>
/// A verification as SARIF: the failing stage as a result at the top module's declaration, its message the stage's
/// reason and the first mismatch; a pass that is not a proof as a warning saying what was shown; the lint's
/// diagnostics as they are. A proven design has no results.
/// </summary>
internal static class VerifySarif
{
    public static void Add(SarifLog log, VerifyVerdict verdict, IReadOnlyList<string> designFiles, string top)
    {
        var report = verdict.Report;
        foreach (var diagnostic in report.Diagnostics) log.Add(diagnostic);
        var (file, line) = Declaration(designFiles, top);
        if (report.Verdict != Verdict.Pass)
        {
            var stage = report.Stages.FirstOrDefault(s => s.Status is StageStatus.Failed or StageStatus.Error);
            var name = (stage?.Stage ?? report.DecidedBy ?? StageName.Simulation).ToString().ToLowerInvariant();
            var message = report.FirstMismatch is { } mismatch
                ? $"{report.Summary}; first mismatch ({mismatch.Source}): {mismatch.Describe()}"
                : stage is null ? report.Summary : $"{report.Summary}: {stage.Detail}";
            log.Add($"verify/{name}", $"The design differs from its reference, or cannot be checked, at the {name} stage", "error", message, file, line, 1);
        }
        else if (!verdict.Accepted)
        {
            log.Add("verify/not-proven", "No difference was found, but equivalence was not proven", "warning",
                $"not proven: {report.Shown}", file, line, 1);
        }
    }

    // The line of "module TOP": where a person starts reading about the design as a whole.
    private static (string? File, int Line) Declaration(IReadOnlyList<string> files, string top)
    {
        var declaration = new Regex($@"^\s*module\s+{Regex.Escape(top)}\b");
        foreach (var file in files)
        {
            if (!File.Exists(file)) continue;
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
                if (declaration.IsMatch(lines[i])) return (file, i + 1);
        }
        return (files.FirstOrDefault(), 1);
    }
}
