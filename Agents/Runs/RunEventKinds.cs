using System.Text.Json;
using System.Text.Json.Serialization;
using HwForge.Agents.Design;
using HwForge.Agents.Reports;

namespace HwForge.Agents.Runs;

// One record per kind of run event. The details each kind carries are its "data" on disk, under the same
// names the untyped events of earlier versions used, so their logs read back typed too.

/// <summary>A run's first session began, or a later one resumed it.</summary>
public abstract record RunOpenedEvent : RunEvent
{
    [JsonPropertyName("data"), JsonPropertyOrder(1)]
    public required RunStart Start { get; init; }
}

/// <summary><see cref="RunEventTypes.RunStarted"/>.</summary>
internal sealed record RunStartedEvent : RunOpenedEvent
{
    private protected override string Kind => RunEventTypes.RunStarted;
}

/// <summary><see cref="RunEventTypes.RunResumed"/>.</summary>
internal sealed record RunResumedEvent : RunOpenedEvent
{
    private protected override string Kind => RunEventTypes.RunResumed;
}

/// <summary>How a run (or a session of it) set out: where its designs come from and what was asked.</summary>
public sealed record RunStart(DesignMode Mode, string Strategy, string? Request);

/// <summary><see cref="RunEventTypes.Stage"/>: the supervisor entered <see cref="RunEvent.Stage"/>.</summary>
public sealed record StageEvent : RunEvent
{
    private protected override string Kind => RunEventTypes.Stage;
}

/// <summary>
/// <see cref="RunEventTypes.CandidateProgress"/>: a step of a candidate's judging was decided ("lint ok", "formal ok",
/// "measuring"), so a person watching sees the judge at work between the proposal and the verdict. Never a verdict.
/// </summary>
public sealed record CandidateProgressEvent : RunEvent
{
    private protected override string Kind => RunEventTypes.CandidateProgress;
}

/// <summary><see cref="RunEventTypes.Message"/>: an agent's text (Markdown) for people.</summary>
public sealed record MessageEvent : RunEvent
{
    private protected override string Kind => RunEventTypes.Message;
}

/// <summary><see cref="RunEventTypes.LlmCall"/>: one model answer, and what it cost.</summary>
public sealed record LlmCallEvent : RunEvent
{
    [JsonPropertyName("data"), JsonPropertyOrder(1)]
    public required LlmUsage Usage { get; init; }

    private protected override string Kind => RunEventTypes.LlmCall;
}

/// <summary>The tokens and time of one model answer; a resumed run's budget counts them again.</summary>
public sealed record LlmUsage(string? Model, long InputTokens, long OutputTokens, long TotalTokens, double Ms);

/// <summary><see cref="RunEventTypes.ToolCall"/>: a role called one of HwForge's tools (logged by the kernel's filter).</summary>
public sealed record ToolCallEvent : RunEvent
{
    [JsonPropertyName("data"), JsonPropertyOrder(1)]
    public required ToolCallSummary Call { get; init; }

    private protected override string Kind => RunEventTypes.ToolCall;
}

/// <summary>Which tool, with what (clipped), what came back (clipped), how long it took; refused: never run.</summary>
public sealed record ToolCallSummary(string Tool, string Arguments, string Result, double Ms, bool Refused = false);

/// <summary><see cref="RunEventTypes.CandidateProposed"/>: a design was put forward (its files are in the run folder).</summary>
public sealed record CandidateProposedEvent : RunEvent
{
    [JsonPropertyName("data"), JsonPropertyOrder(1)]
    public required ProposalSummary Proposal { get; init; }

    private protected override string Kind => RunEventTypes.CandidateProposed;
}

/// <summary>What a view needs of a proposal without reading its code.</summary>
public sealed record ProposalSummary(string Id, string Origin, string? ParentId, IReadOnlyDictionary<string, string>? Parameters, string Top, int Lines);

/// <summary><see cref="RunEventTypes.CandidateJudged"/>: the judge's findings on <see cref="RunEvent.Candidate"/>.</summary>
public sealed record CandidateJudgedEvent : RunEvent
{
    [JsonPropertyName("data"), JsonPropertyOrder(1)]
    public required CandidateOutcome Outcome { get; init; }

