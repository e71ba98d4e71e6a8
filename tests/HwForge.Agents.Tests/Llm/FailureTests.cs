using HwForge.Tools.Foundation;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using HwForge.Agents.Llm;
using HwForge.ScriptedLlm;
using Microsoft.Extensions.AI;

namespace HwForge.Agents.Tests.Llm;

public sealed class FailureTests
{
    private static readonly List<Microsoft.Extensions.AI.ChatMessage> Question = [new(ChatRole.User, "Write a counter.")];

    [Fact]
    public async Task A_rate_limited_request_waits_as_asked_and_then_succeeds()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.Always(ScriptAnswer.Fail(429, "Rate limit reached", retryAfter: 1), ScriptAnswer.Reply("module counter; endmodule"))));
        using var client = Scripted.Client(server);

        var response = await client.GetResponseAsync(Question);

        Assert.Equal("module counter; endmodule", response.Text);
        var requests = server.ChatRequests;
        Assert.Equal(2, requests.Count);
        var waited = requests[1].At - requests[0].At;
        Assert.True(waited >= TimeSpan.FromSeconds(0.9), $"Retry-After: 1 was not respected (retried after {waited.TotalMilliseconds} ms)");
        Assert.True(waited < TimeSpan.FromSeconds(5), $"waited {waited} for a 1 s Retry-After");
    }

    [Fact]
    public async Task Two_server_errors_are_retried_then_the_answer_arrives()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.Always(ScriptAnswer.Fail(500), ScriptAnswer.Fail(503), ScriptAnswer.Reply("done"))));
        using var client = Scripted.Client(server);

        Assert.Equal("done", (await client.GetResponseAsync(Question)).Text);
        Assert.Equal(3, server.ChatRequests.Count);
    }

    [Fact]
    public async Task Server_errors_that_never_stop_end_in_a_clear_error_after_the_retries()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(ScriptRule.Always(ScriptAnswer.Fail(502, "bad gateway"))));
        using var client = Scripted.Client(server);

        var error = await Assert.ThrowsAsync<LlmUnavailableException>(() => client.GetResponseAsync(Question));

        Assert.Equal(4, server.ChatRequests.Count);
        Assert.Equal((4, 502), (error.Attempts, error.StatusCode));
        Assert.Contains(server.BaseUrl, error.Message);
        Assert.Contains("HTTP 502: bad gateway", error.Message);
    }

    [Fact]
    public async Task A_rejected_key_fails_at_once_with_a_message_that_says_so()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(ScriptRule.Always(ScriptAnswer.Reply("never"))) { ApiKey = "right-key" });
        using var client = Scripted.Client(server, apiKey: "wrong-key-123");

        var error = await Assert.ThrowsAsync<LlmAuthenticationException>(() => client.GetResponseAsync(Question));

        Assert.Single(server.ChatRequests);
        Assert.Contains("rejected the API key", error.Message);
        Assert.Contains(LlmSettings.ApiKeyVariable, error.Message);
        Assert.DoesNotContain("wrong-key-123", error.ToString());
    }

    [Fact]
    public async Task An_unknown_model_is_named_in_the_error()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(ScriptRule.Always(ScriptAnswer.Reply("never"))) { Models = ["qwen2.5-coder:7b"] });
        using var client = Scripted.Client(server);

        var error = await Assert.ThrowsAsync<LlmModelNotFoundException>(() => client.GetResponseAsync(Question));

        Assert.Single(server.ChatRequests);
        Assert.Equal(Scripted.Model, error.Model);
        Assert.Contains($"does not serve the model '{Scripted.Model}'", error.Message);
        Assert.Contains(LlmSettings.ModelVariable, error.Message);
    }

    [Fact]
    public async Task An_endpoint_where_nothing_listens_fails_fast_and_says_how_to_configure_one()
    {
        var url = $"http://127.0.0.1:{ClosedPort()}/v1";
        using var client = new OpenAiCompatibleChatClient(new LlmSettings { Endpoint = new Uri(url), Model = "m", ApiKey = "sk-secret-unreachable" });

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<LlmUnavailableException>(() => client.GetResponseAsync(Question));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed} to notice nothing listens");
        Assert.Contains($"Cannot reach the LLM endpoint {url}", error.Message);
        Assert.Contains(LlmSetupAdvice.Where, error.Message);
        Assert.DoesNotContain("--llm-endpoint", error.Message); // a library names no front end's flags; the CLI adds its own
        Assert.DoesNotContain("sk-secret-unreachable", error.ToString());
    }

    [Fact]
    public async Task A_server_slower_than_the_timeout_is_retried_then_reported()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(ScriptRule.Always(new ScriptAnswer { DelayMs = 20_000, Text = "late" })));
        using var client = new OpenAiCompatibleChatClient(Scripted.Settings(server) with { Timeout = TimeSpan.FromSeconds(1), MaxRetries = 1 });

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<LlmTimeoutException>(() => client.GetResponseAsync(Question));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"the timeout did not cut the wait short ({clock.Elapsed})");
        Assert.Equal(2, server.ChatRequests.Count);
        Assert.Equal(2, error.Attempts);
        Assert.Contains("did not answer within 1 s after 2 attempts", error.Message);
    }

    [Fact]
    public async Task A_slow_answer_within_the_timeout_is_not_retried()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(ScriptRule.Always(new ScriptAnswer { DelayMs = 200, Text = "fine" })));
        using var client = new OpenAiCompatibleChatClient(Scripted.Settings(server) with { Timeout = TimeSpan.FromSeconds(5) });

        Assert.Equal("fine", (await client.GetResponseAsync(Question)).Text);
        Assert.Single(server.ChatRequests);
    }

    [Fact]
    public async Task A_garbled_answer_is_retried()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.Always(new ScriptAnswer { Malformed = true }, ScriptAnswer.Reply("clean"))));
        using var client = Scripted.Client(server);

        Assert.Equal("clean", (await client.GetResponseAsync(Question)).Text);
        Assert.Equal(2, server.ChatRequests.Count);
    }

    [Fact]
    public async Task A_connection_dropped_before_the_answer_is_retried()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.Always(ScriptAnswer.Drop(0, "lost"), ScriptAnswer.Reply("second time lucky"))));
        using var client = Scripted.Client(server);

        Assert.Equal("second time lucky", (await client.GetResponseAsync(Question)).Text);
        Assert.Equal(2, server.ChatRequests.Count);
    }

    [Fact]
    public async Task A_stream_cut_midway_is_reported_not_replayed()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.Always(ScriptAnswer.Drop(3, "one two three four five six"), ScriptAnswer.Reply("replayed"))));
        using var client = Scripted.Client(server);

        var received = new List<string>();
        var error = await Assert.ThrowsAsync<LlmUnavailableException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(Question)) received.Add(update.Text);
        });

        Assert.Equal("one two ", string.Concat(received));
        Assert.Single(server.ChatRequests);
        Assert.Contains("lost in the middle of an answer", error.Message);
    }

    [Fact]
    public async Task A_stream_that_fails_before_its_first_chunk_is_retried()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.Always(ScriptAnswer.Fail(429, retryAfter: 0), ScriptAnswer.Fail(500), ScriptAnswer.Reply("streamed fine"))));
        using var client = Scripted.Client(server);

        var text = "";
        await foreach (var update in client.GetStreamingResponseAsync(Question)) text += update.Text;

        Assert.Equal("streamed fine", text);
        Assert.Equal(3, server.ChatRequests.Count);
    }

    [Fact]
    public async Task A_bad_request_is_not_retried()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.Always(ScriptAnswer.Fail(400, "This model's maximum context length is 8192 tokens"))));
        using var client = Scripted.Client(server);

        var error = await Assert.ThrowsAsync<LlmRequestException>(() => client.GetResponseAsync(Question));

        Assert.Single(server.ChatRequests);
        Assert.Equal(400, error.StatusCode);
        Assert.Contains("maximum context length", error.Message);
    }

    [Fact]
    public async Task A_long_Retry_After_is_capped_so_a_run_is_not_stalled_for_minutes()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.Always(ScriptAnswer.Fail(429, retryAfter: 600), ScriptAnswer.Reply("ok"))));
        using var client = new OpenAiCompatibleChatClient(Scripted.Settings(server) with { MaxRetryDelay = TimeSpan.FromMilliseconds(300) });

        var clock = Stopwatch.StartNew();
        Assert.Equal("ok", (await client.GetResponseAsync(Question)).Text);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Answers_that_are_never_json_end_in_a_hint_about_the_base_url()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(ScriptRule.Always(new ScriptAnswer { Malformed = true })));
        using var client = Scripted.Client(server);

        var error = await Assert.ThrowsAsync<LlmRequestException>(() => client.GetResponseAsync(Question));

        Assert.Equal(4, server.ChatRequests.Count);
        Assert.Contains("not an OpenAI chat completion after 4 attempts", error.Message);
        Assert.Contains("/v1", error.Message);
    }

    [Fact]
    public async Task An_endpoint_missing_its_v1_suffix_gets_a_hint()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(ScriptRule.Always(ScriptAnswer.Reply("never"))));
        var root = server.BaseUrl[..^"/v1".Length];
        using var client = new OpenAiCompatibleChatClient(Scripted.Settings(server) with { Endpoint = new Uri(root) });

        var error = await Assert.ThrowsAsync<LlmModelNotFoundException>(() => client.GetResponseAsync(Question));

        Assert.Contains("HTTP 404", error.Message);
        Assert.Contains("base URL (usually ending in /v1)", error.Message);
    }

    private static int ClosedPort()
    {
        // Bind, read the port, close: nothing listens there afterwards.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
