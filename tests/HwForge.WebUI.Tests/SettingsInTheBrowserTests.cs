using HwForge.Agents.Llm;
using HwForge.ScriptedLlm;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HwForge.WebUI.Tests;

/// <summary>An LLM set from the page, over real HTTP to the scripted OpenAI-compatible server; the key never comes back.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SettingsInTheBrowserTests(Browser browser)
{
    private const string Key = "sk-page-secret-4711";

    [Fact]
    public async Task I_set_an_LLM_on_the_settings_page_and_the_next_run_uses_it_while_the_key_stays_on_the_server()
    {
        await using var llm = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.When("You are the Architect", ScriptAnswer.Reply(ScriptedCounter.Spec)),
            ScriptRule.When("You are the Coder", ScriptAnswer.Reply(ScriptedCounter.Repaired))) { ApiKey = Key });
        await using var elsewhere = await ScriptedLlmServer.StartAsync(new LlmScript());
        await using var server = await WebUiServer.StartAsync(defaults: new RunDefaults { Candidates = 1, OptimizeRounds = 0 });
        var page = await browser.NewSessionAsync(server.BaseUrl);
        async Task NoKeyOnThePage() => Assert.DoesNotContain(Key, await page.ContentAsync());

        await page.GotoAsync("/");
        await Expect(page.GetByTestId("design-source")).ToContainTextAsync("offline catalog");
        await page.GetByRole(AriaRole.Link, new() { Name = "LLM settings" }).ClickAsync();

        // Refused with every problem said, and nothing changed.
        await page.GetByLabel("Endpoint (API base URL)").FillAsync("not a url");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use these settings" }).ClickAsync();
        await Expect(page.GetByTestId("settings-problems").Locator("li")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("design-source")).ToContainTextAsync("offline catalog");

        await page.GetByLabel("Endpoint (API base URL)").FillAsync(llm.BaseUrl);
        await page.GetByLabel("Model").FillAsync("scripted");
        await page.GetByLabel("API key", new() { Exact = true }).FillAsync(Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Use these settings" }).ClickAsync();
        await Expect(page.GetByTestId("settings-done")).ToContainTextAsync($"New runs use the LLM scripted at {llm.BaseUrl}");
        await Expect(page.GetByTestId("key-status")).ToContainTextAsync("never shown");
        await Expect(page.GetByLabel("API key", new() { Exact = true })).ToHaveValueAsync("");
        await NoKeyOnThePage();
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("llm-settings.png"), FullPage = true });

        await page.GotoAsync("/");
        await Expect(page.GetByTestId("design-source")).ToContainTextAsync($"the LLM scripted at {llm.BaseUrl}");
        await page.GetByLabel("What should HwForge build?").FillAsync("a 4-bit counter with enable");
        await page.GetByLabel("What should HwForge build?").PressAsync("Enter");
        await page.WaitForURLAsync("**/runs/**");
        await Expect(page.GetByTestId("run-status")).ToContainTextAsync("Verified", new() { Timeout = 120_000 });
        Assert.Contains(llm.ChatRequests, r => r.Body.Contains("You are the Coder"));
        Assert.All(llm.ChatRequests, r => Assert.Equal($"Bearer {Key}", r.Authorization));
        await NoKeyOnThePage();

        // Another endpoint with no key typed: the key stays bound to the first and the page says it is not sent.
        await page.GotoAsync("/settings");
        await page.GetByLabel("Endpoint (API base URL)").FillAsync(elsewhere.BaseUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Use these settings" }).ClickAsync();
        await Expect(page.GetByTestId("key-status")).ToContainTextAsync($"No API key is sent to {elsewhere.BaseUrl}");

        await NoKeyOnThePage();
        Assert.False(File.Exists(LlmConfigFile.PathIn(server.Home)), "nothing is saved unless asked");
    }
}
