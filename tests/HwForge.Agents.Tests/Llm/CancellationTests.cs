using System.Diagnostics;
using HwForge.ScriptedLlm;
using Microsoft.Extensions.AI;

namespace HwForge.Agents.Tests.Llm;

public sealed class CancellationTests
{
    [Fact]
    public async Task I_can_stop_a_slow_stream_and_it_stops_at_once()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(ScriptRule.Always(new ScriptAnswer
        {
            Text = string.Join(' ', Enumerable.Range(1, 100).Select(i => $"word{i}")),
            ChunkDelayMs = 500,
        })));
        using var client = Scripted.Client(server);
        using var cancel = new CancellationTokenSource();

        var received = 0;
        var clock = new Stopwatch();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync([new(ChatRole.User, "talk slowly")], cancellationToken: cancel.Token))
            {
                if (update.Text.Length == 0) continue;
                if (++received == 2)
                {
                    clock.Start();
                    cancel.CancelAfter(100);
                }
            }
        });

        Assert.Equal(2, received);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"the stream took {clock.Elapsed} to stop");
        Assert.Single(server.ChatRequests);
    }

    [Fact]
    public async Task I_can_cancel_a_request_waiting_for_a_slow_answer()
    {
        using var cancel = new CancellationTokenSource();
        var clock = new Stopwatch();
        using var _ = cancel.Token.Register(clock.Start);
        // Cancel once the server holds the request, however slow the machine is to get it there.
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(ScriptRule.Always(new ScriptAnswer { DelayMs = 10_000, Text = "late" })),
            onRequest: _ => cancel.CancelAfter(200));
        using var client = Scripted.Client(server);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: cancel.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"cancelling took {clock.Elapsed}");
        Assert.Single(server.ChatRequests);
    }

    [Fact]
    public async Task Cancelling_during_a_retry_wait_stops_the_retries()
    {
        using var cancel = new CancellationTokenSource();
        var clock = new Stopwatch();
        using var _ = cancel.Token.Register(clock.Start);
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(ScriptRule.Always(ScriptAnswer.Fail(429, retryAfter: 20))),
            onRequest: _ => cancel.CancelAfter(300));
        using var client = Scripted.Client(server);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: cancel.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"cancelling took {clock.Elapsed}");
        Assert.Single(server.ChatRequests);
    }
}
