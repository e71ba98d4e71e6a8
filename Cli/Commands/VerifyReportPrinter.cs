using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Cli.Commands;

/// <summary>
/// The verification report for people: one line a stage (marked cached when it is), then the verdict with exactly what was shown, and,
/// for a pass that is not a proof, whether <c>--accept</c> took it.
/// </summary>
public static class VerifyReportPrinter
{
    public static void Print(TextWriter output, VerifyVerdict verdict)
    {
        var report = verdict.Report;
        foreach (var stage in report.Stages)
        {
            var status = stage.Status switch
            {
                StageStatus.Passed => "ok    ",
                StageStatus.Failed => "FAILED",
                StageStatus.Skipped => "skip  ",
                _ => "error ",
            };
            output.WriteLine($"  {status} {stage.Stage,-10} {stage.Duration.TotalMilliseconds,6:0} ms{(stage.FromCache || report.FromCache ? " (cached)" : "         ")}  {stage.Detail}");
        }
        if (report.FirstMismatch is { } mismatch)
        {
            output.WriteLine($"  first mismatch ({mismatch.Source}): {mismatch.Describe()}");
            foreach (var line in mismatch.PrecedingInputs) output.WriteLine($"    {line}");
        }
        foreach (var diagnostic in report.Diagnostics.Take(10)) output.WriteLine($"  {diagnostic.ToCompilerLine()}");
        var shown = report.Shown.Length > 0 ? report.Shown : report.Summary;
        // "VERIFIED" is printed for a proof only; anything less says what it covered and that it is not a proof.
        var outcome = report.Verdict switch
        {
            Verdict.Pass when report.Verified => $"VERIFIED: {shown}",
            Verdict.Pass => $"NO DIFFERENCE FOUND, NOT PROVEN: {shown}",
            Verdict.Fail => $"FAIL: {report.Summary}",
            _ => $"ERROR: {report.Summary}",
        };
        // A cached report keeps the times of the run that produced it: said so, or they read as this run's.
        output.WriteLine(report.FromCache
            ? $"{outcome} (cached: {report.Elapsed.TotalMilliseconds:0} ms when it ran; --no-cache runs the tools again)"
            : $"{outcome} ({report.Elapsed.TotalMilliseconds:0} ms)");
        if (report.Passed && !report.Verified)
        {
            output.WriteLine(verdict.Accepted
                ? $"accepted as {AssuranceText.Word(report.Assurance)} (--accept {verdict.Accept.ToString()!.ToLowerInvariant()}): not proven"
                : $"exit {ExitCodes.NotProven}: not proven; --accept {AssuranceText.Word(report.Assurance)} accepts this result explicitly");
        }
    }
}
