using System.Text.Json;
using HwForge.Agents.Reports;
using HwForge.Agents.Runs;
using HwForge.Tools.Targets;

namespace HwForge.Agents.Batch;

/// <summary>
/// Turns what <c>hwforge design</c> left (its exit code, its JSON report, its last words on stderr) into a
/// result line. Exit 0, 1 and 3 (not proven) carry a report (printed with --json, and saved as report.json in the
/// run folder), read back as the <see cref="RunReport"/> it was written from; anything else is an error whose last
/// stderr line says why.
/// </summary>
internal static class JobOutcome
{
    public static BatchResult From(string id, int exitCode, string stdout, string? lastError, string runFolder, TimeSpan elapsed, string executor)
    {
        var report = exitCode is 0 or 1 or 3 ? Read(stdout) ?? Read(ReadReportFile(runFolder)) : null;
        if (report is null)
            return new BatchResult
            {
                Id = id,
                Verdict = Verdicts.Error,
                Seconds = Math.Round(elapsed.TotalSeconds, 1),
                RunFolder = BatchLayout.RelativeRunFolder(id),
                Message = $"hwforge design exited with code {exitCode}: {lastError ?? "no message"}",
                Executor = executor,
            };
        var verdict = report.Status switch
        {
            RunStatus.Verified => Verdicts.Verified,
            RunStatus.NotProven => report.Accepted ? Verdicts.Accepted : Verdicts.NotProven,
            _ => Verdicts.NotVerified,
        };
        var measured = report.Best?.Measurement;
        return new BatchResult
        {
            Id = id,
            Verdict = verdict,
            Assurance = report.Assurance == Assurance.None ? null : report.Assurance.ToString().ToLowerInvariant(),
            AreaUm2 = measured?.Metrics.Area,
            CriticalPathNs = measured?.Metrics.Delay,
            FmaxMhz = measured is not null && measured.Details.TryGetValue("fmax", out var fmax) ? fmax : null,
            PowerMw = measured?.Metrics.Power,
            Reward = report.Best?.Reward,
            Seconds = Math.Round(elapsed.TotalSeconds, 1),
            LlmCalls = report.LlmCalls,
            Tokens = report.Tokens,
            RunFolder = BatchLayout.RelativeRunFolder(id),
            Message = verdict == Verdicts.Verified ? null
                : verdict is Verdicts.Accepted or Verdicts.NotProven ? report.Headline : report.StopReason ?? report.Headline,
            Executor = executor,
        };
    }

    public static BatchResult TimedOut(string id, TimeSpan timeout, TimeSpan elapsed, string executor) => new()
    {
        Id = id,
        Verdict = Verdicts.Timeout,
        Seconds = Math.Round(elapsed.TotalSeconds, 1),
        RunFolder = BatchLayout.RelativeRunFolder(id),
        Message = $"killed after its timeout of {timeout.TotalSeconds:0} s",
        Executor = executor,
    };

    /// <summary>The report in <paramref name="text"/>, or null when it holds none (empty, cut short, or not a report).</summary>
    public static RunReport? Read(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return JsonSerializer.Deserialize<RunReport>(text, RunJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string ReadReportFile(string runFolder)
    {
        var path = Path.Combine(runFolder, RunFolder.ReportJsonFile);
        return File.Exists(path) ? File.ReadAllText(path) : "";
    }
}
