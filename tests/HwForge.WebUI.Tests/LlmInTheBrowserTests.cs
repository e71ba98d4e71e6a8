using HwForge.Agents.Llm;
using HwForge.ScriptedLlm;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HwForge.WebUI.Tests;

/// <summary>With an LLM configured (a scripted OpenAI-compatible server over real HTTP), the UI says which one, and uses it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LlmInTheBrowserTests(Browser browser)
{
    private const string Spec = """
        ```json
        {"top": "counter4", "description": "4-bit up counter: synchronous active-high reset to 0; counts up by one each cycle en is high, wraps at 15.", "clock": "clk", "reset": "rst", "reset_active_low": false}
        ```
        ```verilog
        module counter4(input clk, input rst, input en, output reg [3:0] q);
          always @(posedge clk) if (rst) q <= 4'd0; else if (en) q <= q + 4'd1;
        endmodule
        ```
        """;

    private const string Design = """
        ```verilog
        module counter4(input clk, input rst, input en, output reg [3:0] q);
          wire [3:0] next = en ? q + 4'd1 : q;
          always @(posedge clk) q <= rst ? 4'd0 : next;
        endmodule
        ```
        The enable holds the count when low; **reset** wins.
        """;

    [Fact]
    public async Task With_an_LLM_configured_the_page_names_it_and_a_request_goes_through_the_LLM_roles()
    {
        await using var llm = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.When("You are the Architect", ScriptAnswer.Reply(Spec)),
            ScriptRule.When("You are the Coder", ScriptAnswer.Reply(Design))));
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
        await Expect(page.GetByTestId("ppa-table").Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("ppa-table")).ToContainTextAsync("coder");
        Assert.Contains(llm.ChatRequests, r => r.Body.Contains("You are the Coder"));
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("verified-with-llm.png"), FullPage = true });
    }
}
