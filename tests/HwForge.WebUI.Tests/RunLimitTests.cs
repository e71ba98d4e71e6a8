using System.Net;
using System.Text.RegularExpressions;
using HwForge.Agents.Llm;
using HwForge.ScriptedLlm;

namespace HwForge.WebUI.Tests;

/// <summary>
/// Runs going at once are capped per browser session and per server; one more is refused in the page with a
/// sentence saying why. Over real HTTP, with an LLM that never answers so that every run stays running.
/// </summary>
public sealed partial class RunLimitTests : IAsyncLifetime
{
    private ScriptedLlmServer _llm = null!;
    private WebUiServer _server = null!;

    public async Task InitializeAsync()
    {
        _llm = await ScriptedLlmServer.StartAsync(new LlmScript(ScriptRule.Always(new ScriptAnswer { DelayMs = 600_000, Text = "late" })));
        _server = await WebUiServer.StartAsync(
            new LlmSettings { Endpoint = new Uri(_llm.BaseUrl), Model = "scripted", MaxRetries = 0 },
            defaults: new RunDefaults { Candidates = 1, OptimizeRounds = 0 },
            configure: o => o with { MaxRunsPerSession = 2, MaxRunsPerServer = 3 });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync(); // cancels the runs still waiting for the LLM
        await _llm.DisposeAsync();
    }

    [Fact]
    public async Task A_session_may_run_two_designs_at_once_and_the_server_three_and_one_more_is_refused_with_a_sentence()
    {
        using var alice = new FormSession(_server.BaseUrl);
        using var bob = new FormSession(_server.BaseUrl);

        Assert.StartsWith("/runs/", await alice.SendAsync("a 4-bit counter"));
        Assert.StartsWith("/runs/", await alice.SendAsync("an 8-bit adder"));
        var third = await alice.RefusedAsync("a 16-bit adder");
        Assert.Contains("You already have 2 runs going, the most one browser session may run at once.", third);
        Assert.Contains("a 16-bit adder", third); // still in the box, to send later

        Assert.StartsWith("/runs/", await bob.SendAsync("a 4-bit counter"));
        var full = await bob.RefusedAsync("an 8-bit adder");
        Assert.Contains("This server is already working on 3 runs, the most it runs at once", full);

        // A refused request left no run behind.
        var history = await alice.GetAsync("/");
        Assert.Equal(2, HistoryEntry().Matches(history).Count);
    }

    [GeneratedRegex("<a href=\"/runs/[^\"]+\"")]
    private static partial Regex HistoryEntry();

    /// <summary>A browser session without a browser: its own cookies, and the chat form posted as the page posts it.</summary>
    private sealed partial class FormSession(string baseUrl) : IDisposable
    {
        private readonly HttpClient _client = new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(baseUrl) };

        public async Task<string> GetAsync(string path) => await _client.GetStringAsync(path);

        /// <summary>Sends a request and returns where the page went (the new run's page).</summary>
        public async Task<string> SendAsync(string text)
        {
            var response = await PostAsync(text);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            var location = response.Headers.Location!;
            return location.IsAbsoluteUri ? location.AbsolutePath : location.ToString();
        }

        /// <summary>Sends a request that must be refused, and returns the page that says why.</summary>
        public async Task<string> RefusedAsync(string text)
        {
            var response = await PostAsync(text);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Matches("id=\"request-hint\" class=\"hint error\"", html);
            return html;
        }

        private async Task<HttpResponseMessage> PostAsync(string text)
        {
            var page = await _client.GetStringAsync("/");
            var token = AntiforgeryToken().Match(page) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("the page has no antiforgery token");
            return await _client.PostAsync("/", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "chat",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
                ["Text"] = text,
                ["Candidates"] = "1",
                ["OptimizeRounds"] = "0",
            }));
        }

        [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
        private static partial Regex AntiforgeryToken();

        public void Dispose() => _client.Dispose();
    }
}
