using CliWrap;

namespace HwForge.Tools.Foundation.Execution;

/// <summary>
/// What a run keeps of its output and how it notices a flood: both streams go through head-and-tail
/// buffers, each piece is handed on as it arrives, and past the kill limit <see cref="Flooded"/> fires
/// so the run is stopped. Used as CliWrap pipe targets, and by the warm sandbox's own pumps.
/// </summary>
internal sealed class OutputCapture(ResourceLimits limits, Action<bool, ReadOnlyMemory<byte>>? onChunk) : IDisposable
{
    private const int ChunkBytes = 64 * 1024;

    private readonly HeadTailBuffer _stdout = new(limits.CapturedOutputBytes);
    private readonly HeadTailBuffer _stderr = new(limits.CapturedOutputBytes);
    private readonly CancellationTokenSource _flood = new();
    private long _outputBytes;

    /// <summary>Cancelled once the run has written more than the limit allows.</summary>
    public CancellationToken Flooded => _flood.Token;

    public bool IsFlooded => _flood.IsCancellationRequested;

    /// <summary>A CliWrap pipe target for one stream; reading stops early when <paramref name="abandon"/> fires.</summary>
    public PipeTarget Target(bool isError, CancellationToken abandon) =>
        PipeTarget.Create((stream, cancellation) => PumpAsync(stream, isError, CancellationTokenSource.CreateLinkedTokenSource(cancellation, abandon).Token));

    /// <summary>Reads <paramref name="stream"/> to its end (or until a kill closes it).</summary>
    public async Task PumpAsync(Stream stream, bool isError, CancellationToken cancellation = default)
    {
        var chunk = new byte[ChunkBytes];
        var buffer = isError ? _stderr : _stdout;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellation).ConfigureAwait(false)) > 0)
            {
                buffer.Append(chunk.AsSpan(0, read));
                onChunk?.Invoke(isError, chunk.AsMemory(0, read));
                if (Interlocked.Add(ref _outputBytes, read) > limits.OutputKillBytes) _flood.Cancel();
            }
        }
        catch (IOException) { } // the process was killed while we read
        catch (ObjectDisposedException) { }
        catch (OperationCanceledException) { } // the run was stopped, or its pipes were given up on
    }

    /// <summary>
    /// The run as data: a timeout is its own exit code, a flood its own limit, and otherwise the exit code and
    /// stderr say whether a limit's signal ended it.
    /// </summary>
    public ToolRunResult Result(int exitCode, TimeSpan elapsed, bool timedOut)
    {
        var limit = timedOut ? LimitHit.WallClock : IsFlooded ? LimitHit.OutputFlood : LimitHit.None;
        var stderr = _stderr.ToString();
        if (timedOut) exitCode = ToolRunResult.TimeoutExitCode;
        if (limit == LimitHit.None) limit = LimitClassifier.Classify(exitCode, stderr);
        return new ToolRunResult(exitCode, _stdout.ToString(), stderr, elapsed, limit, Interlocked.Read(ref _outputBytes), _stdout.Truncated || _stderr.Truncated);
    }

    public void Dispose() => _flood.Dispose();
}
