using HwForge.Agents.Design;
using HwForge.Agents.Judging;
using HwForge.Agents.Llm;
using HwForge.Agents.Reports;
using HwForge.Agents.Runs;
using HwForge.Agents.Supervisor;
using HwForge.Agents.Tests.TestTarget;
using HwForge.ScriptedLlm;
using HwForge.Tools.Reward;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl;

namespace HwForge.Agents.Tests.Judging;

/// <summary>
/// A judge error (a tool failed, the machine ran out of time) is not a verdict on the design: the candidate is
/// judged once more, and if the judge still cannot finish it is "not judged": never best, never repaired as if wrong,
/// never counted as a failure, and said so in the events and the report.
/// </summary>
public sealed class NotJudgedTests : IDisposable
{
    private readonly AgentTestHost _host = new();

    private static TargetVerdict Report(Verdict verdict, FailureClass failure, string summary) =>
        new() { Verdict = verdict, FailureClass = failure, Summary = summary, Report = summary };

    [Fact]
    public async Task A_judge_error_is_asked_again_once_and_a_second_answer_is_the_one_kept()
    {
        var answers = new Queue<TargetVerdict>([Report(Verdict.Error, FailureClass.Timeout, "the machine's time ran out"), Report(Verdict.Pass, FailureClass.None, "ok")]);

        var (report, attempts) = await JudgeAgain.VerifyAsync(_ => Task.FromResult(answers.Dequeue()), default);

        Assert.Equal((Verdict.Pass, 2), (report.Verdict, attempts));
    }

    [Theory]
    [InlineData(Verdict.Fail, FailureClass.Timeout)]           // a design that really hangs is a verdict
    [InlineData(Verdict.Fail, FailureClass.FunctionalMismatch)]
    [InlineData(Verdict.Pass, FailureClass.None)]
    public async Task A_verdict_on_the_design_is_not_asked_again(Verdict verdict, FailureClass failure)
    {
        var calls = 0;

        var (report, attempts) = await JudgeAgain.VerifyAsync(_ => { calls++; return Task.FromResult(Report(verdict, failure, "x")); }, default);

        Assert.Equal((verdict, 1, 1), (report.Verdict, attempts, calls));
    }

    [Fact]
    public async Task A_candidate_not_judged_is_neither_best_nor_a_failure_in_the_report()
    {
        var report = await Build(Proven("c001"), NotJudged("c002", "the simulation was still running when the machine's time ran out"));

        Assert.Equal(RunStatus.Verified, report.Status);
        Assert.Equal("c001", report.Best?.Id);
        Assert.Equal(1, report.NotJudged);
        Assert.Contains(", 1 not judged", report.Headline);
        Assert.DoesNotContain("c002", report.ParetoFrontier);
        var markdown = ReportWriter.Markdown(report);
        Assert.Contains("| c002 | coder |  | not judged (ToolError) |", markdown);
        Assert.Contains("## Not judged", markdown);
        Assert.Contains("- c002: not judged: the simulation was still running", markdown);
        Assert.DoesNotContain("## Why candidates failed", markdown);
    }

    [Fact]
    public async Task A_run_where_no_candidate_could_be_judged_says_not_judged_not_wrong()
    {
        var report = await Build(NotJudged("c001", "Yosys cannot read the design"));

        Assert.Equal(RunStatus.NotJudged, report.Status);
        Assert.Null(report.Best);
        Assert.StartsWith("No candidate of 1 could be judged (not judged: Yosys cannot read the design)", report.Headline);
        Assert.DoesNotContain("passed verification", report.Headline);
    }

