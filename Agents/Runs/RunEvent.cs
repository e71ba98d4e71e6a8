using System.Text.Json;
using System.Text.Json.Serialization;

namespace HwForge.Agents.Runs;

/// <summary>
/// One line of a run's <c>events.jsonl</c>: what happened, in which stage, by which role, to which candidate.
/// The CLI, the web UI and the batch runner all read these same events; <see cref="Data"/> carries the details
/// a program needs (a verdict, PPA figures, a step's recorded result).
/// </summary>
public sealed record RunEvent
{
    public long Seq { get; init; }

    public DateTimeOffset Time { get; init; }

    /// <summary>One of <see cref="RunEventTypes"/>.</summary>
    public required string Type { get; init; }

    public string? Stage { get; init; }

    public string? Role { get; init; }

    public string? Candidate { get; init; }

    /// <summary>For <see cref="RunEventTypes.StepCompleted"/>: the key of the finished step (see <see cref="StepJournal"/>).</summary>
    public string? Step { get; init; }

    /// <summary>A sentence for people; agent text is Markdown.</summary>
    public string? Message { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Data { get; init; }
}

/// <summary>The event types a run writes, so readers can switch on constants rather than guess strings.</summary>
public static class RunEventTypes
{
    public const string RunStarted = "run-started";
    public const string RunResumed = "run-resumed";
    public const string Stage = "stage";
    public const string Message = "message";
    public const string LlmCall = "llm-call";
    public const string CandidateProposed = "candidate-proposed";
    public const string CandidateJudged = "candidate-judged";
    public const string StepCompleted = "step-completed";
    public const string BudgetExhausted = "budget-exhausted";
    public const string RunFinished = "run-finished";
    public const string RunFailed = "run-failed";
}
