using HwForge.Agents.Llm;
using HwForge.Agents.Runs;
using HwForge.Agents.Supervisor;
using HwForge.ScriptedLlm;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl;

namespace HwForge.Agents.Tests.TestTarget;

/// <summary>
/// The seam: a target added in this folder alone runs through the same supervisor, roles, judge, reward, run folder
/// and report as RTL, over real HTTP to the scripted model.
/// </summary>
public sealed class CalcTargetTests : IDisposable
{
    private const string Spec = """
        ```json
        {"top": "square_plus", "description": "(x + 1) squared"}
        ```
        ```calc
        (x + 1) * (x + 1)
        ```
        """;

    private readonly AgentTestHost _host = new();

    [Fact]
    public async Task A_target_added_in_one_folder_designs_repairs_optimizes_and_reports_through_the_same_supervisor()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.When("You are the Architect", ScriptAnswer.Reply(Spec)),
            ScriptRule.When("You are the Repair", ScriptAnswer.Reply("```calc\nx*x + 2*x + 1\n```\nFixed the constant.")),
            ScriptRule.When("You are the Coder", ScriptAnswer.Reply("```calc\nx*x + 2*x + 2\n```")),
            ScriptRule.When("You are the Optimizer", ScriptAnswer.Reply("```calc\nx*x+2*x+1\n```\nDropped the spaces."))));
        var settings = new LlmSettings { Endpoint = new Uri(server.BaseUrl), Model = "scripted" };
        var options = new RunOptions
        {
            Request = "(x+1)^2", Mode = DesignMode.Llm, Target = CalcTarget.TargetName, LlmEndpoint = server.BaseUrl, Model = "scripted",
            Candidates = 1, RepairRounds = 1, OptimizeRounds = 1, OptimizeBatch = 1,
        };
        await using var run = _host.NewRun(options);
        var targets = new TargetRegistry([new RtlTarget(_host.Host, _host.Versions), new CalcTarget()]);
        var runner = new DesignRunner(_host.Host, _host.Versions, targets: targets);

        var report = await runner.RunAsync(run, DesignStrategies.For(run.Options, settings, _host.Host, _host.Versions, null), default);

        Assert.Equal("verified", report.Status);
        Assert.Equal(CalcTarget.TargetName, report.Target);
        Assert.Equal(["coder", "repair", "optimizer"], report.Candidates.Select(c => c.Origin));
        Assert.Equal(HwForge.Tools.Targets.Verdict.Fail, report.Candidates[0].Verdict);
        Assert.Equal("c003", report.Best?.Id); // the shorter of the two equal expressions
        Assert.Equal(9, report.Best!.Measurement!.Metrics[CalcTarget.Length]);
        Assert.Equal(["length"], report.Objectives.Select(o => o.Name));

        // The repair prompt carried the target's own feedback: the first x where the design differs.
        Assert.Contains("x = -64: expected 3969, got 3970", server.ChatRequests.Single(r => r.Body.Contains("You are the Repair")).Body);
        Assert.True(File.Exists(Path.Combine(run.Path, "candidates", "c001", "design.calc")));
        Assert.True(File.Exists(Path.Combine(run.Path, "spec", "reference.calc")));
        Assert.Equal("x*x+2*x+1", File.ReadAllText(Path.Combine(run.Path, "final", "design.calc")).Trim());
        Assert.Contains("| length chars |", File.ReadAllText(Path.Combine(run.Path, RunFolder.ReportMarkdownFile)));
    }

    [Fact]
    public async Task A_target_with_its_own_catalog_is_designed_offline_by_the_same_strategy_and_search()
    {
        var options = new RunOptions
        {
            Request = "(x+1) squared", Mode = DesignMode.Offline, Target = CalcTarget.TargetName,
            Candidates = 2, RepairRounds = 0, OptimizeRounds = 1, OptimizeBatch = 2,
        };
        await using var run = _host.NewRun(options);
        var runner = new DesignRunner(_host.Host, _host.Versions, targets: new TargetRegistry([new RtlTarget(_host.Host, _host.Versions), new CalcTarget()]));

        var report = await runner.RunAsync(run, DesignStrategies.For(run.Options, new LlmSettings(), _host.Host, _host.Versions, null), default);

        Assert.Equal("verified", report.Status);
        Assert.Equal("square_plus", report.Family);
        // The default and the next form first; the search sweeps the two left (a space smaller than its batch).
        Assert.Equal(["catalog", "catalog", "search", "search"], report.Candidates.Select(c => c.Origin));
        Assert.Equal(["form=spaced", "form=factored", "form=compact", "form=wrong"], report.Candidates.Select(c => c.Parameters));
        Assert.Equal(HwForge.Tools.Targets.Verdict.Fail, report.Candidates[3].Verdict); // the wrong form is judged, and not counted
        Assert.Equal("c003", report.Best?.Id); // the shortest right form
        Assert.Equal("x*x+2*x+1", File.ReadAllText(Path.Combine(run.Path, "final", "design.calc")).Trim());
    }

    [Fact]
    public async Task A_request_the_test_catalog_lacks_is_refused_in_that_catalogs_words()
    {
        await using var run = _host.NewRun(new RunOptions { Request = "a FIFO", Mode = DesignMode.Offline, Target = CalcTarget.TargetName });
        var runner = new DesignRunner(_host.Host, _host.Versions, targets: new TargetRegistry([new CalcTarget()]));

        var error = await Assert.ThrowsAsync<Offline.OfflineCatalogException>(() => runner.RunAsync(run, new Offline.OfflineCatalogStrategy(), default));

        Assert.Contains("the offline calc catalog holds square_plus only", error.Message);
    }

    [Fact]
    public async Task A_run_naming_a_target_no_registry_has_is_refused_naming_the_known_ones()
    {
        await using var run = _host.NewRun(new RunOptions { Request = "(x+1)^2", Target = "nonesuch" });

        var error = await Assert.ThrowsAsync<Tools.Foundation.HwForgeException>(() => _host.Runner.RunAsync(run, DesignStrategies.For(run.Options, new LlmSettings(), _host.Host, _host.Versions, null), default));

        Assert.Equal(Tools.Foundation.ProblemKind.UnknownTarget, error.Kind);
        Assert.Contains("the targets are rtl", error.Message);
    }

    public void Dispose() => _host.Dispose();
}
