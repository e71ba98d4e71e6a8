using HwForge.Agents.Design;
using HwForge.Agents.Reports;
using HwForge.Agents.Runs;
using HwForge.Agents.Supervisor;
using HwForge.Tools.Reward;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl;

namespace HwForge.Agents.Tests.Reports;

/// <summary>
/// The report's numbers as an engineer reads them: changes signed against the reference, the reference as a row of
/// the table, the title naming the design the run ends with, and a plain word when that design is worse than the reference.
/// </summary>
public sealed class ReportNumbersTests : IDisposable
{
    private readonly AgentTestHost _host = new();

    private static readonly TargetMeasurement Reference = RtlTarget.Figures(1000, 100, 2.0, 500, 1.0, "osu018");

    [Fact]
    public async Task A_smaller_slower_design_reads_area_minus_and_delay_plus_beside_a_baseline_row()
    {
        var report = await Build(Judged("c001", "adder8", RtlTarget.Figures(921, 90, 2.31, 433, 1.0, "osu018")));

        var markdown = ReportWriter.Markdown(report);
        Assert.Contains("| reference | baseline |  |  |  | 1000 | 2 | 1 |", markdown);
        Assert.Contains("| 921 (\u22127.9%) | 2.31 (+15.5%) | 1 |", markdown);
        Assert.Contains("area \u22127.9%, delay +15.5%", report.Best!.Summary);
    }

    [Fact]
    public async Task The_title_names_the_best_candidates_module_not_the_specs_default()
    {
        var report = await Build(
            Judged("c001", "adder8", Reference),
            Judged("c002", "adder8_kogge_stone", RtlTarget.Figures(800, 80, 1.5, 666, 0.8, "osu018")));

        Assert.Equal("c002", report.Best?.Id);
        Assert.Equal("adder8_kogge_stone", report.FinalTop);
        Assert.StartsWith("# adder8_kogge_stone: verified", ReportWriter.Markdown(report));
    }

    [Fact]
    public async Task When_the_best_design_is_worse_than_the_reference_the_report_says_so()
    {
        var report = await Build(Judged("c001", "adder8", RtlTarget.Figures(1100, 110, 2.2, 450, 1.1, "osu018")));

        Assert.True(report.BestVersusReference!.Total < 0);
        Assert.EndsWith("; 10% worse than the reference on your objective", report.Headline);
        var markdown = ReportWriter.Markdown(report);
        Assert.Contains("> **Worse than the reference.** The best verified design (c001) is 10% worse than the reference on your objective"
            + " (area +10%, delay +10%, power +10% against the reference); the reference itself is the better design.", markdown);
    }

    [Fact]
    public async Task A_design_better_than_the_reference_is_not_called_worse()
    {
        var report = await Build(Judged("c001", "adder8", RtlTarget.Figures(900, 90, 1.8, 555, 0.9, "osu018")));

        Assert.True(report.BestVersusReference!.Total > 0);
        Assert.DoesNotContain("worse", report.Headline);
        Assert.DoesNotContain("Worse than the reference", ReportWriter.Markdown(report));
    }

    private async Task<RunReport> Build(params JudgedCandidate[] history)
    {
        var options = new RunOptions { Request = "an 8-bit adder" };
        await using var run = _host.NewRun(options);
        var spec = new DesignSpec { Top = "adder8", Description = "8-bit adder", ReferenceOrigin = ReferenceOrigin.User, Reference = DesignReference.Of(DesignArtifact.Single("rtl", "adder8", "reference.v", "module adder8; endmodule\n")) };
        return RunReportBuilder.Build(run, new RtlTarget(_host.Host, _host.Versions), "test", spec, Reference, history, new BudgetTracker(options.Budget, []), null);
    }

    private static JudgedCandidate Judged(string id, string top, TargetMeasurement ppa)
    {
        const string shown = "formally proven equivalent (SAT); also matched in 1000 simulated cycles";
        var outcome = new CandidateOutcome
        {
            Id = id, Verdict = Verdict.Pass, FailureClass = FailureClass.None, Summary = shown, Shown = shown, Assurance = Assurance.Proven,
            Formal = "proven", Measurement = ppa, Reward = 0, Tier = RewardTier.Verified, RewardExplanation = "",
        };
        var proposal = new CandidateProposal { Id = id, Origin = "coder", Design = DesignArtifact.Single("rtl", top, "design.v", $"module {top}; endmodule") };
        return new JudgedCandidate(proposal, outcome);
    }

    public void Dispose() => _host.Dispose();
}
