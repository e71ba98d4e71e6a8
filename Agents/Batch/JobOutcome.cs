using System.Text.Json;

namespace HwForge.Agents.Batch;

/// <summary>
/// Turns what <c>hwforge design</c> left (its exit code, its JSON report, its last words on stderr) into a
/// result line. Exit 0, 1 and 3 (not proven) carry a report (printed with --json, and saved as report.json in the
/// run folder); anything else is an error whose last stderr line says why.
/// </summary>
public static class JobOutcome
{
    public static BatchResult From(string id, int exitCode, string stdout, string? lastError, string runFolder, TimeSpan elapsed, string executor)
    {
        var report = exitCode is 0 or 1 or 3 ? ParseReport(stdout) ?? ParseReport(ReadReportFile(runFolder)) : null;
        if (report is not { } r)
            return new BatchResult
            {
                Id = id,
                Verdict = Verdicts.Error,
                Seconds = Math.Round(elapsed.TotalSeconds, 1),
                RunFolder = BatchLayout.RelativeRunFolder(id),
                Message = $"hwforge design exited with code {exitCode}: {lastError ?? "no message"}",
                Executor = executor,
            };
        var best = r.TryGetProperty("best", out var b) && b.ValueKind == JsonValueKind.Object ? b : (JsonElement?)null;
        var ppa = best is { } bb && bb.TryGetProperty("ppa", out var p) && p.ValueKind == JsonValueKind.Object ? p : (JsonElement?)null;
        var verdict = Text(r, "status") switch
        {
            "verified" => Verdicts.Verified,
            "not-proven" => r.TryGetProperty("accepted", out var a) && a.ValueKind == JsonValueKind.True ? Verdicts.Accepted : Verdicts.NotProven,
            _ => Verdicts.NotVerified,
        };
        var assurance = Text(r, "assurance");
        return new BatchResult
        {
            Id = id,
            Verdict = verdict,
            Assurance = assurance is null or "none" ? null : assurance,
            AreaUm2 = Number(ppa, "areaUm2"),
            CriticalPathNs = Number(ppa, "criticalPathNs"),
            FmaxMhz = Number(ppa, "fmaxMhz"),
            PowerMw = Number(ppa, "powerMw"),
            Reward = Number(best, "reward"),
            Seconds = Math.Round(elapsed.TotalSeconds, 1),
            LlmCalls = (int)(Number(r, "llmCalls") ?? 0),
            Tokens = (long)(Number(r, "tokens") ?? 0),
            RunFolder = BatchLayout.RelativeRunFolder(id),
            Message = verdict == Verdicts.Verified ? null
                : verdict is Verdicts.Accepted or Verdicts.NotProven ? Text(r, "headline") : Text(r, "stopReason") ?? Text(r, "headline"),
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

    private static JsonElement? ParseReport(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("status", out _)
                ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string ReadReportFile(string runFolder)
    {
        var path = Path.Combine(runFolder, Runs.RunFolder.ReportJsonFile);
        return File.Exists(path) ? File.ReadAllText(path) : "";
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement? element, string name) =>
        element is { } e && e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
