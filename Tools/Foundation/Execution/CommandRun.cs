using System.Collections;
using System.Diagnostics;
using CliWrap;

namespace HwForge.Tools.Foundation.Execution;

/// <summary>
/// One run of an invocation on CliWrap: the invocation becomes a <see cref="Command"/> (its own environment
/// only, no exit-code validation: a failing tool is a result), the output goes through an
/// <see cref="OutputCapture"/>, and a timeout, a flood or the caller's cancellation kill the whole process tree
/// (CliWrap's forceful cancellation).
/// </summary>
internal static class CommandRun
{
    /// <summary>How long output pipes may stay open after the process exits (an orphan may hold them).</summary>
    private static readonly TimeSpan PipeGrace = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Runs to the end; cancelling <paramref name="cancellation"/> throws <see cref="OperationCanceledException"/>,
    /// limits end the run with a typed result instead.
    /// </summary>
    public static async Task<ToolRunResult> RunAsync(ToolInvocation invocation, Action<bool, ReadOnlyMemory<byte>>? onChunk, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        using var capture = new OutputCapture(invocation.Limits, onChunk);
        using var timeout = new CancellationTokenSource(invocation.Limits.WallClock);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation, timeout.Token, capture.Flooded);
        // Not disposed: the watcher below may still set its timer after the run has returned.
        var abandonPipes = new CancellationTokenSource();
        var command = ToCommand(invocation)
            .WithStandardOutputPipe(capture.Target(isError: false, abandonPipes.Token))
            .WithStandardErrorPipe(capture.Target(isError: true, abandonPipes.Token));

        var clock = Stopwatch.StartNew();
        CommandTask<CommandResult> task;
        try { task = ProcessLauncher.Start(() => command.ExecuteAsync(stop.Token)); }
        catch (System.ComponentModel.Win32Exception e) { throw new ToolNotFoundException(invocation.Program, e); }

        // CliWrap waits for the pipes after the process exits; a background child that keeps them open
        // must not hold the run for ever, so reading gives up a moment after the process itself is gone.
        _ = AbandonPipesAfterExitAsync(task.ProcessId, abandonPipes);
        int exitCode;
        try { exitCode = (await task.ConfigureAwait(false)).ExitCode; }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            // Killed for a limit (which one, the capture says); CliWrap reports no exit code then, SIGKILL's is the one it had.
            exitCode = KilledExitCode;
        }
        return capture.Result(exitCode, clock.Elapsed, timedOut: timeout.IsCancellationRequested);
    }

    /// <summary>The invocation as a CliWrap command; nothing of HwForge's environment (API keys included) is passed on unless named.</summary>
    public static Command ToCommand(ToolInvocation invocation)
    {
        var environment = new Dictionary<string, string?>();
        // CliWrap adds to the inherited environment and removes a variable set to null: fail closed by removing them all.
        foreach (DictionaryEntry inherited in Environment.GetEnvironmentVariables()) environment[(string)inherited.Key] = null;
        foreach (var (name, value) in invocation.Environment) environment[name] = value;
        var command = Cli.Wrap(invocation.Program)
            .WithArguments(invocation.Arguments)
            .WithEnvironmentVariables(environment)
            .WithValidation(CommandResultValidation.None)
            .WithStandardInputPipe(invocation.StandardInput is { } input ? PipeSource.FromString(input) : PipeSource.Null);
        return invocation.WorkingDirectory is { } folder ? command.WithWorkingDirectory(folder) : command;
    }

    private const int KilledExitCode = 128 + 9;

    private static async Task AbandonPipesAfterExitAsync(int processId, CancellationTokenSource abandon)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
        catch (ArgumentException) { } // already gone
        catch (InvalidOperationException) { }
        abandon.CancelAfter(PipeGrace);
    }
}
