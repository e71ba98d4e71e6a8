using System.Text.RegularExpressions;
using HwForge.Agents.Design;
using HwForge.Agents.Reports;
using HwForge.Agents.Runs;
using HwForge.Tools.Reward;
using HwForge.Tools.Targets;
using RunView = HwForge.WebUI.Components.Run.RunView;
using HwForge.WebUI.Runs;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HwForge.WebUI.Tests;

/// <summary>
/// The page says "verified" only of a proof: a run whose best is bounded or simulated reads "not proven" with what was
/// shown (and the --accept note when it was used), the plot and "best" prefer proven designs, and a candidate the
/// judge could not finish reads "not judged".
/// </summary>
public sealed partial class AssuranceWordingTests : IAsyncDisposable
{
    private const string Bounded = "no difference in 20 cycles from reset (formal, bounded) and 1000 simulated cycles; not proven";

    private readonly ServiceProvider _services = new ServiceCollection().AddLogging().BuildServiceProvider();
    private readonly HtmlRenderer _renderer;

    public AssuranceWordingTests() => _renderer = new HtmlRenderer(_services, _services.GetRequiredService<ILoggerFactory>());

    [Fact]
    public async Task A_run_whose_best_is_bounded_says_not_proven_and_what_was_shown_never_verified()
    {
        var html = await RenderAsync(Run(Finished("not-proven", "c001", Bounded),
            Passed("c001", Assurance.Bounded, 900, 1.0), Passed("c002", Assurance.Simulated, 800, 0.9)));

        Assert.Contains("data-phase=\"not-proven\"", html);
        Assert.Matches("class=\"status not-proven\"", html);
        Assert.Matches("<strong[^>]*>Not proven.</strong>", html);
        Assert.Contains(Bounded, html);
        Assert.Contains("Treat the design as unverified.", html);
        Assert.DoesNotContain("data-testid=\"accepted\"", html);
        Assert.DoesNotMatch(VerifiedWord(), Text(html));
        Assert.Contains("best (not proven)", html);
        Assert.Contains("candidates with no difference found, NOT PROVEN", html); // the plot says what its points are
        Assert.Contains("class=\"pareto unproven\"", html);
    }

    [Fact]
    public async Task A_run_accepted_with_accept_bounded_carries_the_accepted_note_and_stays_not_proven()
    {
        var html = await RenderAsync(Run(Finished("not-proven", "c001", Bounded, Assurance.Bounded, accepted: true),
            Passed("c001", Assurance.Bounded, 900, 1.0)));

        Assert.Matches("<strong[^>]*>Not proven.</strong>", html);
        Assert.Matches("data-testid=\"accepted\"[^>]*>Accepted because the run was asked to accept bounded \\(--accept bounded\\); it is still not proven.", html);
        Assert.DoesNotMatch(VerifiedWord(), Text(html));
    }

    [Fact]
    public async Task With_a_proven_design_the_plot_shows_proven_designs_only()
    {
        var html = await RenderAsync(Run(Finished("verified", "c001"),
            Passed("c001", Assurance.Proven, 1000, 1.0), Passed("c002", Assurance.Bounded, 500, 0.5)));

        var plot = Regex.Match(html, "<figure class=\"pareto\".*?</figure>", RegexOptions.Singleline).Value;
        Assert.Contains("verified (proven) candidates", plot);
        Assert.Contains("c001", plot);
        Assert.DoesNotContain("c002", plot); // far smaller and faster, but not proven: not beside a proof
        Assert.Matches("<span class=\"badge\"[^>]*>best</span>", html);
        Assert.DoesNotContain("best (not proven)", html);
    }

    [Fact]
    public async Task A_candidate_the_judge_could_not_finish_reads_not_judged_with_its_reason()
    {
        var reason = "the simulation was still running when the machine's time ran out";
        var html = await RenderAsync(Run(Finished("not-judged"), new CandidateOutcome
        {
            Id = "c001", Verdict = Verdict.Error, FailureClass = FailureClass.ToolError, Summary = reason, JudgeAttempts = 2,
            Reward = 0, Tier = RewardTier.NotJudged, RewardExplanation = "not judged (ToolError)",
        }));

        Assert.Contains("data-phase=\"not-judged\"", html);
        Assert.Matches("<strong[^>]*>Not judged.</strong>", html);
        Assert.Contains("class=\"verdict notjudged\"", html);
        Assert.Contains($"not judged: {reason}", System.Net.WebUtility.HtmlDecode(html));
        Assert.DoesNotContain("verdict fail", html);
    }