    private protected override string Kind => RunEventTypes.CandidateJudged;
}

/// <summary>
/// <see cref="RunEventTypes.StepCompleted"/>: a journal step finished (see <see cref="StepJournal"/>). Its result is
/// whatever the step returned, so it stays JSON until the journal replays it as the type the step asks for.
/// </summary>
public sealed record StepCompletedEvent : RunEvent
{
    public required string Step { get; init; }

    [JsonPropertyName("data"), JsonPropertyOrder(1)]
    public required JsonElement Result { get; init; }

    private protected override string Kind => RunEventTypes.StepCompleted;
}

/// <summary><see cref="RunEventTypes.BudgetExhausted"/>: the run stops starting new work; the message says which budget.</summary>
public sealed record BudgetExhaustedEvent : RunEvent
{
    private protected override string Kind => RunEventTypes.BudgetExhausted;
}

/// <summary><see cref="RunEventTypes.RunFinished"/>: the report is written; the message is its headline.</summary>
public sealed record RunFinishedEvent : RunEvent
{
    [JsonPropertyName("data"), JsonPropertyOrder(1)]
    public required RunResult Result { get; init; }

    private protected override string Kind => RunEventTypes.RunFinished;
}

/// <summary>The part of the report a live view shows at the end (the rest is in <c>report.json</c>).</summary>
public sealed record RunResult(string Status, CandidateRow? Best, int LlmCalls, long Tokens)
{
    /// <summary>What was shown of the best design, in the judge's words; null when none passed.</summary>
    public string? Shown { get; init; }

    /// <summary>The lowest assurance the run was asked to accept; null: only a proof.</summary>
    public HwForge.Tools.Targets.Assurance? Accept { get; init; }

    /// <summary>The best design is good enough for what was asked (proven, or at least <see cref="Accept"/>).</summary>
    public bool Accepted { get; init; }
}

/// <summary><see cref="RunEventTypes.RunFailed"/>: the run stopped on an error; the message says why.</summary>
public sealed record RunFailedEvent : RunEvent
{
    private protected override string Kind => RunEventTypes.RunFailed;
}

/// <summary>
/// A line of a type this version does not know (written by a newer HwForge, or by hand): kept with its type
/// and details so a reader can show or skip it, rather than refuse the whole log.
/// </summary>
internal sealed record UnknownRunEvent : RunEvent
{
    [JsonIgnore]
    public string Name { get; init; } = "";

    [JsonPropertyName("data"), JsonPropertyOrder(1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Data { get; init; }

    private protected override string Kind => Name;
}

/// <summary>The one table of event types and the records they are read into.</summary>
internal static class RunEventKinds
{
    private static readonly Dictionary<string, Type> ByName = new(StringComparer.Ordinal)
    {
        [RunEventTypes.RunStarted] = typeof(RunStartedEvent),
        [RunEventTypes.RunResumed] = typeof(RunResumedEvent),
        [RunEventTypes.Stage] = typeof(StageEvent),
        [RunEventTypes.Message] = typeof(MessageEvent),
        [RunEventTypes.LlmCall] = typeof(LlmCallEvent),
        [RunEventTypes.ToolCall] = typeof(ToolCallEvent),
        [RunEventTypes.CandidateProposed] = typeof(CandidateProposedEvent),
        [RunEventTypes.CandidateJudged] = typeof(CandidateJudgedEvent),
        [RunEventTypes.CandidateProgress] = typeof(CandidateProgressEvent),
        [RunEventTypes.StepCompleted] = typeof(StepCompletedEvent),
        [RunEventTypes.BudgetExhausted] = typeof(BudgetExhaustedEvent),
        [RunEventTypes.RunFinished] = typeof(RunFinishedEvent),
        [RunEventTypes.RunFailed] = typeof(RunFailedEvent),
    };

    public static Type? TypeOf(string name) => ByName.GetValueOrDefault(name);
}
