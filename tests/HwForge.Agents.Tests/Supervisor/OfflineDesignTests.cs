using System.Text.Json;
using HwForge.Agents.Offline;
using HwForge.Agents.Runs;

namespace HwForge.Agents.Tests.Supervisor;

public sealed class OfflineDesignTests : IDisposable
{
    private readonly AgentTestHost _host = new();

    [Fact]
    public async Task A_request_in_plain_words_becomes_a_verified_optimized_design_with_a_report()
    {
        await using var run = _host.NewRun(new RunOptions { Request = "an 8-bit adder", Candidates = 2, OptimizeRounds = 1, OptimizeBatch = 2 });
        var report = await _host.Runner.RunAsync(run, new OfflineCatalogStrategy(), default);

        Assert.Equal("verified", report.Status);
        Assert.Equal(HwForge.Tools.Targets.Assurance.Proven, report.Assurance); // combinational: a SAT proof
        Assert.True(report.Accepted);
        Assert.Contains(" is verified: ", report.Headline);
        Assert.Equal("adder", report.Family);
        Assert.Equal(4, report.Candidates.Count);
        Assert.All(report.Candidates, c => Assert.Equal(HwForge.Tools.Targets.Verdict.Pass, c.Verdict));
        Assert.All(report.Candidates, c => Assert.Equal(HwForge.Tools.Targets.Assurance.Proven, c.Assurance));
        Assert.NotEmpty(report.ParetoFrontier);
        Assert.NotNull(report.Best?.Measurement?.Metrics.Area);
        Assert.Contains("catalog", report.VerifiedAgainst);
        foreach (var file in new[] { "run.json", "events.jsonl", "report.json", "report.md", "final/design.v", "spec/reference.v", "candidates/c001/verify.json", "candidates/c001/ppa.json" })
            Assert.True(File.Exists(Path.Combine(run.Path, file)), file);
        var events = EventLog.Read(Path.Combine(run.Path, "events.jsonl"));
        Assert.Equal(RunEventTypes.RunFinished, events[^1].Type);
        Assert.Equal(4, events.Count(e => e.Type == RunEventTypes.CandidateJudged));
        // Each candidate's judging was told step by step before its verdict: every stage, then the measurement.
        var c001 = events.Where(e => e.Candidate == "c001").ToList();
        var steps = c001.OfType<CandidateProgressEvent>().Select(e => e.Message!.Replace(" (cached)", "")).ToList();
        Assert.Equal(["compile ok", "formal proven", "interface ok", "lint ok", "simulation ok"], steps.Take(5).Order());
        Assert.Equal("formal proven", steps[4]);  // the proof is the last stage decided, said as a proof
        Assert.Equal("measuring (area, delay, power)", steps[5]);
        Assert.StartsWith("synthesis ok (", steps[6]);
        Assert.Equal("timing and power ok", steps[^1]);
        Assert.True(c001.FindLastIndex(e => e is CandidateProgressEvent) < c001.FindIndex(e => e is CandidateJudgedEvent));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.Path, "report.json")));
        Assert.Equal("verified", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_optimizers_best_is_at_least_as_good_as_the_generators_default_on_the_objective()
    {
        await using var run = _host.NewRun(new RunOptions
        {
            Request = "a 16-bit adder", Candidates = 1, OptimizeRounds = 2, OptimizeBatch = 3,
            Objectives = new Tools.Reward.ObjectiveWeights(1, 0, 0), TargetOptions = new Dictionary<string, string> { ["formal"] = "off" },
        });
        var report = await _host.Runner.RunAsync(run, new OfflineCatalogStrategy(), default);

        var defaultDesign = report.Candidates.Single(c => c.Id == "c001");
        Assert.Equal("catalog", defaultDesign.Origin);
        Assert.Contains(report.Candidates, c => c.Origin == "search");
        Assert.True(report.Best!.Measurement!.Metrics.Area <= defaultDesign.Measurement!.Metrics.Area,
            $"best {report.Best.Id} has {report.Best.Measurement.Metrics.Area} µm², the default {defaultDesign.Measurement.Metrics.Area} µm²");
        // The default Kogge-Stone adder is the fastest and largest; asked for area, the search must leave it.
        Assert.NotEqual("c001", report.Best.Id);
    }

    [Fact]
    public async Task An_architecture_the_request_names_is_kept_by_the_optimizer()
    {
        await using var run = _host.NewRun(new RunOptions
        {
            Request = "a 16-bit adder with 1 pipeline stage", Candidates = 2, OptimizeRounds = 1, OptimizeBatch = 2, TargetOptions = new Dictionary<string, string> { ["formal"] = "off" },
        });
        var report = await _host.Runner.RunAsync(run, new OfflineCatalogStrategy(), default);

        // --formal off leaves simulation only: no difference found, not proven, and the report says so.
        Assert.Equal("not-proven", report.Status);
        Assert.Equal(HwForge.Tools.Targets.Assurance.Simulated, report.Assurance);
        Assert.False(report.Accepted);
        Assert.Contains("NOT PROVEN (simulated)", report.Headline);
        Assert.DoesNotContain("verified", report.Headline);
        Assert.Contains("**Not proven.**", File.ReadAllText(Path.Combine(run.Path, RunFolder.ReportMarkdownFile)));
        Assert.Equal(4, report.Candidates.Count);
        Assert.All(report.Candidates, c => Assert.Contains("pipeline=1", c.Parameters));
        Assert.True(report.Candidates.Select(c => c.Parameters).Distinct().Count() == 4, "the optimizer still varies the architecture");
    }

    [Fact]
    public async Task A_stopped_run_resumes_without_judging_a_finished_candidate_again()
    {
        var path = _host.NewRunPath();
        var options = new RunOptions { Request = "an 8-bit adder", Candidates = 3, OptimizeRounds = 0 }.Validated();
        using var stop = new CancellationTokenSource();
        await using (var first = RunFolder.Create(path, options))
        {
            first.Events.Appended += e => { if (e.Type == RunEventTypes.CandidateJudged) stop.Cancel(); };
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _host.Runner.RunAsync(first, new OfflineCatalogStrategy(), stop.Token));
        }
        var judgedBefore = EventLog.Read(Path.Combine(path, RunFolder.EventsFile)).Where(e => e.Type == RunEventTypes.CandidateJudged).Select(e => e.Candidate).ToList();
        Assert.NotEmpty(judgedBefore);

        await using (var resumed = RunFolder.Resume(path))
        {
            var report = await _host.Runner.RunAsync(resumed, new OfflineCatalogStrategy(), default);
            Assert.Equal("verified", report.Status);
            Assert.Equal(3, report.Candidates.Count);
        }
        var events = EventLog.Read(Path.Combine(path, RunFolder.EventsFile));
        Assert.Contains(events, e => e.Type == RunEventTypes.RunResumed);
        foreach (var id in new[] { "c001", "c002", "c003" })
            Assert.Equal(1, events.Count(e => e.Type == RunEventTypes.CandidateJudged && e.Candidate == id));
    }

    [Fact]
    public async Task A_request_outside_the_catalog_says_an_LLM_endpoint_is_needed_and_how_to_set_one()
    {
        await using var run = _host.NewRun(new RunOptions { Request = "a RISC-V core with a five-stage pipeline" });
        var error = await Assert.ThrowsAsync<OfflineCatalogException>(() => _host.Runner.RunAsync(run, new OfflineCatalogStrategy(), default));
        Assert.Contains("HWFORGE_LLM_ENDPOINT", error.Message);
        Assert.Contains(EventLog.Read(Path.Combine(run.Path, RunFolder.EventsFile)), e => e.Type == RunEventTypes.RunFailed);
    }

    public void Dispose() => _host.Dispose();
}
