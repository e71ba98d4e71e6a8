using System.Text.Json;
using HwForge.Agents.Runs;

namespace HwForge.Agents.Batch;

/// <summary>How a batch job ended.</summary>
internal static class Verdicts
{
    /// <summary>The design run produced a verified design: proven equivalent to its reference.</summary>
    public const string Verified = "verified";

    /// <summary>The best design is not proven, but as strong as the job's <c>accept:</c> level (bounded or simulated).</summary>
    public const string Accepted = "accepted";

    /// <summary>A design passed (no difference found), but none is proven, and the job accepts only a proof.</summary>
    public const string NotProven = "not-proven";

    /// <summary>The design run ended, but no candidate passed.</summary>
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
/// the job cost (seconds of this batch, LLM calls, tokens). Metrics are null when no design passed;
/// <see cref="Assurance"/> says how strongly the best design's equivalence was shown.
/// </summary>
public sealed record BatchResult
{
    public required string Id { get; init; }
    public required string Verdict { get; init; }

    /// <summary>"proven", "bounded" or "simulated" for the best design; null when no design passed.</summary>
    public string? Assurance { get; init; }
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

    /// <summary>Why the job is not verified (not proven, failed, stopped), in one line, when the design command or the scheduler said so.</summary>
    public string? Message { get; init; }

    /// <summary>"local" or "slurm": where the job ran.</summary>
    public required string Executor { get; init; }

    public DateTimeOffset Finished { get; init; } = DateTimeOffset.UtcNow;

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsVerified => Verdict == Verdicts.Verified;

    /// <summary>Verified, or not proven but as strong as the job accepts: what the batch's exit 0 asks of every job.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsAccepted => Verdict is Verdicts.Verified or Verdicts.Accepted;

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
