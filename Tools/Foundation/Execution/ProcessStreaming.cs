using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;

namespace HwForge.Tools.Foundation.Execution;

/// <summary>Something a streaming run reports: a line of output, or the end of the run.</summary>
public abstract record ProcessEvent;

public sealed record OutputLine(string Text, bool IsError) : ProcessEvent;

public sealed record ProcessExited(ToolRunResult Result) : ProcessEvent;

/// <summary>Runs an invocation and yields its output line by line as it happens (for progress displays).</summary>
internal static class ProcessStreaming
{
    public static async IAsyncEnumerable<ProcessEvent> StreamAsync(
        ToolInvocation invocation, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        await foreach (var item in StreamAsync((onChunk, stop) => CommandRun.RunAsync(invocation, onChunk, stop), cancellation).ConfigureAwait(false))
            yield return item;
    }

    /// <summary>Streams a run that something else started (a sandbox that was up before its command came).</summary>
    /// <param name="run">Runs to the end, handing each piece of output to the callback it is given.</param>
    internal static async IAsyncEnumerable<ProcessEvent> StreamAsync(
        Func<Action<bool, ReadOnlyMemory<byte>>, CancellationToken, Task<ToolRunResult>> run,
        [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        var events = Channel.CreateUnbounded<ProcessEvent>(new UnboundedChannelOptions { SingleReader = true });
        var stdout = new LineSplitter(isError: false, events.Writer);
        var stderr = new LineSplitter(isError: true, events.Writer);

        var completion = Task.Run(async () =>
        {
            try
            {
                var result = await run((isError, chunk) => (isError ? stderr : stdout).Push(chunk.Span), cancellation).ConfigureAwait(false);
                stdout.Flush();
                stderr.Flush();
                events.Writer.TryWrite(new ProcessExited(result));
                events.Writer.Complete();
            }
            catch (Exception e)
            {
                events.Writer.Complete(e);
            }
        }, CancellationToken.None);

        await foreach (var item in events.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            yield return item;
        await completion.ConfigureAwait(false);
    }

    /// <summary>Turns byte chunks into lines; a line longer than the limit is cut so a flood cannot grow it without end.</summary>
    private sealed class LineSplitter(bool isError, ChannelWriter<ProcessEvent> writer)
    {
        private const int MaxLineBytes = 16 * 1024;
        private readonly MemoryStream _pending = new();
        private readonly Lock _gate = new();

        public void Push(ReadOnlySpan<byte> data)
        {
            lock (_gate)
            {
                int newline;
                while ((newline = data.IndexOf((byte)'\n')) >= 0)
                {
                    Append(data[..newline]);
                    Emit();
                    data = data[(newline + 1)..];
                }
                Append(data);
            }
        }

        public void Flush()
        {
            lock (_gate) if (_pending.Length > 0) Emit();
        }

        private void Append(ReadOnlySpan<byte> data)
        {
            var room = MaxLineBytes - (int)_pending.Length;
            if (room > 0) _pending.Write(data[..Math.Min(room, data.Length)]);
        }

        private void Emit()
        {
            var text = Encoding.UTF8.GetString(_pending.GetBuffer(), 0, (int)_pending.Length).TrimEnd('\r');
            _pending.SetLength(0);
            writer.TryWrite(new OutputLine(text, isError));
        }
    }
}
