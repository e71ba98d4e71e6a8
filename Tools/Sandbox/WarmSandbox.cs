using System.Diagnostics;
using HwForge.Tools.Execution;

namespace HwForge.Tools.Sandbox;

/// <summary>
/// One bubblewrap sandbox started ahead of need: namespaces made, mounts in place, its /work bound
/// to an empty folder of its own, already dropped to an unused user id of its own and under the
/// default kernel limits, and inside it a shell that waits for exactly one command. It serves one
/// run and is then destroyed, like a cold sandbox.
/// </summary>
/// <remarks>
/// The start runs the cold path's own chain (bubblewrap, <c>setpriv</c>, <c>prlimit</c>), with the
/// waiter where the tool would be; what differs between runs travels in the command: the
/// environment, the program and its arguments, and tighter limits when the run asks for them. A
/// process may lower its limits but never raise them, so a run that wants more than the defaults
/// starts cold (<see cref="SandboxPool.Fits"/>). Until its command arrives the shell holds an empty
/// environment and an empty folder: there is nothing of a run to leak into it beforehand.
/// </remarks>
internal sealed class WarmSandbox : IDisposable
{
    /// <summary>
    /// The waiter. It says it is up with one byte on stdout, reads one line, and runs it. It drops
    /// the variables it was started with (PATH, for the chain before it) and the one it adds itself
    /// (PWD), so the line's exports are all the tool will see. <c>read</c> takes a pipe byte by byte,
    /// so whatever follows the line stays for the tool as its standard input. <c>NL</c> lets the
    /// line carry arguments with newlines in them.
    /// </summary>
    private const string Waiter = "NL='\n'\nunset PWD PATH\nprintf r || exit 1\nIFS= read -r line || exit 1\neval \"$line\"";

    private readonly BubblewrapSandbox _sandbox;
    private readonly Lock _gate = new();
    private Process? _process;
    private bool _dispatched;

    private WarmSandbox(BubblewrapSandbox sandbox, Workspace workspace)
    {
        _sandbox = sandbox;
        Workspace = workspace;
    }

    /// <summary>The run's work folder, mounted at /work since the sandbox started.</summary>
    public Workspace Workspace { get; }

    /// <summary>True once the waiter has reported in; false if the sandbox died on the way up.</summary>
    public Task<bool> Ready { get; private set; } = Task.FromResult(false);

    /// <summary>Starts a sandbox in the background; see <see cref="Ready"/> for when it can take its command.</summary>
    public static WarmSandbox Start(BubblewrapSandbox sandbox, HwForgeHome home, long tmpBytes)
    {
        var warm = new WarmSandbox(sandbox, Workspace.Create(home));
        var waiter = new ToolInvocation("bwrap",
        [
            .. sandbox.Enclosure(warm.Workspace.Path, tmpBytes, []), "--setenv", "PATH", SandboxEnvironment.Base["PATH"], "--",
            .. sandbox.DropToRunUser(), .. BubblewrapSandbox.KernelLimits(ResourceLimits.Default), "sh", "-c", Waiter,
        ]);
        // Off the caller's thread: the start itself goes through the launcher thread (so that
        // --die-with-parent holds) and should not hold up the run that asked for a replacement.
        warm.Ready = Task.Run(() => warm.LaunchAsync(waiter));
        return warm;
    }

    private async Task<bool> LaunchAsync(ToolInvocation waiter)
    {
        try
        {
            Process process;
            lock (_gate)
            {
                if (_dispatched) return false; // drained before it started
                _process = process = ProcessSession.Launch(waiter);
            }
            var signal = new byte[1];
            return await process.StandardOutput.BaseStream.ReadAsync(signal).ConfigureAwait(false) == 1 && signal[0] == (byte)'r';
        }
        catch (Exception)
        {
            // bubblewrap missing, or killed while starting (the pool drained): either way it is not
            // ready, so no run ever gets it, and runs start cold, where the same failure is reported.
            return false;
        }
    }

    /// <summary>
    /// Runs <paramref name="invocation"/> (whose inputs are already in <see cref="Workspace"/>) as
    /// the sandbox's one command, with the same user-id drop, limits and environment as a cold start.
    /// </summary>
    public async Task<ToolRunResult> RunAsync(ToolInvocation invocation, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        Process process;
        lock (_gate)
        {
            if (_dispatched || _process is null) throw new InvalidOperationException("a warm sandbox runs one command, once it is ready");
            _dispatched = true;
            process = _process;
        }
        try
        {
            if (_sandbox.RunningAsRoot) Workspace.ShareWithSandboxUser(Workspace.Path);
        }
        catch
        {
            Kill(process);
            throw;
        }
        using var session = ProcessSession.Attach(invocation, process, CommandLine(invocation) + "\n");
        return await session.CompleteAsync(onChunk: null, cancellation).ConfigureAwait(false);
    }

    /// <summary>
    /// The line the waiter runs: the invocation's environment (as bubblewrap's --setenv would set
    /// it), then <c>exec</c> of the program, through <c>prlimit</c> only when the run's limits are
    /// tighter than the defaults already in force. Every word is quoted; and since the shell that
    /// reads the line already runs as the run's own user, under its limits and inside its sandbox, a
    /// word that escaped its quotes could do nothing the tool itself could not.
    /// </summary>
    private static string CommandLine(ToolInvocation invocation)
    {
        var variables = SandboxEnvironment.For(invocation.Environment).Select(v => $"{v.Key}={v.Value}");
        IEnumerable<string> limits = SandboxPool.SameKernelLimits(invocation.Limits, ResourceLimits.Default) ? [] : BubblewrapSandbox.KernelLimits(invocation.Limits);
        return $"export {Quote(variables)}; exec {Quote([.. limits, invocation.Program, .. invocation.Arguments])}";
    }

    private static string Quote(IEnumerable<string> words) =>
        string.Join(' ', words.Select(w => ShellWords.Quote(w).Replace("\n", "'\"$NL\"'")));

    /// <summary>Kills the sandbox if it never ran (a run's own end was already waited for) and deletes its folder.</summary>
    public void Dispose()
    {
        Process? process;
        lock (_gate)
        {
            process = _dispatched ? null : _process;
            _dispatched = true;
        }
        if (process is not null) Kill(process);
        Workspace.Dispose();
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(5));
        }
        catch (InvalidOperationException) { } // already gone
        process.Dispose();
    }
}
