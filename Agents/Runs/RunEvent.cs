using System.Text.Json.Serialization;

namespace HwForge.Agents.Runs;

/// <summary>
/// One line of a run's <c>events.jsonl</c>: what happened, in which stage, by which role, to which candidate.
/// The CLI, the web UI and the batch runner all read these same events. Each kind is a record of its own
/// (<see cref="RunEventKinds"/>) carrying its details typed, so readers switch on the type rather than look up
/// keys; on disk the <c>type</c> property names the kind and <c>data</c> holds its details.
/// </summary>
[JsonConverter(typeof(RunEventConverter))]
public abstract record RunEvent
{
    // Seq, time and type lead each line so a person reading the file sees when and what first.
    [JsonPropertyOrder(-3)]
    public long Seq { get; init; }

    [JsonPropertyOrder(-2)]
    public DateTimeOffset Time { get; init; }

    /// <summary>The kind, one of <see cref="RunEventTypes"/> (or whatever an unknown event said it was).</summary>
    [JsonPropertyOrder(-1)]
    public string Type => Kind;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Stage { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Role { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Candidate { get; init; }

    /// <summary>A sentence for people; agent text is Markdown.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; init; }

    // Private to this assembly, so the set of kinds stays the one the converter knows.
    private protected abstract string Kind { get; }
}

/// <summary>The event types a run writes: the <c>type</c> of each line, so readers need not guess strings.</summary>
internal static class RunEventTypes
{
    public const string RunStarted = "run-started";
    public const string RunResumed = "run-resumed";
    public const string Stage = "stage";
    public const string Message = "message";
    public const string LlmCall = "llm-call";
    public const string ToolCall = "tool-call";
    public const string CandidateProposed = "candidate-proposed";
    public const string CandidateJudged = "candidate-judged";
    public const string CandidateProgress = "candidate-progress";
    public const string StepCompleted = "step-completed";
    public const string BudgetExhausted = "budget-exhausted";
    public const string RunFinished = "run-finished";
    public const string RunFailed = "run-failed";
}