    [Fact]
    public async Task With_an_LLM_a_candidate_the_judge_cannot_finish_is_judged_twice_and_not_sent_back_for_repair()
    {
        // A target whose judge always breaks down (as a crashed tool would): every judgement is an error.
        var broken = new BrokenJudgeTarget();
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.When("You are the Architect", ScriptAnswer.Reply("```json\n{\"top\": \"sq\", \"description\": \"x squared\"}\n```\n```calc\nx * x\n```")),
            ScriptRule.When("You are the Repair", ScriptAnswer.Reply("```calc\nx*x\n```")),
            ScriptRule.When("You are the Coder", ScriptAnswer.Reply("```calc\nx*x\n```"))));
        var settings = new LlmSettings { Endpoint = new Uri(server.BaseUrl), Model = "scripted" };
        await using var run = _host.NewRun(new RunOptions
        {
            Request = "x squared", Mode = DesignMode.Llm, Target = CalcTarget.TargetName, Candidates = 1, RepairRounds = 2, OptimizeRounds = 1,
        });
        var runner = new DesignRunner(_host.Host, _host.Versions, targets: new TargetRegistry([broken]));

        var report = await runner.RunAsync(run, DesignStrategies.For(run.Options, settings, _host.Host, _host.Versions, null), default);

        Assert.Equal(RunStatus.NotJudged, report.Status);
        Assert.DoesNotContain(server.ChatRequests, r => r.Body.Contains("You are the Repair"));
        Assert.Equal(2, broken.Judgements);
        var judged = Assert.Single(EventLog.Read(Path.Combine(run.Path, RunFolder.EventsFile)).OfType<CandidateJudgedEvent>());
        Assert.StartsWith("not judged: ", judged.Message);
        var outcome = judged.Outcome;
        Assert.Equal((Verdict.Error, RewardTier.NotJudged, 2), (outcome.Verdict, outcome.Tier, outcome.JudgeAttempts));
    }

    /// <summary>The calc test target with a judge that cannot finish: every verification ends in an error.</summary>
    private sealed class BrokenJudgeTarget : ITarget
    {
        private readonly CalcTarget _calc = new();
        private int _judgements;

        public int Judgements => _judgements;

        public string Name => _calc.Name;
        public string Title => _calc.Title;
        public IReadOnlyList<FileKind> FileKinds => _calc.FileKinds;
        public IReadOnlyList<HwForge.Tools.Programs.ToolDescriptor> Tools => _calc.Tools;
        public IReadOnlyList<Objective> Objectives => _calc.Objectives;
        public IReadOnlyList<TargetOption> Options => _calc.Options;
        public ITargetPrompts Prompts => _calc.Prompts;
        public DraftCheck? DraftCheck => null;
        public IOfflineCatalog? Catalog => null;
        public AnswerDesign ReadAnswer(string answer, string top) => _calc.ReadAnswer(answer, top);
        public string? TopOf(DesignArtifact design) => null;
        public Task<TargetMeasurement> MeasureAsync(DesignArtifact design, DesignHints hints, TargetJob job, CancellationToken cancellation) =>
            _calc.MeasureAsync(design, hints, job, cancellation);
        public string Feedback(TargetVerdict verdict, DesignArtifact design) => _calc.Feedback(verdict, design);

        public Task<TargetVerdict> VerifyAsync(DesignArtifact design, DesignReference reference, DesignHints hints, TargetJob job, CancellationToken cancellation)
        {
            Interlocked.Increment(ref _judgements);
            return Task.FromResult(new TargetVerdict
            {
                Verdict = Verdict.Error, FailureClass = FailureClass.ToolError,
                Summary = "the simulator crashed (signal 11)", Report = "crashed",
            });
        }
    }

    private async Task<RunReport> Build(params JudgedCandidate[] history)
    {
        var options = new RunOptions { Request = "an 8-bit adder" };
        await using var run = _host.NewRun(options);
        var spec = new DesignSpec { Top = "adder8", Description = "8-bit adder", ReferenceOrigin = ReferenceOrigin.User, Reference = DesignReference.Of(DesignArtifact.Single("rtl", "adder8", "reference.v", "module adder8; endmodule\n")) };
        return RunReportBuilder.Build(run, new RtlTarget(_host.Host, _host.Versions), "test", spec, null, history, new BudgetTracker(options.Budget, []), null);
    }

    private static JudgedCandidate Proven(string id) => Candidate(new CandidateOutcome
    {
        Id = id, Verdict = Verdict.Pass, FailureClass = FailureClass.None, Summary = "verified", Shown = "formally proven equivalent (SAT)",
        Assurance = Assurance.Proven, Formal = "proven", Measurement = RtlTarget.Figures(100, 10, 1, 1000, 0.1, "osu018"),
        Reward = 1, Tier = RewardTier.Verified, RewardExplanation = "verified (proven)",
    });

    private static JudgedCandidate NotJudged(string id, string why)
    {
        var result = HierarchicalReward.Score(JudgeEvaluation.From(Verdict.Error, FailureClass.ToolError), PpaMetrics.Unmeasured, ObjectiveWeights.Equal);
        return Candidate(new CandidateOutcome
        {
            Id = id, Verdict = Verdict.Error, FailureClass = FailureClass.ToolError, Summary = why, JudgeAttempts = 2,
            Reward = result.Reward, Tier = result.Tier, RewardExplanation = result.Explanation,
        });
    }

    private static JudgedCandidate Candidate(CandidateOutcome outcome) =>
        new(new CandidateProposal { Id = outcome.Id, Origin = "coder", Design = DesignArtifact.Single("rtl", "adder8", "design.v", "module adder8; endmodule") }, outcome);

    public void Dispose() => _host.Dispose();
}
