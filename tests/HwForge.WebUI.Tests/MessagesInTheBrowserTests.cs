using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HwForge.WebUI.Tests;

/// <summary>Bad input, privacy between sessions, cancel and resume: in a real browser against the real server.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MessagesInTheBrowserTests(Browser browser, OfflineServer fixture) : IClassFixture<OfflineServer>
{
    private readonly WebUiServer _server = fixture.Server;

    [Fact]
    public async Task An_empty_message_cannot_be_sent_and_the_page_says_why()
    {
        var page = await browser.NewSessionAsync(_server.BaseUrl);
        await page.GotoAsync("/");
        var send = page.GetByRole(AriaRole.Button, new() { Name = "Send" });

        await Expect(send).ToBeDisabledAsync();
        await Expect(page.Locator("#request-hint")).ToContainTextAsync("Send is off until you type something");
        await page.GetByLabel("What should HwForge build?").FillAsync("   ");
        await Expect(send).ToBeDisabledAsync();
        await page.GetByLabel("What should HwForge build?").FillAsync("a 4-bit counter");
        await Expect(send).ToBeEnabledAsync();

        // Sent anyway (a script, or a browser without JavaScript): the server refuses it in words.
        await page.GetByLabel("What should HwForge build?").FillAsync("");
        await page.EvaluateAsync("() => document.querySelector('form.chat').submit()");
        await Expect(page.Locator("#request-hint")).ToHaveTextAsync("Type a request first: the message is empty.");
        Assert.EndsWith("/", page.Url);
    }

    [Fact]
    public async Task A_one_megabyte_message_is_refused_with_a_clear_message_and_the_page_keeps_working()
    {
        var page = await browser.NewSessionAsync(_server.BaseUrl);
        await page.GotoAsync("/");
        var huge = new string('x', 1_000_000);

        await page.GetByLabel("What should HwForge build?").FillAsync(huge);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeDisabledAsync();
        await Expect(page.Locator("#request-hint")).ToContainTextAsync("1,000,000 characters long; the limit is 4,000");

        await page.EvaluateAsync("() => document.querySelector('form.chat').submit()");
        await Expect(page.Locator("#request-hint")).ToContainTextAsync("That message is 1,000,000 characters long; the limit is 4,000.");
        Assert.Empty(await page.GetByRole(AriaRole.Navigation, new() { Name = "Your runs" }).Locator("li").AllAsync());

        await page.GetByLabel("What should HwForge build?").FillAsync("a 4-bit counter");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeEnabledAsync();
    }

    [Fact]
    public async Task Markup_in_a_message_is_shown_as_text_and_never_runs()
    {
        var page = await browser.NewSessionAsync(_server.BaseUrl);
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        await page.GotoAsync("/");
        const string markup = "<script>alert(1)</script><img src=x onerror=alert(2)> **bold**";

        await page.GetByLabel("What should HwForge build?").FillAsync(markup);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await page.WaitForURLAsync("**/runs/**");
        await Expect(page.GetByLabel("Your request")).ToHaveTextAsync(markup);
        // The offline catalog has no such design: the run fails, and says so, in text.
        await Expect(page.GetByTestId("run-status")).ToContainTextAsync("The run failed", new() { Timeout = 60_000 });
        await Expect(page.Locator("main img")).ToHaveCountAsync(0);
        await Expect(page.Locator("main script")).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await Expect(page.GetByLabel("Your request")).ToHaveTextAsync(markup);
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task Two_browser_sessions_never_see_each_others_runs()
    {
        var alice = await browser.NewSessionAsync(_server.BaseUrl);
        var bob = await browser.NewSessionAsync(_server.BaseUrl);
        await alice.GotoAsync("/");
        await alice.GetByLabel("What should HwForge build?").FillAsync("a 4-bit counter");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await alice.WaitForURLAsync("**/runs/**");
        var runUrl = alice.Url;

        await bob.GotoAsync("/");
        await Expect(bob.GetByRole(AriaRole.Navigation, new() { Name = "Your runs" })).ToContainTextAsync("No runs yet");
        await bob.GotoAsync(runUrl);
        await Expect(bob.GetByRole(AriaRole.Heading, new() { Name = "No such run" })).ToBeVisibleAsync();
        var zip = await bob.APIRequest.GetAsync(runUrl + "/download");
        Assert.Equal(404, zip.Status);
        // Bob's page has no live view of it either: nothing names the run to a circuit but its owner's page.
        Assert.Equal(0, await bob.Locator("#run-view").CountAsync());

        await alice.GotoAsync("/");
        await Expect(alice.GetByRole(AriaRole.Navigation, new() { Name = "Your runs" })).ToContainTextAsync("a 4-bit counter");
    }

    [Fact]
    public async Task I_can_cancel_a_running_run_and_resume_it_to_a_verified_design()
    {
        var page = await browser.NewSessionAsync(_server.BaseUrl);
        await page.GotoAsync("/");
        await page.GetByLabel("What should HwForge build?").FillAsync("a 16-bit adder");
        await page.GetByLabel("Candidates").FillAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await page.WaitForURLAsync("**/runs/**");

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel run" }).ClickAsync();
        await Expect(page.GetByTestId("run-status")).ToContainTextAsync("Stopped");
        await Expect(page.Locator("li.step").Last).ToContainTextAsync("Cancelled");

        await page.GetByRole(AriaRole.Button, new() { Name = "Resume run" }).ClickAsync();
        await Expect(page.GetByTestId("run-status")).ToContainTextAsync("Verified", new() { Timeout = 180_000 });
        await Expect(page.Locator("li.step[data-type=run-resumed]")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Resume run" })).ToHaveCountAsync(0);
    }
}
