using System.Diagnostics;

namespace HwForge.Tools.Foundation.Execution;

/// <summary>
/// The part of a run that buffered and streaming runs share: start the process with an empty
/// environment, pump both output streams through head-and-tail buffers, and enforce the
/// wall-clock and output limits by killing the whole process tree.
/// </summary>
internal sealed class ProcessSession : IDisposable
{
    private const int ChunkBytes = 64 * 1024;

    /// <summary>How long output pipes may stay open after the process exits (an orphan may hold them).</summary>
    private static readonly TimeSpan PipeGrace = TimeSpan.FromSeconds(2);

    private readonly ToolInvocation _invocation;
    private readonly Process _process;
    private readonly HeadTailBuffer _stdout;
    private readonly HeadTailBuffer _stderr;
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource _flood = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _outputBytes;

    /// <summary>Written to standard input before the invocation's own input: a warm sandbox's command.</summary>
    private readonly string? _inputPrefix;

    /// <summary>Run first when the run is stopped: a sandbox kills its whole PID namespace at once, which a fork bomb cannot outrun.</summary>
    private readonly Action? _killFirst;

    private ProcessSession(ToolInvocation invocation, Process process, string? inputPrefix = null, Action? killFirst = null)
    {
        _invocation = invocation;
        _process = process;
        _inputPrefix = inputPrefix;
        _killFirst = killFirst;
        _stdout = new HeadTailBuffer(invocation.Limits.CapturedOutputBytes);
        _stderr = new HeadTailBuffer(invocation.Limits.CapturedOutputBytes);
        _timeout = new CancellationTokenSource(invocation.Limits.WallClock);
    }

    public static ProcessSession Start(ToolInvocation invocation) => new(invocation, Launch(invocation));

    /// <summary>
    /// Takes over a process started earlier (a sandbox waiting for its command): the clock and the
    /// limits start now, and <paramref name="command"/> goes to its standard input first.
    /// </summary>
    public static ProcessSession Attach(ToolInvocation invocation, Process process, string command, Action? killFirst = null) =>
        new(invocation, process, command, killFirst);

    /// <summary>Starts the process from the launcher thread, with nothing of HwForge's environment.</summary>
    public static Process Launch(ToolInvocation invocation)
    {
        var info = new ProcessStartInfo(invocation.Program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = invocation.WorkingDirectory ?? "",
        };
        foreach (var argument in invocation.Arguments) info.ArgumentList.Add(argument);
        // Fail closed: nothing of HwForge's own environment (API keys included) reaches a child
        // unless the invocation names it.
        info.Environment.Clear();
        foreach (var (name, value) in invocation.Environment) info.Environment[name] = value;

        try
        {
            return ProcessLauncher.Start(info);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ToolNotFoundException(invocation.Program, e);
        }
    }

    /// <summary>Runs to the end, calling <paramref name="onChunk"/> with each piece of output as it arrives.</summary>
    public async Task<ToolRunResult> CompleteAsync(Action<bool, ReadOnlyMemory<byte>>? onChunk, CancellationToken cancellation)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation, _timeout.Token, _flood.Token);
        using var killOnStop = stop.Token.Register(KillTree);

        var pumps = Task.WhenAll(
            PumpAsync(_process.StandardOutput.BaseStream, _stdout, isError: false, onChunk),
            PumpAsync(_process.StandardError.BaseStream, _stderr, isError: true, onChunk),
            FeedInputAsync());
        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        if (await Task.WhenAny(pumps, Task.Delay(PipeGrace, CancellationToken.None)).ConfigureAwait(false) != pumps)
            KillTree();
        var elapsed = _clock.Elapsed;

        cancellation.ThrowIfCancellationRequested();
        var limit = _timeout.IsCancellationRequested ? LimitHit.WallClock
            : _flood.IsCancellationRequested ? LimitHit.OutputFlood
            : LimitHit.None;
        var stderr = _stderr.ToString();
        var exitCode = limit == LimitHit.WallClock ? ToolRunResult.TimeoutExitCode : _process.ExitCode;
        if (limit == LimitHit.None) limit = LimitClassifier.Classify(exitCode, stderr);
        return new ToolRunResult(exitCode, _stdout.ToString(), stderr, elapsed, limit,
            _outputBytes, _stdout.Truncated || _stderr.Truncated);
    }

    private async Task PumpAsync(Stream stream, HeadTailBuffer buffer, bool isError, Action<bool, ReadOnlyMemory<byte>>? onChunk)
    {
        var chunk = new byte[ChunkBytes];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk).ConfigureAwait(false)) > 0)
            {
                buffer.Append(chunk.AsSpan(0, read));
                onChunk?.Invoke(isError, chunk.AsMemory(0, read));
                if (Interlocked.Add(ref _outputBytes, read) > _invocation.Limits.OutputKillBytes) _flood.Cancel();
            }
        }
        catch (IOException) { } // the process was killed while we read
        catch (ObjectDisposedException) { }
    }

    private async Task FeedInputAsync()
    {
        try
        {
            if (_inputPrefix is not null)
                await _process.StandardInput.WriteAsync(_inputPrefix).ConfigureAwait(false);
            if (_invocation.StandardInput is { } text)
                await _process.StandardInput.WriteAsync(text).ConfigureAwait(false);
            _process.StandardInput.Close();
        }
        catch (IOException) { } // the process exited without reading its input
    }

    private void KillTree()
    {
        _killFirst?.Invoke();
        try { _process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { } // already gone
    }

    public void Dispose()
    {
        _timeout.Dispose();
        _flood.Dispose();
        _process.Dispose();
    }
}
