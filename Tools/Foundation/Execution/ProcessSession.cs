using System.Diagnostics;

namespace HwForge.Tools.Foundation.Execution;

/// <summary>
/// A run in a warm sandbox: bubblewrap was started before its command was known and waits on standard input;
/// the command is written there when the run begins, and the clock and the limits start then. Own code rather
/// than CliWrap because a CliWrap <c>Command</c> starts its process and binds its pipes in one call, while a warm
/// sandbox is started long before the run that uses it (one-shot runs go through <see cref="CommandRun"/>).
/// </summary>
internal sealed class ProcessSession : IDisposable
{
    /// <summary>How long output pipes may stay open after the process exits (an orphan may hold them).</summary>
    private static readonly TimeSpan PipeGrace = TimeSpan.FromSeconds(2);

    private readonly ToolInvocation _invocation;
    private readonly Process _process;
    private readonly CancellationTokenSource _timeout;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>Written to standard input before the invocation's own input: the warm sandbox's command.</summary>
    private readonly string _command;

    /// <summary>Run first when the run is stopped: a sandbox kills its whole PID namespace at once, which a fork bomb cannot outrun.</summary>
    private readonly Action? _killFirst;

    private ProcessSession(ToolInvocation invocation, Process process, string command, Action? killFirst)
    {
        _invocation = invocation;
        _process = process;
        _command = command;
        _killFirst = killFirst;
        _timeout = new CancellationTokenSource(invocation.Limits.WallClock);
    }

    /// <summary>Takes over a process started earlier: <paramref name="command"/> goes to its standard input first.</summary>
    public static ProcessSession Attach(ToolInvocation invocation, Process process, string command, Action? killFirst = null) =>
        new(invocation, process, command, killFirst);

    /// <summary>Starts a process that will wait for its command, from the launcher thread, with nothing of HwForge's environment.</summary>
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
        // Fail closed, as for one-shot runs: API keys and the rest of HwForge's environment stay out.
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
        using var capture = new OutputCapture(_invocation.Limits, onChunk);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation, _timeout.Token, capture.Flooded);
        using var killOnStop = stop.Token.Register(KillTree);

        var pumps = Task.WhenAll(
            capture.PumpAsync(_process.StandardOutput.BaseStream, isError: false),
            capture.PumpAsync(_process.StandardError.BaseStream, isError: true),
            FeedInputAsync());
        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        if (await Task.WhenAny(pumps, Task.Delay(PipeGrace, CancellationToken.None)).ConfigureAwait(false) != pumps)
            KillTree();

        cancellation.ThrowIfCancellationRequested();
        return capture.Result(_process.ExitCode, _clock.Elapsed, timedOut: _timeout.IsCancellationRequested);
    }

    private async Task FeedInputAsync()
    {
        try
        {
            await _process.StandardInput.WriteAsync(_command).ConfigureAwait(false);
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
        _process.Dispose();
    }
}
