using HwForge.Agents.Design;
using HwForge.Agents.Knowledge;
using HwForge.KnowledgeBase;
using HwForge.Agents.Llm;
using HwForge.Agents.Runs;
using HwForge.Agents.Supervisor;
using HwForge.ScriptedLlm;

namespace HwForge.Agents.Tests.Supervisor;

/// <summary>The LLM path end to end: real HTTP to a scripted OpenAI-compatible server, real tools judging.</summary>
public sealed class LlmDesignTests : IDisposable
{
    private const string Key = "sk-test-secret-4f2a";

    private const string Spec = ScriptedCounter.Spec;
    private const string Buggy = ScriptedCounter.IgnoresEnable;
    private const string Repaired = ScriptedCounter.Repaired;
    private const string Optimized = ScriptedCounter.Optimized;

    private readonly AgentTestHost _host = new();

    [Fact]
    public async Task A_request_goes_through_architect_coder_judge_repair_and_optimizer_over_real_HTTP()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.When("You are the Architect", ScriptAnswer.Reply(Spec)),
            ScriptRule.When("repairing a design", ScriptAnswer.Reply(Repaired)),
            ScriptRule.When("You are the Coder", ScriptAnswer.Reply(Buggy)),
            ScriptRule.When("You are the Optimizer", ScriptAnswer.Reply(Optimized))) { ApiKey = Key });
        var settings = new LlmSettings { Endpoint = new Uri(server.BaseUrl), Model = "scripted", ApiKey = Key };
        var options = new RunOptions
        {
            Request = "a 4-bit counter with enable", Mode = DesignMode.Llm, LlmEndpoint = server.BaseUrl, Model = "scripted",
            Candidates = 1, RepairRounds = 2, OptimizeRounds = 1, OptimizeBatch = 1,
        };
        await using var run = _host.NewRun(options);
        var strategy = DesignStrategies.For(run.Options, settings, _host.Host, _host.Versions, knowledge: null);

        var report = await _host.Runner.RunAsync(run, strategy, default);

        Assert.Equal("verified", report.Status);
        Assert.Equal(ReferenceOrigin.Architect, report.ReferenceOrigin);
        Assert.True(report.ReferenceNeedsReview);
        Assert.Equal(["coder", "repair", "optimizer"], report.Candidates.Select(c => c.Origin));
        Assert.Equal(HwForge.Tools.Targets.Verdict.Fail, report.Candidates[0].Verdict);
        Assert.Equal(HwForge.Tools.Targets.FailureClass.FunctionalMismatch, report.Candidates[0].FailureClass);
        Assert.Equal("c001", report.Candidates[1].ParentId);
        Assert.All(report.Candidates.Skip(1), c => Assert.Equal(HwForge.Tools.Targets.Verdict.Pass, c.Verdict));
        Assert.Equal(4, report.LlmCalls);
        Assert.True(report.Tokens > 0);

        // The repair prompt carried the judge's own feedback: the first mismatch and the inputs before it.
        var repairPrompt = server.ChatRequests.Single(r => r.Body.Contains("repairing a design")).Body;
        Assert.Contains("First mismatch at cycle", repairPrompt);
        Assert.Contains("en=", repairPrompt);

        // The key went to the server and nowhere into the run folder.
        Assert.All(server.ChatRequests, r => Assert.Equal($"Bearer {Key}", r.Authorization));
        foreach (var file in Directory.EnumerateFiles(run.Path, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".lock")))
            Assert.DoesNotContain(Key, await File.ReadAllTextAsync(file));
        Assert.Contains("Review the reference", await File.ReadAllTextAsync(Path.Combine(run.Path, RunFolder.ReportMarkdownFile)));
    }

    [Fact]
    public async Task An_answer_without_code_becomes_a_failed_candidate_with_feedback_not_a_crash()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.When("You are the Architect", ScriptAnswer.Reply(Spec)),
            ScriptRule.When("repairing a design", ScriptAnswer.Reply(Repaired)),
            ScriptRule.When("You are the Coder", ScriptAnswer.Reply("I would use a counter. Hope this helps!"))));
        var settings = new LlmSettings { Endpoint = new Uri(server.BaseUrl), Model = "scripted" };
        await using var run = _host.NewRun(new RunOptions
        {
            Request = "a 4-bit counter with enable", Mode = DesignMode.Llm, Candidates = 1, RepairRounds = 1, OptimizeRounds = 0,
        });

        var report = await _host.Runner.RunAsync(run, DesignStrategies.For(run.Options, settings, _host.Host, _host.Versions, null), default);

        Assert.Equal("verified", report.Status);
        Assert.NotEqual(HwForge.Tools.Targets.Verdict.Pass, report.Candidates[0].Verdict);
        Assert.Equal("c002", report.Best?.Id);
    }

    [Fact]
    public async Task A_role_may_lint_its_draft_through_a_tool_call_and_the_result_goes_back_to_the_model()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.When("You are the Architect", ScriptAnswer.Reply(Spec)),
            ScriptRule.When("You are the Coder",
                ScriptAnswer.CallTool("hwforge_lint_verilog", new { code = "module counter4(input clk, output q);\n  assign q = undeclared_wire;\nendmodule\n" }),
                ScriptAnswer.Reply(Repaired))));
        var settings = new LlmSettings { Endpoint = new Uri(server.BaseUrl), Model = "scripted" };
        await using var run = _host.NewRun(new RunOptions { Request = "a 4-bit counter with enable", Mode = DesignMode.Llm, Candidates = 1, OptimizeRounds = 0 });

        var report = await _host.Runner.RunAsync(run, DesignStrategies.For(run.Options, settings, _host.Host, _host.Versions, null), default);

        Assert.Equal("verified", report.Status);
        var coderCalls = server.ChatRequests.Where(r => r.Body.Contains("You are the Coder")).ToList();
        Assert.Equal(2, coderCalls.Count);
        Assert.Contains("lint_verilog", coderCalls[0].Body); // the tool was offered
        Assert.DoesNotContain("find definition", coderCalls[0].Body);
        Assert.Contains("Can't find definition of variable", coderCalls[1].Body); // Verilator's own message came back
    }

    [Fact]
    public async Task A_spent_call_budget_stops_the_run_with_a_report_that_says_why()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.When("You are the Architect", ScriptAnswer.Reply(Spec)),
            ScriptRule.When("You are the Coder", ScriptAnswer.Reply(Buggy))));
        var settings = new LlmSettings { Endpoint = new Uri(server.BaseUrl), Model = "scripted" };
        await using var run = _host.NewRun(new RunOptions
        {
            Request = "a 4-bit counter with enable", Mode = DesignMode.Llm, Candidates = 1, RepairRounds = 5,
            Budget = new RunBudget { MaxLlmCalls = 2 },
        });

        var report = await _host.Runner.RunAsync(run, DesignStrategies.For(run.Options, settings, _host.Host, _host.Versions, null), default);

        Assert.Equal("not-verified", report.Status);
        Assert.Equal(2, report.LlmCalls);
        Assert.Equal(2, server.ChatRequests.Count);
        Assert.Contains("call budget", report.StopReason);
        Assert.Contains(EventLog.Read(Path.Combine(run.Path, RunFolder.EventsFile)), e => e.Type == RunEventTypes.BudgetExhausted);
    }

    [Fact]
    public async Task A_failure_repaired_in_one_run_is_offered_to_the_next_run_that_hits_the_same_error()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.When("You are the Architect", ScriptAnswer.Reply(Spec)),
            ScriptRule.When("repairing a design", ScriptAnswer.Reply(Repaired)),
            ScriptRule.When("You are the Coder", ScriptAnswer.Reply(Buggy))));
        var settings = new LlmSettings { Endpoint = new Uri(server.BaseUrl), Model = "scripted" };
        await using var store = await KnowledgeStores.OpenDefaultAsync(_host.Home.Data);
        var runner = new DesignRunner(_host.Host, _host.Versions, store);
        var options = new RunOptions { Request = "a 4-bit counter with enable", Mode = DesignMode.Llm, Candidates = 1, OptimizeRounds = 0 };

        foreach (var _ in new[] { "first run", "second run" })
        {
            await using var run = _host.NewRun(options);
            var strategy = DesignStrategies.For(run.Options, settings, _host.Host, _host.Versions, new KnowledgePrompts(store));
            Assert.Equal("verified", (await runner.RunAsync(run, strategy, default)).Status);
        }

        var repairPrompts = server.ChatRequests.Where(r => r.Body.Contains("repairing a design")).Select(r => r.Body).ToList();
        Assert.Equal(2, repairPrompts.Count);
        Assert.DoesNotContain("The enable was ignored", repairPrompts[0]);
        Assert.Contains("The enable was ignored", repairPrompts[1]); // the first run's fix, retrieved for the same mismatch
    }

    public void Dispose() => _host.Dispose();
}
