using System.Collections.Immutable;
using HwForge.Agents.Design;
using HwForge.Agents.Runs;

namespace HwForge.WebUI.Runs;

/// <summary>Where a run stands, as far as its events tell.</summary>
public enum RunPhase
{
    NotStarted,
    Running,
    Finished,
    Failed,
}

/// <summary>One line of the conversation: what an agent did or said.</summary>
public sealed record StepLine(long Seq, DateTimeOffset Time, string Type, string? Stage, string? Role, string? Candidate, string Text)
{
    /// <summary>How a judged candidate or a finished run came out (pass, unproven, notjudged, fail), so only a proof is shown green.</summary>
    public string? Tone { get; init; }
}

/// <summary>One candidate as the page shows it: proposed, then judged.</summary>
public sealed record CandidateView(string Id, string? Origin, string? ParentId, string? Parameters, string? Notes, CandidateOutcome? Outcome)
{
    public bool Judged => Outcome is not null;

    /// <summary>The judge's latest step while it works on this candidate ("formal ok", "measuring (area, delay, power)").</summary>
    public string? Progress { get; init; }
}

/// <summary>
/// The page's state: a small reducer over a run's events, so a snapshot and a live stream end in the same
/// state, and a test can feed events and check what the page would show.
/// </summary>
public sealed record RunState
{
    public static RunState Empty { get; } = new();

    public RunPhase Phase { get; init; } = RunPhase.NotStarted;

    public string? Request { get; init; }

    /// <summary>Where the designs come from, in the run's own words ("the offline catalog (no LLM)").</summary>
    public string? Strategy { get; init; }

    public string? Stage { get; init; }

    public ImmutableList<StepLine> Steps { get; init; } = [];

    public ImmutableList<CandidateView> Candidates { get; init; } = [];

    /// <summary>The report's headline once the run finished, or why it failed.</summary>
    public string? Headline { get; init; }

    /// <summary>The report's status once finished: verified, not-proven, not-verified or not-judged (see <c>RunStatus</c>).</summary>
    public string? Status { get; init; }

    /// <summary>The judge's words for what was shown of the best design, once finished; null when none passed.</summary>
    public string? Shown { get; init; }

    /// <summary>The <c>--accept</c> level the run was started with (bounded, simulated), or null: only a proof.</summary>
    public string? Accept { get; init; }

    /// <summary>The best design met the bar the run was given: proven, or as strong as <see cref="Accept"/>.</summary>
    public bool Accepted { get; init; }

    public string? BestId { get; init; }

    public int LlmCalls { get; init; }

    /// <summary>The reference's figures, the baseline every candidate is measured against (from the run's baseline step).</summary>
    public HwForge.Tools.Targets.TargetMeasurement? Baseline { get; init; }

    public long LastSeq { get; init; }

    public bool Verified => Status == "verified";

    public static RunState From(IEnumerable<RunEvent> events) => events.Aggregate(Empty, (state, e) => state.Apply(e));

    /// <summary>The state after one more event; events already applied (by sequence number) change nothing.</summary>
    public RunState Apply(RunEvent e)
    {
        if (e.Seq != 0 && e.Seq <= LastSeq) return this;
        var next = this with { LastSeq = e.Seq == 0 ? LastSeq : e.Seq };
        switch (e)
        {
            case RunOpenedEvent opened:
                next = next with
                {
                    Phase = RunPhase.Running,
                    Strategy = opened.Start.Strategy,
                    Request = opened.Start.Request ?? next.Request,
                    Headline = null,
                    Status = null,
                    Shown = null,
                    Accept = null,
                    Accepted = false,
                };
                break;
            case StageEvent:
                next = next with { Stage = e.Stage };
                break;
            case LlmCallEvent:
                next = next with { LlmCalls = next.LlmCalls + 1 };
                break;
            case CandidateProposedEvent { Candidate: { } id } proposed:
                next = next with { Candidates = Upsert(next.Candidates, id, c => c with
                {
                    Origin = e.Role ?? proposed.Proposal.Origin,
                    ParentId = proposed.Proposal.ParentId,
                    Parameters = Parameters(proposed.Proposal.Parameters),
                    Notes = e.Message,
                }) };
                break;
            case CandidateProgressEvent { Candidate: { } id } progress:
                next = next with { Candidates = Upsert(next.Candidates, id, c => c with { Progress = progress.Message }) };
                break;
            case CandidateJudgedEvent { Candidate: { } id } judged:
                next = next with { Candidates = Upsert(next.Candidates, id, c => c with { Outcome = judged.Outcome }) };
                break;
            case RunFinishedEvent finished:
                next = next with
                {
                    Phase = RunPhase.Finished,
                    Headline = e.Message,
                    Status = finished.Result.Status,
                    Shown = finished.Result.Shown,
                    Accept = finished.Result.Accept is { } accept ? HwForge.Tools.Targets.AssuranceText.Word(accept) : null,
                    Accepted = finished.Result.Accepted,
                    BestId = finished.Result.Best?.Id,
                };
                break;
            case RunFailedEvent:
                next = next with { Phase = RunPhase.Failed, Headline = e.Message };
                break;
            case StepCompletedEvent { Step: "baseline" } baseline when baseline.Result.ValueKind == System.Text.Json.JsonValueKind.Object:
                next = next with { Baseline = BaselineOf(baseline.Result) };
                break;
        }
        // Journal bookkeeping is for resuming, not for people; a candidate's judging steps show on the candidate itself.
        if (e is not (StepCompletedEvent or CandidateProgressEvent))
            next = next with { Steps = next.Steps.Add(new StepLine(e.Seq, e.Time, e.Type, e.Stage, e.Role, e.Candidate, e.Message ?? e.Type) { Tone = Tone(e) }) };
        return next;
    }

    // A baseline step that could not measure the reference has nothing to compare against.
    private static HwForge.Tools.Targets.TargetMeasurement? BaselineOf(System.Text.Json.JsonElement result)
    {
        try
        {
            return RunJson.FromElement<HwForge.Tools.Targets.TargetMeasurement>(result) is { Succeeded: true } measured ? measured : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string? Tone(RunEvent e) => e switch
    {
        CandidateJudgedEvent { Outcome: { } o } => o.Verified ? "pass" : o.NotJudged ? "notjudged" : o.Passed ? "unproven" : "fail",
        RunFinishedEvent finished => finished.Result.Status switch
        {
            "verified" => "pass",
            "not-proven" => "unproven",
            "not-judged" => "notjudged",
            _ => "fail",
        },
        _ => null,
    };

    private static ImmutableList<CandidateView> Upsert(ImmutableList<CandidateView> list, string id, Func<CandidateView, CandidateView> change)
    {
        var index = list.FindIndex(c => c.Id == id);
        return index < 0
            ? list.Add(change(new CandidateView(id, null, null, null, null, null)))
            : list.SetItem(index, change(list[index]));
    }

    private static string? Parameters(IReadOnlyDictionary<string, string>? parameters) =>
        parameters is null ? null : string.Join(", ", parameters.Select(p => $"{p.Key}={p.Value}"));
}
