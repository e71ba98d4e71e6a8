using HwForge.Agents.Design;
using HwForge.Agents.Reports;
using HwForge.Agents.Runs;
using HwForge.Agents.Supervisor;
using HwForge.Tools.Reward;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl;

namespace HwForge.Agents.Tests.Reports;

/// <summary>
/// The run's choice of best design and the words of its report, from judged outcomes as the judge records them:
/// a proof beats any PPA, and only a proven design is called verified.
/// </summary>
public sealed class BestDesignTests : IDisposable
{
    private readonly AgentTestHost _host = new();

    private static readonly TargetMeasurement Reference = RtlTarget.Figures(1000, 100, 2.0, 500, 1.0, "osu018");

    [Fact]
    public async Task A_proven_design_is_the_best_even_when_an_unproven_one_is_far_smaller_and_faster()
    {
        var report = await Build(
            Judged("c001", Assurance.Proven, RtlTarget.Figures(1100, 110, 2.2, 450, 1.1, "osu018")),
            Judged("c002", Assurance.Bounded, RtlTarget.Figures(200, 20, 0.5, 2000, 0.2, "osu018")),
            Judged("c003", Assurance.Simulated, RtlTarget.Figures(100, 10, 0.4, 2500, 0.1, "osu018")));

        Assert.Equal("c001", report.Best?.Id);
        Assert.Equal(RunStatus.Verified, report.Status);
        Assert.Equal(Assurance.Proven, report.Assurance);
        Assert.True(report.Accepted);
        Assert.StartsWith("c001 is verified: formally proven", report.Headline);
        Assert.Contains("1 of 3 candidates proven, 2 more with no difference found but not proven", report.Headline);
        var rows = report.Candidates.ToDictionary(r => r.Id);
        Assert.True(rows["c002"].Reward > rows["c003"].Reward, "bounded ranks above simulated");
        Assert.True(rows["c001"].Reward > rows["c002"].Reward, "proven ranks above bounded");
        var markdown = ReportWriter.Markdown(report);
        Assert.Contains("| c002 | coder |  | no difference, not proven | bounded check, 20 cycles |", markdown);
        Assert.DoesNotContain("Not proven.", markdown);
    }

    [Fact]
    public async Task A_run_whose_best_is_only_bounded_says_not_proven_and_is_not_accepted_unless_asked()
    {
        var report = await Build(Judged("c001", Assurance.Bounded, Reference));

        Assert.Equal(RunStatus.NotProven, report.Status);
        Assert.Equal(Assurance.Bounded, report.Assurance);
        Assert.False(report.Accepted);
        Assert.Null(report.Accept);
        Assert.Contains("NOT PROVEN (bounded)", report.Headline);
        Assert.Contains("no difference in 20 cycles from reset", report.Headline);
        Assert.DoesNotContain("verified", report.Headline);
        var markdown = ReportWriter.Markdown(report);
        Assert.Contains("# adder8: not-proven", markdown);
        Assert.Contains("> **Not proven.** No difference from the reference was found, but equivalence was not proven: no difference in 20 cycles", markdown);
        Assert.Contains("`--accept bounded`", markdown);
        Assert.DoesNotContain("| verified |", markdown);
    }

    [Theory]
    [InlineData(Assurance.Bounded, Assurance.Bounded, true)]
    [InlineData(Assurance.Simulated, Assurance.Bounded, true)]
    [InlineData(Assurance.Bounded, Assurance.Simulated, false)]
    public async Task Accept_lowers_the_bar_explicitly_and_the_report_still_says_not_proven(Assurance accept, Assurance shown, bool accepted)
    {
        var report = await Build(new RunOptions { Request = "an 8-bit adder", Accept = accept }, Judged("c001", shown, Reference));

        Assert.Equal(RunStatus.NotProven, report.Status);
        Assert.Equal(accept, report.Accept);
        Assert.Equal(accepted, report.Accepted);
        if (accepted)
            Assert.Contains($"accepted as {AssuranceText.Word(shown)} (--accept {AssuranceText.Word(accept)}): not proven", report.Headline);
        Assert.Contains("**Not proven.**", ReportWriter.Markdown(report));
    }

    private Task<RunReport> Build(params JudgedCandidate[] history) => Build(new RunOptions { Request = "an 8-bit adder" }, history);

    private async Task<RunReport> Build(RunOptions options, params JudgedCandidate[] history)
    {
        await using var run = _host.NewRun(options);
        var spec = new DesignSpec { Top = "adder8", Description = "8-bit adder", ReferenceOrigin = ReferenceOrigin.User, Reference = DesignReference.Of(DesignArtifact.Single("rtl", "adder8", "reference.v", "module adder8; endmodule\n")) };
        return RunReportBuilder.Build(run, new RtlTarget(_host.Host, _host.Versions), "test", spec, Reference, history, new BudgetTracker(options.Budget, []), null);
    }

    private static JudgedCandidate Judged(string id, Assurance assurance, TargetMeasurement ppa)
    {
        var shown = assurance switch
        {
            Assurance.Proven => "formally proven equivalent (SAT); also matched in 1000 simulated cycles",
            Assurance.Bounded => "no difference in 20 cycles from reset (formal, bounded) and 1000 simulated cycles; not proven",
            _ => "no difference in 1000 simulated cycles; not proven (formal unsupported)",
        };
        var outcome = new CandidateOutcome
        {
            Id = id, Verdict = Verdict.Pass, FailureClass = FailureClass.None, Summary = shown, Shown = shown, Assurance = assurance,
            Formal = assurance switch { Assurance.Proven => "proven", Assurance.Bounded => "bounded", _ => "unsupported" },
            FormalBound = assurance == Assurance.Bounded ? 20 : null,
            Measurement = ppa, Reward = 0, Tier = RewardTier.Unproven, RewardExplanation = "",
        };
        var proposal = new CandidateProposal { Id = id, Origin = "coder", Design = DesignArtifact.Single("rtl", "adder8", "design.v", "module adder8; endmodule") };
        return new JudgedCandidate(proposal, outcome);
    }

    public void Dispose() => _host.Dispose();
}
