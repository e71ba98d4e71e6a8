using HwForge.WebUI.Components.Run;
using HwForge.WebUI.Runs;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HwForge.WebUI.Tests;

/// <summary>The run view rendered to HTML in-process, as the page prerenders it before its circuit takes over.</summary>
public sealed class ComponentTests : IAsyncDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddLogging().BuildServiceProvider();
    private readonly HtmlRenderer _renderer;

    public ComponentTests() => _renderer = new HtmlRenderer(_services, _services.GetRequiredService<ILoggerFactory>());

    private Task<string> RenderAsync(RunSnapshot snapshot) => _renderer.Dispatcher.InvokeAsync(async () =>
        (await _renderer.RenderComponentAsync<RunView>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Snapshot"] = snapshot }))).ToHtmlString());

    private static RunSnapshot Finished(bool active = false) => new("run-1", RunState.From(SampleRun.Events()), active, new Dictionary<string, CandidateFiles>
    {
        ["c001"] = new("design.v", "module adder(input [7:0] a); // ok\nendmodule\n", [new LintMessage(1, 8, "warning", "UNUSED", "Signal is not used: 'a'")], "a[0] → sum[7]", 7),
        ["c002"] = CandidateFiles.None,
    });

    [Fact]
    public async Task A_verified_run_shows_the_verdict_ppa_table_pareto_plot_download_and_highlighted_code()
    {
        var html = await RenderAsync(Finished());

        Assert.Contains("data-phase=\"verified\"", html);
        Assert.Contains("Verified.", html);
        Assert.Contains("href=\"/runs/run-1/download\"", html);
        Assert.Contains("1412", html);                                    // area in the table
        Assert.Contains("0.994", html);                                   // delay
        Assert.Contains("cycle 3: sum = 0x1f, expected 0x20", html);      // the failed candidate's first mismatch
        Assert.Contains("functional", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Signal is not used: &#x27;a&#x27;", html);       // lint, escaped
        Assert.Contains("a[0] → sum[7]", System.Net.WebUtility.HtmlDecode(html)); // the critical path
        Assert.Matches("<span class=\"kw\"[^>]*>module</span>", html);
        Assert.Matches("<span class=\"com\"[^>]*>// ok</span>", html);
        Assert.Matches("<details id=\"cand-c001\"[^>]* open", html);     // the best design opens by itself
        Assert.Contains("class=\"point on\"", html);                      // c001 on the frontier (c002 has no PPA)
        Assert.Contains("<svg", html);
    }

    [Fact]
    public async Task The_table_has_the_reference_as_its_first_row_and_each_figure_its_signed_change_coloured_by_direction()
    {
        // The reference measured 1500 µm² at 0.9 ns; c001 is 1412 µm² (smaller) at 0.994 ns (slower).
        var baseline = HwForge.Tools.Targets.Rtl.RtlTarget.Figures(1500, 44, 0.9, 1000 / 0.9, 0.4, "osu018", slackNs: 9.1);
        var events = SampleRun.Events().ToList();
        events.Add(new HwForge.Agents.Runs.StepCompletedEvent { Seq = events[^1].Seq + 1, Step = "baseline", Result = HwForge.Agents.Runs.RunJson.ToElement(baseline) });
        var state = RunState.From(events);

        var html = System.Net.WebUtility.HtmlDecode(await RenderAsync(new RunSnapshot("run-3", state, false, new Dictionary<string, CandidateFiles>())));

        Assert.Matches(@"<tr class=""baseline""[^>]*>\s*<th scope=""row""[^>]*>reference</th>", html);
        Assert.Contains("1500", html);
        Assert.Contains("Slack ns</th>", html); // slack beside delay and Fmax
        Assert.Contains("9.1</td>", html);
        Assert.Matches(@"1412<span class=""delta better""[^>]*> \(\u22125.9%\)</span>", html); // area: smaller is better, a real minus sign
        Assert.Matches(@"0.994<span class=""delta worse""[^>]*> \(\+10.4%\)</span>", html);   // delay: longer is worse
        Assert.Matches(@"<span class=""delta worse""[^>]*> \(\u22129.5%\)</span>", html);       // fmax: a lower clock is worse
    }

    [Fact]
    public async Task A_candidate_being_judged_shows_the_judges_latest_step_and_the_steps_list_stays_quiet()
    {
        var events = SampleRun.Events().Take(5).ToList();
        events.Add(new HwForge.Agents.Runs.CandidateProgressEvent { Seq = 50, Stage = "verify", Role = "judge", Candidate = "c001", Message = "lint ok" });
        events.Add(new HwForge.Agents.Runs.CandidateProgressEvent { Seq = 51, Stage = "verify", Role = "judge", Candidate = "c001", Message = "formal ok" });
        var state = RunState.From(events);

        var html = await RenderAsync(new RunSnapshot("run-4", state, Active: true, new Dictionary<string, CandidateFiles>()));

        Assert.Equal("formal ok", state.Candidates.Single(c => c.Id == "c001").Progress);
        Assert.Contains("judging… formal ok", html);
        Assert.DoesNotContain(state.Steps, s => s.Type == "candidate-progress"); // shown on the candidate, not as steps
    }

    [Fact]
    public async Task A_running_run_says_which_stage_it_is_in_and_offers_no_download_yet()
    {
        var state = RunState.From(SampleRun.Events().Take(5));
        var html = await RenderAsync(new RunSnapshot("run-2", state, Active: true, new Dictionary<string, CandidateFiles>()));

        Assert.Contains("data-phase=\"running\"", html);
        Assert.Contains("stage generate", html);
        Assert.Contains("judging…", html);
        Assert.DoesNotContain("/download", html);
    }

    [Fact]
    public async Task Agent_text_with_markup_is_shown_as_text()
    {
        var state = RunState.Empty.Apply(new HwForge.Agents.Runs.MessageEvent { Seq = 1, Role = "coder", Message = "<img src=x onerror=alert(1)> **done**" });
        var html = await RenderAsync(new RunSnapshot("run-3", state, Active: true, new Dictionary<string, CandidateFiles>()));

        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
        Assert.Contains("<strong>done</strong>", html);
    }

    [Fact]
    public async Task Agent_text_with_a_script_autolink_or_a_tracking_image_renders_neither()
    {
        var state = RunState.Empty.Apply(new HwForge.Agents.Runs.MessageEvent
        {
            Seq = 1, Role = "coder",
            Message = "done <javascript:alert(document.cookie)> [more](JavaScript:alert(1)) ![](http://tracker.example/beacon.png)",
        });
        var html = await RenderAsync(new RunSnapshot("run-4", state, Active: true, new Dictionary<string, CandidateFiles>()));

        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("javascript:alert(document.cookie)", html); // shown, as text
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("tracker.example", html);
        Assert.Contains("[image]", html);
    }

    public async ValueTask DisposeAsync()
    {
        await _renderer.DisposeAsync();
        await _services.DisposeAsync();
    }
}
