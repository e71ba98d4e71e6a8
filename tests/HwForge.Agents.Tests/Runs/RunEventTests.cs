using System.Text.Json;
using HwForge.Agents.Design;
using HwForge.Agents.Reports;
using HwForge.Agents.Runs;
using HwForge.Agents.Supervisor;
using HwForge.Tools.Reward;
using HwForge.Tools.Targets;

namespace HwForge.Agents.Tests.Runs;

/// <summary>Each kind of run event is a record of its own, on disk as one line whose "type" says which.</summary>
public sealed class RunEventTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hwforge-run-events-").FullName;

    private static readonly CandidateOutcome Outcome = new()
    {
        Id = "c001", Verdict = Verdict.Pass, FailureClass = FailureClass.None, Summary = "matches the reference",
        Formal = "proven", Assurance = Assurance.Proven, Measurement = HwForge.Tools.Targets.Rtl.RtlTarget.Figures(1412, 40, 0.9, 1111, 0.36, "osu018"),
        Reward = 1.02, Tier = RewardTier.Verified, RewardExplanation = "verified (proven)",
    };

    private static readonly CandidateRow Row = new("c001", "catalog", null, "width=8", Verdict.Pass, FailureClass.None,
        "proven", null, Assurance.Proven, null, 1.02, true, "verified");

    public static TheoryData<RunEvent> EveryKind() => new(All());

    private static RunEvent[] All() =>
    [
        new RunStartedEvent { Message = "using the catalog", Start = new RunStart(DesignMode.Offline, "the offline catalog", "an adder") },
        new RunResumedEvent { Message = "resumed", Start = new RunStart(DesignMode.Llm, "LLM m at http://x/v1", null) },
        new StageEvent { Stage = "generate", Role = "supervisor", Message = "generating 3 candidate(s)" },
        new MessageEvent { Role = "coder", Stage = "generate", Candidate = "c001", Message = "**done**\nwith a second line" },
        new LlmCallEvent { Role = "coder", Stage = "generate", Message = "m answered", Usage = new LlmUsage("m", 120, 30, 150, 812) },
        new CandidateProposedEvent { Stage = "generate", Role = "catalog", Candidate = "c001", Message = "ripple",
            Proposal = new ProposalSummary("c001", "catalog", null, new Dictionary<string, string> { ["width"] = "8" }, "adder", 14) },
        new CandidateProgressEvent { Stage = "verify", Role = "judge", Candidate = "c001", Message = "formal ok" },
        new CandidateJudgedEvent { Stage = "verify", Role = "verifier", Candidate = "c001", Message = "verified", Outcome = Outcome },
        new StepCompletedEvent { Step = "judge/c001", Result = RunJson.ToElement(Outcome) },
        new BudgetExhaustedEvent { Message = "the LLM call budget (2) is spent" },
        new RunFinishedEvent { Stage = "report", Message = "c001 is verified", Result = new RunResult("verified", Row, 4, 600) },
        new RunFailedEvent { Message = "the LLM at http://x/v1 is unreachable" },
    ];

    [Theory]
    [MemberData(nameof(EveryKind))]
    public async Task Every_kind_of_event_reads_back_as_the_record_it_was_written_as(RunEvent draft)
    {
        var path = Path.Combine(_folder, $"{draft.Type}.jsonl");
        RunEvent written;
        await using (var log = EventLog.Open(path)) written = await log.AppendAsync(draft);

        var line = Assert.Single(await File.ReadAllLinesAsync(path));
        Assert.StartsWith($"{{\"seq\":1,\"time\":", line);
        Assert.Equal(draft.Type, JsonDocument.Parse(line).RootElement.GetProperty("type").GetString());
        var read = Assert.Single(EventLog.Read(path));
        Assert.IsType(draft.GetType(), read);
        // Records compare by value; the JSON results and dictionaries do not, so their text is compared instead.
        Assert.Equal(JsonSerializer.Serialize(written, RunJson.Compact), JsonSerializer.Serialize(read, RunJson.Compact));
        Assert.Equal((written.Seq, written.Time, written.Stage, written.Role, written.Candidate, written.Message),
            (read.Seq, read.Time, read.Stage, read.Role, read.Candidate, read.Message));
    }

    [Fact]
    public void A_judged_candidate_reads_back_with_its_outcome_and_a_finished_run_with_its_best()
    {
        var path = Path.Combine(_folder, "typed.jsonl");
        File.WriteAllLines(path, All().Select(e => JsonSerializer.Serialize(e, RunJson.Compact)));
        var events = EventLog.Read(path);

        Assert.Equal(Outcome, events.OfType<CandidateJudgedEvent>().Single().Outcome);
        Assert.Equal(Row, events.OfType<RunFinishedEvent>().Single().Result.Best);
        Assert.Equal(150, events.OfType<LlmCallEvent>().Single().Usage.TotalTokens);
        Assert.Equal("8", events.OfType<CandidateProposedEvent>().Single().Proposal.Parameters!["width"]);
    }

    [Fact]
    public void A_log_written_before_events_were_typed_still_reads_typed()
    {
        // Lines as the untyped events wrote them: every field present (nulls too), details under "data", type third.
        var path = Path.Combine(_folder, "old.jsonl");
        File.WriteAllLines(path,
        [
            """{"seq":1,"time":"2026-01-01T00:00:00+00:00","type":"run-started","stage":null,"role":null,"candidate":null,"step":null,"message":"using x","data":{"mode":"llm","strategy":"LLM m","request":"a counter"}}""",
            """{"seq":2,"time":"2026-01-01T00:00:01+00:00","type":"llm-call","stage":"spec","role":"architect","candidate":null,"step":null,"message":"m answered","data":{"role":"architect","model":"m","inputTokens":10,"outputTokens":5,"totalTokens":15,"ms":120}}""",
            """{"seq":3,"time":"2026-01-01T00:00:02+00:00","type":"step-completed","stage":null,"role":null,"candidate":null,"step":"baseline","message":null,"data":null}""",
        ]);

        var events = EventLog.Read(path);

        var started = Assert.IsType<RunStartedEvent>(events[0]);
        Assert.Equal(new RunStart(DesignMode.Llm, "LLM m", "a counter"), started.Start);
        Assert.Equal(new LlmUsage("m", 10, 5, 15, 120), Assert.IsType<LlmCallEvent>(events[1]).Usage);
        var step = Assert.IsType<StepCompletedEvent>(events[2]);
        Assert.Equal(("baseline", JsonValueKind.Null), (step.Step, step.Result.ValueKind));
    }

    [Fact]
    public async Task An_event_type_this_version_does_not_know_is_kept_and_the_log_goes_on()
    {
        var path = Path.Combine(_folder, "newer.jsonl");
        File.WriteAllLines(path,
        [
            """{"seq":1,"time":"2026-01-01T00:00:00+00:00","type":"stage","stage":"spec","message":"writing the spec"}""",
            """{"seq":2,"time":"2026-01-01T00:00:01+00:00","type":"kernel-profiled","stage":"measure","message":"2.1 ms","data":{"ms":2.1}}""",
            """{"seq":3,"time":"2026-01-01T00:00:02+00:00","message":"a line with no type at all"}""",
        ]);

        await using var log = EventLog.Open(path);

        var unknown = Assert.IsType<UnknownRunEvent>(log.Events[1]);
        Assert.Equal(("kernel-profiled", "measure", "2.1 ms"), (unknown.Type, unknown.Stage, unknown.Message));
        Assert.Equal(2.1, unknown.Data!.Value.GetProperty("ms").GetDouble());
        Assert.Equal("", Assert.IsType<UnknownRunEvent>(log.Events[2]).Type);
        Assert.Equal(4, (await log.AppendAsync(new MessageEvent { Message = "after" })).Seq);
        Assert.Equal(4, EventLog.Read(path).Count);
    }

    [Fact]
    public async Task A_resumed_run_counts_the_llm_calls_and_tokens_its_earlier_sessions_spent()
    {
        var path = Path.Combine(_folder, "budget.jsonl");
        await using (var log = EventLog.Open(path))
        {
            await log.AppendAsync(new LlmCallEvent { Role = "architect", Usage = new LlmUsage("m", 700, 300, 1000, 50) });
            await log.AppendAsync(new MessageEvent { Role = "coder", Message = "not a call" });
            await log.AppendAsync(new LlmCallEvent { Role = "coder", Usage = new LlmUsage("m", 900, 600, 1500, 80) });
        }

        var budget = new BudgetTracker(new RunBudget { MaxLlmCalls = 10, MaxTokens = 3000 }, EventLog.Read(path));

        Assert.Equal((2, 2500L), (budget.LlmCalls, budget.Tokens));
        Assert.Null(budget.Exhausted());
        budget.RecordCall(500);
        Assert.Equal("the token budget (3000) is spent", budget.Exhausted());
    }

    [Fact]
    public async Task A_step_that_found_nothing_is_replayed_as_nothing_instead_of_run_again()
    {
        var path = Path.Combine(_folder, "null-step.jsonl");
        var runs = 0;
        for (var session = 0; session < 2; session++)
        {
            await using var log = EventLog.Open(path);
            var journal = new StepJournal(log);
            Assert.Null(await journal.RunAsync<HwForge.Tools.Targets.TargetMeasurement?>("baseline", _ => { runs++; return Task.FromResult<HwForge.Tools.Targets.TargetMeasurement?>(null); }, default));
        }
        Assert.Equal(1, runs);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
