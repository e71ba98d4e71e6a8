using HwForge.Tools.Judge;

namespace HwForge.Cli.Commands;

/// <summary>The verification report for people: one line a stage, then the verdict and what decided it.</summary>
public static class VerifyReportPrinter
{
    public static void Print(TextWriter output, VerifyReport report)
    {
        foreach (var stage in report.Stages)
        {
            var status = stage.Status switch
            {
                StageStatus.Passed => "ok    ",
                StageStatus.Failed => "FAILED",
                StageStatus.Skipped => "skip  ",
                _ => "error ",
            };
            output.WriteLine($"  {status} {stage.Stage,-10} {stage.Duration.TotalMilliseconds,6:0} ms{(stage.FromCache ? " (cached)" : "         ")}  {stage.Detail}");
        }
        if (report.FirstMismatch is { } mismatch)
        {
            output.WriteLine($"  first mismatch ({mismatch.Source}): {mismatch.Describe()}");
            foreach (var line in mismatch.PrecedingInputs) output.WriteLine($"    {line}");
        }
        foreach (var diagnostic in report.Diagnostics.Take(10)) output.WriteLine($"  {diagnostic.ToCompilerLine()}");
        var verdict = report.Verdict switch { Verdict.Pass => "PASS", Verdict.Fail => "FAIL", _ => "ERROR" };
        output.WriteLine($"{verdict}: {report.Summary} ({report.Elapsed.TotalMilliseconds:0} ms)");
    }
}
