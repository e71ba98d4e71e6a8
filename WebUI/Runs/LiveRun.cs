using System.Runtime.CompilerServices;
using System.Threading.Channels;
using HwForge.Agents.Runs;

namespace HwForge.WebUI.Runs;

/// <summary>
/// A run this server is working on: its folder, its cancellation, and the pages watching it. Each watcher gets
/// its own channel fed from <see cref="EventLog.Appended"/>; the channels complete when the run's task ends.
/// </summary>
public sealed class LiveRun
{
    private readonly List<Channel<RunEvent>> _watchers = [];
    private bool _ended;

    internal LiveRun(RunFolder folder, string owner)
    {
        Folder = folder;
        Owner = owner;
    }

    public RunFolder Folder { get; }

    public string Owner { get; }

    public string Id => Folder.Id;

    internal CancellationTokenSource Cancellation { get; } = new();

    /// <summary>Completes when the run has stopped and its folder is closed.</summary>
    public Task Completion { get; internal set; } = Task.CompletedTask;

    /// <summary>The events so far and every later one; a watcher de-duplicates by sequence number.</summary>
    public RunWatch Watch()
    {
        var channel = Channel.CreateUnbounded<RunEvent>(new UnboundedChannelOptions { SingleReader = true });
        lock (_watchers)
        {
            if (_ended) channel.Writer.TryComplete();
            else _watchers.Add(channel);
        }
        // Subscribed first, snapshot second: an event in both is dropped by the reducer, none is lost.
        return new RunWatch(Folder.Events.Events, channel.Reader, () => Forget(channel));
    }

    internal void Publish(RunEvent e)
    {
        lock (_watchers)
            foreach (var watcher in _watchers) watcher.Writer.TryWrite(e);
    }

    internal void End()
    {
        lock (_watchers)
        {
            _ended = true;
            foreach (var watcher in _watchers) watcher.Writer.TryComplete();
            _watchers.Clear();
        }
    }

    private void Forget(Channel<RunEvent> channel)
    {
        lock (_watchers) _watchers.Remove(channel);
    }
}

/// <summary>A snapshot of a run's events plus the live ones after it (null when the run is not running here).</summary>
public sealed record RunWatch(IReadOnlyList<RunEvent> Snapshot, ChannelReader<RunEvent>? Updates, Action Stop) : IDisposable
{
    public void Dispose() => Stop();
}

public static class ChannelBatching
{
    /// <summary>
    /// Reads a channel in batches: after the first item arrives, waits <paramref name="window"/> for more, so a
    /// burst of events becomes one render. Ends when the channel completes and is drained.
    /// </summary>
    public static async IAsyncEnumerable<IReadOnlyList<T>> ReadBatchesAsync<T>(this ChannelReader<T> reader, TimeSpan window,
        [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        while (await reader.WaitToReadAsync(cancellation))
        {
            if (window > TimeSpan.Zero) await Task.Delay(window, cancellation);
            var batch = new List<T>();
            while (reader.TryRead(out var item)) batch.Add(item);
            if (batch.Count > 0) yield return batch;
        }
    }
}
