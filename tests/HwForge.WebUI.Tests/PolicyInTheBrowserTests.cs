using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HwForge.WebUI.Tests;

/// <summary>The page works under its own Content-Security-Policy, in a real browser, and the policy really holds.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PolicyInTheBrowserTests(Browser browser, OfflineServer fixture) : IClassFixture<OfflineServer>
{
    private readonly WebUiServer _server = fixture.Server;

    // Every violation the browser reports, whatever caused it.
    private const string RecordViolations = """
        window.__violations = [];
        document.addEventListener("securitypolicyviolation", e => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
        """;

    [Fact]
    public async Task A_whole_run_works_under_the_policy_without_a_single_violation_and_injected_script_is_blocked()
    {
        var page = await browser.NewSessionAsync(_server.BaseUrl);
        var console = new List<string>();
        page.Console += (_, m) => console.Add(m.Text);
        await page.AddInitScriptAsync(RecordViolations);

        var response = await page.GotoAsync("/");
        Assert.Contains("script-src 'self'", await response!.HeaderValueAsync("content-security-policy"));
        // Both stylesheets applied, and chat.js ran: Send is off until there is text, on once there is.
        Assert.Equal("grid", await page.Locator(".shell").EvaluateAsync<string>("e => getComputedStyle(e).display"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeDisabledAsync();
        await page.GetByLabel("What should HwForge build?").FillAsync("a 4-bit counter");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeEnabledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        // The form post, the redirect, blazor.web.js and the live view (its circuit over a WebSocket) all pass the policy.
        await page.WaitForURLAsync("**/runs/**");
        await Expect(page.GetByTestId("run-status")).ToContainTextAsync("Verified", new() { Timeout = 120_000 });
        Assert.Empty(await page.EvaluateAsync<string[]>("window.__violations"));
        Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));

        // Markup that got into the page anyway could not run: inline handlers and inline scripts are refused.
        await page.EvaluateAsync("""
            () => {
              const div = document.createElement("div");
              div.innerHTML = '<img src="http://127.0.0.2:9/beacon.png" onerror="window.__ran = 1">';
              document.body.append(div);
              const s = document.createElement("script");
              s.textContent = "window.__ran = 2";
              document.body.append(s);
            }
            """);
        await Expect(page.Locator("body")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("window.__violations.length >= 2");
        Assert.Null(await page.EvaluateAsync<int?>("window.__ran ?? null"));
    }
}
