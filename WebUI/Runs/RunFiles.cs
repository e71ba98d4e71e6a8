using System.Text.Json;

namespace HwForge.WebUI.Runs;

/// <summary>One lint or compile message on a candidate, as the verifier reported it.</summary>
public sealed record LintMessage(int Line, int Column, string Severity, string Code, string Message);

/// <summary>What a candidate's folder holds for the page: its main file (name and code), lint messages and timing path.</summary>
public sealed record CandidateFiles(string? FileName, string? Code, IReadOnlyList<LintMessage> Lint, string? CriticalPath, int? LogicDepth)
{
    public static CandidateFiles None { get; } = new(null, null, [], null, null);
}

/// <summary>Reads a run folder's candidate files; a file not (yet) there is simply absent.</summary>
public static class RunFiles
{
    public static CandidateFiles Candidate(string runPath, string candidateId)
    {
        var folder = Path.Combine(runPath, "candidates", candidateId);
        // candidate.json names the design's files; the first is its main one.
        var fileName = ReadJson(Path.Combine(folder, "candidate.json")) is { } candidate && candidate.TryGetProperty("files", out var files)
            && files.ValueKind == JsonValueKind.Array && files.GetArrayLength() > 0 && files[0].ValueKind == JsonValueKind.String
            ? Path.GetFileName(files[0].GetString()!) : null;
        var code = fileName is null ? null : ReadText(Path.Combine(folder, fileName));
        var lint = new List<LintMessage>();
        if (ReadJson(Path.Combine(folder, "verify.json")) is { } verify && verify.TryGetProperty("diagnostics", out var diagnostics)
            && diagnostics.ValueKind == JsonValueKind.Array)
        {
            foreach (var d in diagnostics.EnumerateArray())
                lint.Add(new LintMessage(Int(d, "line") ?? 0, Int(d, "column") ?? 0, Str(d, "severity") ?? "", Str(d, "code") ?? "", Str(d, "message") ?? ""));
        }
        string? path = null;
        int? depth = null;
        if (ReadJson(Path.Combine(folder, "ppa.json")) is { } ppa)
        {
            if (Str(ppa, "criticalPathFrom") is { } from && Str(ppa, "criticalPathTo") is { } to) path = $"{from} → {to}";
            depth = Int(ppa, "logicDepth");
        }
        return new CandidateFiles(fileName, code, lint, path, depth);
    }

    /// <summary>The request in plain words the run was started with (from <c>run.json</c>), or null for a spec-file run.</summary>
    public static string? Request(string runPath) =>
        ReadJson(Path.Combine(runPath, HwForge.Agents.Runs.RunFolder.OptionsFile)) is { } options ? Str(options, "request") : null;

    /// <summary>The objective weights the run was started with (from <c>run.json</c>), or null when it cannot be read.</summary>
    public static HwForge.Tools.Reward.ObjectiveWeights? Objectives(string runPath)
    {
        if (ReadJson(Path.Combine(runPath, HwForge.Agents.Runs.RunFolder.OptionsFile)) is not { } options || !options.TryGetProperty("objectives", out var weights)) return null;
        try { return weights.Deserialize<HwForge.Tools.Reward.ObjectiveWeights>(); }
        catch (Exception e) when (e is JsonException or ArgumentException) { return null; }
    }

    private static string? ReadText(string path)
    {
        try { return File.Exists(path) ? File.ReadAllText(path) : null; }
        catch (IOException) { return null; }
    }

    private static JsonElement? ReadJson(string path)
    {
        if (ReadText(path) is not { } text) return null;
        try { return JsonDocument.Parse(text).RootElement.Clone(); }
        catch (JsonException) { return null; }
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;
}
