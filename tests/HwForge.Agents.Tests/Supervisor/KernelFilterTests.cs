using HwForge.Agents.Runs;
using HwForge.Agents.Supervisor;
using HwForge.ScriptedLlm;

namespace HwForge.Agents.Tests.Supervisor;

/// <summary>
/// The run's policy lives in Semantic Kernel filters: over real HTTP to the scripted server, a role's tool call
/// is logged by the function-invocation filter and a spent budget is enforced by the auto-invocation filter.
/// </summary>
public sealed class KernelFilterTests : IDisposable
{
    private const string Draft = "module counter4(input clk, output q);\n  assign q = undeclared_wire;\nendmodule\n";

    private readonly AgentTestHost _host = new();

    [Fact]
    public async Task The_coder_s_lint_call_appears_in_the_run_s_events_with_what_verilator_said()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.When("You are the Architect", ScriptAnswer.Reply(ScriptedCounter.Spec)),
            ScriptRule.When("You are the Coder", ScriptAnswer.CallTool("hwforge_lint_verilog", new { code = Draft }), ScriptAnswer.Reply(ScriptedCounter.Repaired))));
        await using var run = _host.NewRun(new RunOptions { Request = "a 4-bit counter with enable", Mode = DesignMode.Llm, Candidates = 1, OptimizeRounds = 0 });

        var report = await _host.Runner.RunAsync(run, Strategy(run, server), default);

        Assert.Equal("verified", report.Status);
        var events = EventLog.Read(Path.Combine(run.Path, RunFolder.EventsFile));
        var call = Assert.Single(events.OfType<ToolCallEvent>());
        Assert.Equal(("coder", "generate", "lint_verilog", false), (call.Role, call.Stage, call.Call.Tool, call.Call.Refused));
        Assert.Contains("undeclared_wire", call.Call.Arguments);
        Assert.Contains("Can't find definition of variable", call.Call.Result);
        // The tool's call sits between the two model answers of the coder's turn, and each answer was counted.
        var coderEvents = events.Where(e => e.Role == "coder" && e is LlmCallEvent or ToolCallEvent).Select(e => e.Type).ToList();
        Assert.Equal([RunEventTypes.LlmCall, RunEventTypes.ToolCall, RunEventTypes.LlmCall], coderEvents);
        Assert.Equal(3, report.LlmCalls);
    }

    [Fact]
    public async Task A_spent_call_budget_refuses_the_tool_call_ends_the_turn_and_stops_the_run()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.When("You are the Architect", ScriptAnswer.Reply(ScriptedCounter.Spec)),
            ScriptRule.When("You are the Coder", ScriptAnswer.CallTool("hwforge_lint_verilog", new { code = Draft }), ScriptAnswer.Reply(ScriptedCounter.Repaired))));
        await using var run = _host.NewRun(new RunOptions
        {
            Request = "a 4-bit counter with enable", Mode = DesignMode.Llm, Candidates = 1, RepairRounds = 3,
            Budget = new RunBudget { MaxLlmCalls = 2 },
        });

        var report = await _host.Runner.RunAsync(run, Strategy(run, server), default);

        // The architect's answer and the coder's request for lint spent the two calls: lint never ran, and
        // no third request went to the model, not even the one that would have carried lint's result back.
        Assert.Equal(2, server.ChatRequests.Count);
        var events = EventLog.Read(Path.Combine(run.Path, RunFolder.EventsFile));
        var refused = Assert.Single(events.OfType<ToolCallEvent>());
        Assert.True(refused.Call.Refused);
        Assert.Contains("call budget", refused.Call.Result);
        Assert.Equal("not-verified", report.Status);
        Assert.Contains("call budget", report.StopReason);
        Assert.Contains(events, e => e.Type == RunEventTypes.BudgetExhausted);
    }

    [Fact]
    public async Task A_spent_token_budget_stops_the_run_before_the_next_request_goes_to_the_model()
    {
        // The architect's one answer reports 1100 tokens against a budget of 1000: the coder is never asked.
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.When("You are the Architect", new ScriptAnswer { Text = ScriptedCounter.Spec, PromptTokens = 600, CompletionTokens = 500 }),
            ScriptRule.When("You are the Coder", ScriptAnswer.Reply(ScriptedCounter.Repaired))));
        await using var run = _host.NewRun(new RunOptions
        {
            Request = "a 4-bit counter with enable", Mode = DesignMode.Llm, Candidates = 1, OptimizeRounds = 0,
            Budget = new RunBudget { MaxTokens = 1000 },
        });

        var report = await _host.Runner.RunAsync(run, Strategy(run, server), default);

        Assert.Single(server.ChatRequests);
        Assert.Equal(1100, report.Tokens);
        Assert.Equal("not-verified", report.Status);
        Assert.Contains("token budget (1000)", report.StopReason);
        Assert.Contains(EventLog.Read(Path.Combine(run.Path, RunFolder.EventsFile)), e => e.Type == RunEventTypes.BudgetExhausted);
    }

    [Fact]
    public async Task A_reached_time_limit_stops_the_run_before_the_next_request_goes_to_the_model()
    {
        // The architect answers after 3 s, past the run's 2 s: the coder is never asked.
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.When("You are the Architect", new ScriptAnswer { Text = ScriptedCounter.Spec, DelayMs = 3000 }),
            ScriptRule.When("You are the Coder", ScriptAnswer.Reply(ScriptedCounter.Repaired))));
        await using var run = _host.NewRun(new RunOptions
        {
            Request = "a 4-bit counter with enable", Mode = DesignMode.Llm, Candidates = 1, OptimizeRounds = 0,
            Budget = new RunBudget { MaxWallTime = TimeSpan.FromSeconds(2) },
        });

        var report = await _host.Runner.RunAsync(run, Strategy(run, server), default);

        Assert.Single(server.ChatRequests);
        Assert.Equal("not-verified", report.Status);
        Assert.Contains("time limit", report.StopReason);
        Assert.Contains(EventLog.Read(Path.Combine(run.Path, RunFolder.EventsFile)), e => e.Type == RunEventTypes.BudgetExhausted);
    }

    private IDesignStrategy Strategy(RunFolder run, ScriptedLlmServer server) =>
        DesignStrategies.For(run.Options, new HwForge.Agents.Llm.LlmSettings { Endpoint = new Uri(server.BaseUrl), Model = "scripted" },
            _host.Host, _host.Versions, knowledge: null);

    public void Dispose() => _host.Dispose();
}
