using HwForge.Agents.Design;
using HwForge.Agents.Llm;
using HwForge.Agents.Roles;
using HwForge.Agents.Runs;
using HwForge.Agents.Supervisor;
using HwForge.ScriptedLlm;
using HwForge.Tools.Foundation;

namespace HwForge.Agents.Tests.Supervisor;

/// <summary>A spec that names a clock its reference lacks is a mistake the run reports, never an internal error.</summary>
public sealed class BadSpecTests : IDisposable
{
    // The Architect's spec names a clock its own reference does not have.
    private static readonly string WrongClock = ScriptedCounter.Spec.Replace("\"clock\": \"clk\"", "\"clock\": \"clk_sys\"");

    private readonly AgentTestHost _host = new();

    [Fact]
    public async Task An_architect_spec_naming_a_clock_its_reference_lacks_is_written_again_and_the_run_finishes_with_a_report()
    {
        Assert.Contains("clk_sys", WrongClock);
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.When("You are the Architect", ScriptAnswer.Reply(WrongClock), ScriptAnswer.Reply(ScriptedCounter.Spec)),
            ScriptRule.When("You are the Coder", ScriptAnswer.Reply(ScriptedCounter.Repaired))));
        await using var run = _host.NewRun(Options());

        var report = await _host.Runner.RunAsync(run, Strategy(run, server), default);

        Assert.Equal("verified", report.Status);
        var architect = server.ChatRequests.Where(r => r.Body.Contains("You are the Architect")).ToList();
        Assert.Equal(2, architect.Count);
        Assert.Contains("the clock is named 'clk_sys'", architect[1].Body); // the Architect heard why
        Assert.Contains(EventLog.Read(Path.Combine(run.Path, RunFolder.EventsFile)),
            e => e.Type == RunEventTypes.Message && e.Message?.Contains("clk_sys") == true); // and so does the user
    }

    [Fact]
    public async Task An_architect_that_keeps_naming_a_missing_clock_ends_the_run_with_a_message_naming_the_clock()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.When("You are the Architect", ScriptAnswer.Reply(WrongClock), ScriptAnswer.Reply(WrongClock))));
        await using var run = _host.NewRun(Options());

        var error = await Assert.ThrowsAsync<LlmAnswerException>(() => _host.Runner.RunAsync(run, Strategy(run, server), default));

        Assert.Contains("the clock is named 'clk_sys'", error.Message);
        Assert.DoesNotContain(server.ChatRequests, r => r.Body.Contains("You are the Coder")); // no candidate was spent on it
    }

    [Fact]
    public async Task A_user_spec_naming_a_clock_its_reference_lacks_is_refused_as_invalid_input_before_any_candidate()
    {
        var folder = Directory.CreateTempSubdirectory("hwforge-spec-").FullName;
        File.WriteAllText(Path.Combine(folder, "ref.v"), "module counter4(input clk, input rst, input en, output reg [3:0] q);\n  always @(posedge clk) if (rst) q <= 0; else if (en) q <= q + 1;\nendmodule\n");
        File.WriteAllText(Path.Combine(folder, "spec.yaml"), "top: counter4\nreference: ref.v\nclock: clk_sys\nreset: rst\n");
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.When("You are the Coder", ScriptAnswer.Reply(ScriptedCounter.Repaired))));
        await using var run = _host.NewRun(Options() with { Request = null, Spec = SpecFile.Load(Path.Combine(folder, "spec.yaml")) });

        var error = await Assert.ThrowsAsync<HwForgeException>(() => _host.Runner.RunAsync(run, Strategy(run, server), default));

        Assert.Equal(ProblemKind.InvalidInput, error.Kind);
        Assert.Contains("the clock is named 'clk_sys'", error.Message);
        Assert.Empty(server.ChatRequests);
        Directory.Delete(folder, true);
    }

    private static RunOptions Options() => new()
    {
        Request = "a 4-bit counter with enable", Mode = DesignMode.Llm, Candidates = 1, RepairRounds = 1, OptimizeRounds = 0,
    };

    private IDesignStrategy Strategy(RunFolder run, ScriptedLlmServer server) =>
        DesignStrategies.For(run.Options, new LlmSettings { Endpoint = new Uri(server.BaseUrl), Model = "scripted" }, _host.Host, _host.Versions, null);

    public void Dispose() => _host.Dispose();
}
