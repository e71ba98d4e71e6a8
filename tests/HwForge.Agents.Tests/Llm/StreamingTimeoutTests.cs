using HwForge.Agents.Llm;
using HwForge.ScriptedLlm;
using Microsoft.Extensions.AI;

namespace HwForge.Agents.Tests.Llm;

/// <summary>For a stream the timeout measures silence, not length: slow models that keep talking are never cut off.</summary>
public sealed class StreamingTimeoutTests
{
    [Fact]
    public async Task A_long_stream_that_keeps_talking_outlives_the_timeout()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.Always(new ScriptAnswer { Text = "a b c d e f g h i j", ChunkDelayMs = 300 })));
        // Ten chunks 0.3 s apart take 3 s, twice the timeout; the margin per chunk allows for a loaded machine.
        using var client = new OpenAiCompatibleChatClient(Scripted.Settings(server) with { Timeout = TimeSpan.FromMilliseconds(1500) });

        var text = "";
        await foreach (var update in client.GetStreamingResponseAsync([new(ChatRole.User, "talk")])) text += update.Text;

        Assert.Equal("a b c d e f g h i j", text);
        Assert.Single(server.ChatRequests);
    }

    [Fact]
    public async Task A_stream_that_goes_quiet_mid_answer_fails_with_a_timeout()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.Always(new ScriptAnswer { Text = "a b c", ChunkDelayMs = 20_000 })));
        using var client = new OpenAiCompatibleChatClient(Scripted.Settings(server) with { Timeout = TimeSpan.FromMilliseconds(1500) });

        var text = "";
        var error = await Assert.ThrowsAsync<LlmTimeoutException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync([new(ChatRole.User, "talk")])) text += update.Text;
        });

        Assert.Equal("", text);
        Assert.Single(server.ChatRequests);
        Assert.Contains("went quiet for more than 1.5 s in the middle of an answer", error.Message);
    }

    [Fact]
    public async Task A_garbled_chunk_in_a_stream_is_reported_as_a_protocol_problem()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.Always(new ScriptAnswer { Text = "one two three", Malformed = true })));
        using var client = Scripted.Client(server);

        var error = await Assert.ThrowsAsync<LlmRequestException>(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync([new(ChatRole.User, "talk")])) { }
        });

        Assert.Contains("not an OpenAI chat completion", error.Message);
        Assert.Single(server.ChatRequests);
    }
}
