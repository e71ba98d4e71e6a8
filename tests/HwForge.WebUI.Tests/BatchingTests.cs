using System.Threading.Channels;
using HwForge.WebUI.Runs;

namespace HwForge.WebUI.Tests;

/// <summary>Live updates are batched so a burst of run events is one render, not fifty.</summary>
public sealed class BatchingTests
{
    [Fact]
    public async Task A_burst_of_events_arrives_as_one_batch_and_the_stream_ends_when_the_run_does()
    {
        var channel = Channel.CreateUnbounded<int>();
        var batches = new List<IReadOnlyList<int>>(); // written by the reader only; read here after it has moved on
        var reading = Task.Run(async () =>
        {
            await foreach (var batch in channel.Reader.ReadBatchesAsync(TimeSpan.FromMilliseconds(200))) batches.Add(batch);
        });

        for (var i = 0; i < 50; i++) channel.Writer.TryWrite(i);
        for (var waited = 0; Volatile.Read(ref batches).Count == 0 && waited < 10_000; waited += 20) await Task.Delay(20);
        channel.Writer.TryWrite(50);
        channel.Writer.Complete();
        await reading.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, batches.Count);
        Assert.Equal(Enumerable.Range(0, 50), batches[0]);
        Assert.Equal([50], batches[1]);
    }
}