    [Theory]
    [InlineData("verified", "verified")]
    [InlineData("not-proven", "not proven")]
    [InlineData("not-verified", "not verified")]
    [InlineData("not-judged", "not judged")]
    [InlineData("something-newer", "not verified")] // a status this page does not know is never called verified
    public void The_history_names_a_finished_run_by_its_status(string status, string words) =>
        Assert.Equal(words, RunWords.Text(RunWords.Phase(active: false, RunPhase.Finished, status)));

    [Fact]
    public void Not_proven_has_its_own_style_that_is_neither_the_pass_nor_the_fail_colour()
    {
        using var stream = typeof(RunView).Assembly.GetManifestResourceStream("wwwroot/HwForge.WebUI.styles.css")!;
        var css = new StreamReader(stream).ReadToEnd();

        Assert.Matches(@"\.verdict\.unproven|\.unproven\[b-[^\]]+\]\s*\{\s*color:\s*var\(--warn\)", css);
        Assert.Matches(@"\.status\.not-proven\[b-[^\]]+\]\s*\{[^}]*var\(--warn\)", css);
        Assert.Matches(@"\.notjudged\[b-[^\]]+\]\s*\{", css);
    }

    // "verified" as a word of its own: "unverified" and "not verified" are the page being honest.
    [GeneratedRegex(@"(?<![\w-])(?<!not )verified(?! \(proven\))", RegexOptions.IgnoreCase)]
    private static partial Regex VerifiedWord();

    private static string Text(string html) => System.Net.WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", " "));

    private Task<string> RenderAsync(RunState state) => _renderer.Dispatcher.InvokeAsync(async () =>
        (await _renderer.RenderComponentAsync<RunView>(ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            ["Snapshot"] = new RunSnapshot("run-1", state, false, new Dictionary<string, CandidateFiles>()),
        }))).ToHtmlString());

    private static RunResult Finished(string status, string? best = null, string? shown = null, Assurance? accept = null, bool accepted = false) =>
        new(status, best is null ? null : new CandidateRow(best, "catalog", null, null, Verdict.Pass, FailureClass.None, "proven", null, Assurance.Proven, null, 1, true, ""), 0, 0)
        {
            Shown = shown, Accept = accept, Accepted = accepted,
        };

    private static RunState Run(RunResult finished, params CandidateOutcome[] outcomes)
    {
        long seq = 0;
        var events = new List<RunEvent> { new RunStartedEvent { Seq = ++seq, Start = new RunStart(DesignMode.Offline, "the offline catalog (no LLM)", "an 8-bit adder") } };
        foreach (var o in outcomes)
        {
            events.Add(new CandidateProposedEvent { Seq = ++seq, Candidate = o.Id, Message = $"candidate {o.Id}", Proposal = new ProposalSummary(o.Id, "catalog", null, null, "adder8", 1) });
            events.Add(new CandidateJudgedEvent { Seq = ++seq, Candidate = o.Id, Message = o.RewardExplanation, Outcome = o });
        }
        events.Add(new RunFinishedEvent { Seq = ++seq, Message = "c001: the headline", Result = finished });
        return RunState.From(events);
    }

    private static CandidateOutcome Passed(string id, Assurance assurance, double area, double delay) => new()
    {
        Id = id, Verdict = Verdict.Pass, FailureClass = FailureClass.None, Assurance = assurance,
        Summary = assurance == Assurance.Proven ? "verified: formally proven equivalent" : Bounded,
        Shown = assurance == Assurance.Proven ? "formally proven equivalent" : Bounded,
        Formal = assurance == Assurance.Proven ? "proven" : "bounded", FormalBound = 20,
        Measurement = HwForge.Tools.Targets.Rtl.RtlTarget.Figures(area, 40, delay, 1000 / delay, 0.3, "osu018"),
        Reward = assurance == Assurance.Proven ? 1 : 0.45, Tier = assurance == Assurance.Proven ? RewardTier.Verified : RewardTier.Unproven,
        RewardExplanation = assurance == Assurance.Proven ? "verified (proven)" : "no difference found, not proven (bounded)",
    };

    public async ValueTask DisposeAsync()
    {
        await _renderer.DisposeAsync();
        await _services.DisposeAsync();
    }
}
