using System.Text.Json;
using HwForge.Agents.Design;
using HwForge.Agents.Runs;
using HwForge.Tools.Reward;
using HwForge.WebUI.Hosting;
using HwForge.WebUI.Runs;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HwForge.WebUI.Tests;

/// <summary>Issue 19's papercuts of the web chat, each tried in a real browser against the real server.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PapercutsInTheBrowserTests(Browser browser, OfflineServer fixture) : IClassFixture<OfflineServer>
{
    private readonly WebUiServer _server = fixture.Server;

    private const string Green = "rgb(31, 122, 58)";

    [Fact]
    public async Task Enter_sends_Shift_Enter_is_a_new_line_and_an_example_on_the_home_page_asks_for_its_design()
    {
        var page = await browser.NewSessionAsync(_server.BaseUrl);
        await page.GotoAsync("/");
        var box = page.GetByLabel("What should HwForge build?");
        await box.FillAsync("an 8-bit");
        await box.PressAsync("Shift+Enter");
        await box.PressSequentiallyAsync("adder");
        Assert.Equal("an 8-bit\nadder", await box.InputValueAsync());
        Assert.DoesNotContain("/runs/", page.Url);

        // The catalog's families are listed, each with what it builds.
        await page.GetByTestId("families").Locator("summary").ClickAsync();
        await Expect(page.GetByTestId("families").Locator("li")).ToHaveCountAsync(HwForge.Tools.Targets.TargetRegistry.ShippedCatalog(null)!.Families.Count);
        await Expect(page.GetByTestId("families")).ToContainTextAsync("fifo: synchronous FIFO");

        await page.GetByRole(AriaRole.Button, new() { Name = "a 4-bit counter" }).ClickAsync();
        await page.WaitForURLAsync("**/runs/**");
        await Expect(page.GetByLabel("Your request")).ToHaveTextAsync("a 4-bit counter");
        var first = page.Url;

        // On the run page the same box: Enter alone sends.
        await page.GetByLabel("What should HwForge build?").FillAsync("an 8-bit adder");
        await page.GetByLabel("What should HwForge build?").PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/runs/") && url != first);
        await Expect(page.GetByLabel("Your request")).ToHaveTextAsync("an 8-bit adder");
    }

    [Fact]
    public async Task At_1000_px_wide_the_candidates_table_and_the_page_do_not_scroll_sideways()
    {
        var page = await browser.NewSessionAsync(_server.BaseUrl);
        await page.SetViewportSizeAsync(1000, 800);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "an 8-bit adder" }).ClickAsync();
        await page.WaitForURLAsync("**/runs/**");
        await Expect(page.GetByTestId("run-status")).ToContainTextAsync("Verified", new() { Timeout = 120_000 });
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("run-at-1000px.png"), FullPage = true });

        var table = await page.EvaluateAsync<int[]>("(() => { const s = document.querySelector('[data-testid=ppa-table]').parentElement; return [s.scrollWidth, s.clientWidth]; })()");
        Assert.True(table[0] <= table[1], $"the table is {table[0]} px wide in a {table[1]} px box");
        var pageWidth = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(pageWidth[0] <= pageWidth[1], $"the page is {pageWidth[0]} px wide in a {pageWidth[1]} px window");
    }

    [Fact]
    public async Task A_failed_candidate_is_not_shown_in_the_verified_colour_and_an_unjudged_one_of_a_stopped_run_reads_cancelled()
    {
        var page = await browser.NewSessionAsync(_server.BaseUrl);
        await page.GotoAsync("/");
        var id = await WriteRunAsync(page, "stopped-run", SampleRun.Events().Where(e => e is not RunFinishedEvent).Append(
            new CandidateProposedEvent { Stage = "generate", Role = "catalog", Candidate = "c003", Message = "adder with architecture=kogge-stone",
                Proposal = new ProposalSummary("c003", "catalog", null, null, "adder", 12) }));
        await page.GotoAsync($"/runs/{id}");

        await Expect(page.GetByTestId("run-status")).ToContainTextAsync("Stopped");
        var failed = page.Locator("li.step[data-type=candidate-judged]", new() { HasText = "failed" });
        Assert.NotEqual(Green, await failed.EvaluateAsync<string>("li => getComputedStyle(li).borderLeftColor"));
        var passed = page.Locator("li.step[data-type=candidate-judged]", new() { HasText = "verified" });
        Assert.Equal(Green, await passed.EvaluateAsync<string>("li => getComputedStyle(li).borderLeftColor"));

        await Expect(page.GetByText("judging…")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("ppa-table").Locator("tr", new() { HasText = "c003" })).ToContainTextAsync("cancelled");
    }

    [Fact]
    public async Task After_Cancel_no_candidate_stays_judging()
    {
        var page = await browser.NewSessionAsync(_server.BaseUrl);
        await page.GotoAsync("/");
        await page.GetByLabel("What should HwForge build?").FillAsync("a 16-bit adder");
        await page.GetByLabel("Candidates").FillAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await page.WaitForURLAsync("**/runs/**");
        await Expect(page.GetByText("judging…").First).ToBeVisibleAsync(new() { Timeout = 60_000 });

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel run" }).ClickAsync();
        await Expect(page.GetByTestId("run-status")).ToContainTextAsync("Stopped");
        await Expect(page.GetByText("judging…")).ToHaveCountAsync(0);
        await Expect(page.GetByText("cancelled", new() { Exact = true }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_request_that_needs_an_LLM_says_how_this_server_gets_one_not_which_flag_to_pass()
    {
        var page = await browser.NewSessionAsync(_server.BaseUrl);
        await page.GotoAsync("/");
        await page.GetByLabel("What should HwForge build?").FillAsync("a UART receiver");
        await page.GetByLabel("What should HwForge build?").PressAsync("Enter");
        await Expect(page.GetByText("This server has no LLM").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        Assert.DoesNotContain("--llm-endpoint", await page.Locator("body").InnerTextAsync());
        Assert.Contains("HWFORGE_LLM_ENDPOINT", await page.Locator("body").InnerTextAsync());
    }

    [Fact]
    public async Task Keyboard_focus_stays_where_it_was_while_the_live_view_updates()
    {
        var page = await browser.NewSessionAsync(_server.BaseUrl);
        await page.GotoAsync("/");
        await page.GetByLabel("What should HwForge build?").FillAsync("a 16-bit adder");
        await page.GetByLabel("Candidates").FillAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await page.WaitForURLAsync("**/runs/**");
        await Expect(page.Locator("#run-view[data-circuit=on]")).ToHaveCountAsync(1);
        // Between a proposal and its verdict the judge's steps show on the candidate ("judging… formal ok").
        await Expect(page.Locator(".verdict.pending", new() { HasTextRegex = new System.Text.RegularExpressions.Regex(@"judging… (\w+ ok|measuring)") }).First)
            .ToBeVisibleAsync(new() { Timeout = 60_000 });
        var summary = page.Locator("#cand-c001 > summary");
        await Expect(summary).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await summary.FocusAsync();
        await page.EvaluateAsync("""
            document.activeElement.__before = true;
            window.__swaps = 0;
            new MutationObserver(() => window.__swaps++).observe(document.getElementById("run-view"), { childList: true, subtree: true, characterData: true });
            """);
        // (WaitForFunction evaluates a string, which the page's content security policy forbids.)
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (await page.EvaluateAsync<int>("window.__swaps") < 2 && DateTime.UtcNow < deadline) await Task.Delay(200);
        Assert.True(await page.EvaluateAsync<int>("window.__swaps") >= 2, "the live view did not update");
        Assert.Equal("cand-c001", await page.EvaluateAsync<string>("document.activeElement?.parentElement?.id ?? ''"));
        Assert.Equal("SUMMARY", await page.EvaluateAsync<string>("document.activeElement?.tagName ?? ''"));
        // The very element that had it: the update patched what changed, it did not rebuild the view.
        Assert.True(await page.EvaluateAsync<bool>("document.activeElement?.__before === true"));
    }

    [Fact]
    public async Task When_the_server_goes_away_mid_run_the_page_says_so()
    {
        await using var server = await WebUiServer.StartAsync();
        var page = await browser.NewSessionAsync(server.BaseUrl);
        await page.GotoAsync("/");
        await page.GetByLabel("What should HwForge build?").FillAsync("a 16-bit adder");
        await page.GetByLabel("Candidates").FillAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await page.WaitForURLAsync("**/runs/**");
        // The run view's circuit is up (a server stopped before it connects leaves a page that never went live).
        await Expect(page.Locator("#run-view[data-circuit=on]")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("connection-lost")).ToBeHiddenAsync();

        await server.App.StopAsync(new CancellationTokenSource(TimeSpan.FromSeconds(2)).Token);
        await Expect(page.GetByTestId("connection-lost")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("connection-lost")).ToContainTextAsync("Lost contact with the HwForge server");
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("server-gone.png"), FullPage = true });
    }

    [Fact]
    public async Task A_follow_up_message_on_a_run_page_refines_that_runs_design()
    {
        var page = await browser.NewSessionAsync(_server.BaseUrl);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "a 4-bit counter" }).ClickAsync();
        await page.WaitForURLAsync("**/runs/**");
        await Expect(page.GetByTestId("run-status")).ToContainTextAsync("Verified", new() { Timeout = 120_000 });
        await Expect(page.GetByTestId("ppa-table")).ToContainTextAsync("modulus=16");
        var first = page.Url;

        await Expect(page.GetByTestId("refines")).ToBeVisibleAsync();
        await page.GetByLabel("What should HwForge build?").FillAsync("make it 8 bits");
        await page.GetByLabel("What should HwForge build?").PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/runs/") && url != first);
        await Expect(page.GetByLabel("Your request")).ToHaveTextAsync("make it 8 bits (refining: a 4-bit counter)");
        await Expect(page.GetByTestId("run-status")).ToContainTextAsync("Verified", new() { Timeout = 120_000 });
        // Still the counter, now 8 bits wide (modulus 256): the earlier design refined, not an unrelated run.
        await Expect(page.GetByTestId("ppa-table")).ToContainTextAsync("modulus=256");
        await Expect(page.Locator("details[open] pre.code")).ToContainTextAsync("count");
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("follow-up-refines.png"), FullPage = true });

        // "make it smaller": the same counter, now searched with area weighed 4x, and the page says so.
        var second = page.Url;
        await page.GetByLabel("What should HwForge build?").FillAsync("make it smaller");
        await page.GetByLabel("What should HwForge build?").PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/runs/") && url != second);
        await Expect(page.GetByTestId("follow-up")).ToContainTextAsync("area weighed 4×");
        await Expect(page.GetByTestId("run-status")).ToContainTextAsync("Verified", new() { Timeout = 120_000 });
        await Expect(page.GetByTestId("ppa-table")).ToContainTextAsync("modulus=256");
        var smaller = Path.Combine(_server.Home.Runs, new Uri(page.Url).Segments.Last());
        Assert.Equal(new ObjectiveWeights(4, 1, 1), RunFiles.Objectives(smaller));

        // A follow-up that names no objective keeps the weights the conversation asked for.
        var third = page.Url;
        await page.GetByLabel("What should HwForge build?").FillAsync("make it 6 bits");
        await page.GetByLabel("What should HwForge build?").PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/runs/") && url != third);
        await Expect(page.GetByTestId("run-status")).ToContainTextAsync("Verified", new() { Timeout = 120_000 });
        Assert.Equal(new ObjectiveWeights(4, 1, 1), RunFiles.Objectives(Path.Combine(_server.Home.Runs, new Uri(page.Url).Segments.Last())));
    }

    // A run folder of this browser session's, written as the supervisor would have left it.
    private async Task<string> WriteRunAsync(IPage page, string id, IEnumerable<RunEvent> events)
    {
        var owner = (await page.Context.CookiesAsync()).Single(c => c.Name == SessionOwner.CookieName).Value;
        var folder = Directory.CreateDirectory(Path.Combine(_server.Home.Runs, id)).FullName;
        File.WriteAllText(Path.Combine(folder, RunFolder.OptionsFile), JsonSerializer.Serialize(new RunOptions { Request = "an 8-bit adder" }, RunJson.Options));
        File.WriteAllText(Path.Combine(folder, "owner"), owner);
        await using (var log = EventLog.Open(Path.Combine(folder, RunFolder.EventsFile)))
            foreach (var e in events) await log.AppendAsync(e with { Seq = 0 });
        return id;
    }
}
