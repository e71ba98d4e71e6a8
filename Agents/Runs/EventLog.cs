using System.Text;
using System.Text.Json;

namespace HwForge.Agents.Runs;

/// <summary>
/// The append-only <c>events.jsonl</c> of a run. Each event is written as one line and flushed before
/// <see cref="AppendAsync"/> returns, so a killed process loses at most the line it was writing; reading
/// back skips a torn last line, and reopening trims it so the next line starts clean.
/// </summary>
public sealed class EventLog : IAsyncDisposable
{
    private readonly FileStream _stream;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<RunEvent> _events;
    private long _nextSeq;

    private EventLog(FileStream stream, List<RunEvent> events)
    {
        _stream = stream;
        _events = events;
        _nextSeq = events.Count == 0 ? 1 : events[^1].Seq + 1;
    }

    /// <summary>Raised after each event is on disk; the live views subscribe here.</summary>
    public event Action<RunEvent>? Appended;

    /// <summary>Opens (or creates) the log, keeping every complete event already in it.</summary>
    public static EventLog Open(string path)
    {
        var (events, validLength) = File.Exists(path) ? ReadWithLength(path) : ([], 0);
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        stream.SetLength(validLength);
        stream.Seek(0, SeekOrigin.End);
        return new EventLog(stream, events);
    }

    /// <summary>Every complete event so far (a copy).</summary>
    public IReadOnlyList<RunEvent> Events
    {
        get { lock (_events) return [.. _events]; }
    }

    public async Task<RunEvent> AppendAsync(RunEvent draft, CancellationToken cancellation = default)
    {
        await _gate.WaitAsync(CancellationToken.None);
        RunEvent written;
        try
        {
            written = draft with { Seq = _nextSeq++, Time = DateTimeOffset.UtcNow };
            var line = JsonSerializer.SerializeToUtf8Bytes(written, RunJson.Compact);
            await _stream.WriteAsync(line, CancellationToken.None);
            _stream.WriteByte((byte)'\n');
            // Flushed to the OS, not fsynced: surviving a killed process is the promise, and an fsync
            // per event would cost more than the steps it records on a busy disk.
            await _stream.FlushAsync(CancellationToken.None);
            lock (_events) _events.Add(written);
        }
        finally
        {
            _gate.Release();
        }
        Appended?.Invoke(written);
        return written;
    }

    /// <summary>Reads a log another process may still be writing; a partial last line is left out.</summary>
    public static IReadOnlyList<RunEvent> Read(string path) => File.Exists(path) ? ReadWithLength(path).Events : [];

    private static (List<RunEvent> Events, long ValidLength) ReadWithLength(string path)
    {
        byte[] bytes;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }
        var events = new List<RunEvent>();
        long valid = 0;
        var start = 0;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0) break; // a torn last line: the process died while writing it
            var line = new ReadOnlySpan<byte>(bytes, start, end - start);
            if (!line.IsEmpty)
            {
                try
                {
                    events.Add(JsonSerializer.Deserialize<RunEvent>(line, RunJson.Compact)
                        ?? throw new InvalidDataException("null event"));
                }
                catch (JsonException e)
                {
                    throw new InvalidDataException(
                        $"{path}: line {events.Count + 1} is not a run event ({e.Message}); the run folder was changed by hand or is not a HwForge run.", e);
                }
            }
            start = end + 1;
            valid = start;
        }
        return (events, valid);
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _gate.Dispose();
    }

    internal static string Describe(RunEvent e) =>
        new StringBuilder().Append(e.Type).Append(e.Stage is null ? "" : $" [{e.Stage}]")
            .Append(e.Candidate is null ? "" : $" {e.Candidate}").Append(e.Message is null ? "" : $": {e.Message}").ToString();
}
