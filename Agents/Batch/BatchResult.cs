using System.Text.Json;
using HwForge.Agents.Runs;

namespace HwForge.Agents.Batch;

/// <summary>How a batch job ended.</summary>
public static class Verdicts
{
    /// <summary>The design run produced a verified design.</summary>
    public const string Verified = "verified";

    /// <summary>The design run ended, but no candidate was verified.</summary>
    public const string NotVerified = "not-verified";

    /// <summary><c>hwforge design</c> stopped with an error (exit 2, or a crash).</summary>
    public const string Error = "error";

    /// <summary>The job ran past its timeout and its process tree was killed.</summary>
    public const string Timeout = "timeout";

    /// <summary>A Slurm task ended without a result of its own (cancelled, killed, node failure).</summary>
    public const string Failed = "failed";
}

/// <summary>
/// One line of <c>results.jsonl</c>: a finished job, its verdict, the best design's PPA and reward, and what
/// the job cost (seconds of this batch, LLM calls, tokens). Metrics are null when no design was verified.
/// </summary>
public sealed record BatchResult
{
    public required string Id { get; init; }
    public required string Verdict { get; init; }
    public double? AreaUm2 { get; init; }
    public double? CriticalPathNs { get; init; }
    public double? FmaxMhz { get; init; }
    public double? PowerMw { get; init; }
    public double? Reward { get; init; }
    public double Seconds { get; init; }
    public int LlmCalls { get; init; }
    public long Tokens { get; init; }

    /// <summary>The job's run folder, relative to the batch's output folder.</summary>
    public required string RunFolder { get; init; }

    /// <summary>Why the job did not verify, in one line, when the design command or the scheduler said so.</summary>
    public string? Message { get; init; }

    /// <summary>"local" or "slurm": where the job ran.</summary>
    public required string Executor { get; init; }

    public DateTimeOffset Finished { get; init; } = DateTimeOffset.UtcNow;

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsVerified => Verdict == Verdicts.Verified;

    public string ToJsonLine() => JsonSerializer.Serialize(this, RunJson.Compact);

    public static BatchResult? TryParse(string line)
    {
        try
        {
            var result = JsonSerializer.Deserialize<BatchResult>(line, RunJson.Compact);
            return string.IsNullOrEmpty(result?.Id) ? null : result;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
