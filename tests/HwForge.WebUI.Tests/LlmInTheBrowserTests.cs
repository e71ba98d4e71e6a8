using HwForge.Agents.Llm;
using HwForge.ScriptedLlm;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HwForge.WebUI.Tests;

/// <summary>With an LLM configured (a scripted OpenAI-compatible server over real HTTP), the UI says which one, and uses it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LlmInTheBrowserTests(Browser browser)
{
    [Fact]
    public async Task With_an_LLM_configured_the_page_names_it_and_a_request_goes_through_the_LLM_roles()
    {
        await using var llm = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.When("You are the Architect", ScriptAnswer.Reply(ScriptedCounter.Spec)),
            ScriptRule.When("You are the Coder", ScriptAnswer.Reply(ScriptedCounter.Repaired))));
        await using var server = await WebUiServer.StartAsync(
            new LlmSettings { Endpoint = new Uri(llm.BaseUrl), Model = "scripted" },
            defaults: new RunDefaults { Candidates = 1, OptimizeRounds = 0 });
        var page = await browser.NewSessionAsync(server.BaseUrl);

        await page.GotoAsync("/");
        await Expect(page.GetByTestId("design-source")).ToContainTextAsync($"the LLM scripted at {llm.BaseUrl}");
        await Expect(page.GetByLabel("Use the offline catalog instead of the LLM")).Not.ToBeCheckedAsync();
        await page.GetByLabel("What should HwForge build?").FillAsync("a 4-bit counter with enable");
        await page.GetByLabel("What should HwForge build?").PressAsync("Control+Enter");

        await page.WaitForURLAsync("**/runs/**");
        await Expect(page.GetByTestId("run-status")).ToContainTextAsync("Verified", new() { Timeout = 120_000 });
        await Expect(page.Locator("p.strategy")).ToContainTextAsync("the LLM scripted");
        await Expect(page.GetByTestId("ppa-table").Locator("tbody tr:not(.baseline)")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("ppa-table")).ToContainTextAsync("coder");
        Assert.Contains(llm.ChatRequests, r => r.Body.Contains("You are the Coder"));
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("verified-with-llm.png"), FullPage = true });
    }
}
