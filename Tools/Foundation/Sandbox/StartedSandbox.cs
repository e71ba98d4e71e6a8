using System.Diagnostics;
using HwForge.Tools.Foundation.Execution;
using Microsoft.Win32.SafeHandles;

namespace HwForge.Tools.Foundation.Sandbox;

/// <summary>
/// One bubblewrap sandbox, up before its run: namespaces made, mounts in place, in a cgroup of its
/// own where there is one, already its run's user and under the default kernel limits, and inside
/// it a shell that waits for exactly one command. Its /work and /tmp are reached from the host
/// through handles taken once it is up, so the run's files are staged straight into its memory. It
/// serves one run and is then destroyed. The pool starts some ahead of need; every other run starts
/// one of its own and waits for it.
/// </summary>
/// <remarks>
/// The start runs the chain of <see cref="BubblewrapSandbox.Chain"/>, with the waiter where the tool
/// would be; what differs between runs travels in the command: the environment, the program and its
/// arguments, and tighter limits when the run asks for them. A process may lower its limits but never
/// raise them, so a warm sandbox only takes runs that want no more than the defaults
/// (<see cref="SandboxPool.Fits"/>). Until its command arrives the shell holds an empty environment
/// and an empty folder: there is nothing of a run to leak into it beforehand.
/// </remarks>
internal sealed class StartedSandbox : IRunSite
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
    private readonly ResourceLimits _limits;
    private readonly IReadOnlyList<string> _readOnlyPaths;
    private readonly string _label;
    private readonly HwForgeHome _home;
    private readonly Lock _gate = new();
    private Process? _process;
    private RunCgroup? _cgroup;
    private SafeFileHandle? _init;
    private SandboxFolder? _work;
    private SandboxFolder? _tmp;
    private ToolRunResult? _startFailure;
    private Exception? _refusal;
    private bool _dispatched;

    private readonly IReadOnlyList<string> _devices;

    private StartedSandbox(BubblewrapSandbox sandbox, ResourceLimits limits, IReadOnlyList<string> readOnlyPaths, HwForgeHome home, IReadOnlyList<string> devices)
    {
        _devices = devices;
        _sandbox = sandbox;
        _limits = limits;
        _readOnlyPaths = readOnlyPaths;
        _label = $"hwforge-home={home.Root}";
        _home = home;
    }

    /// <summary>True once the waiter has reported in and /work is in hand; false if the sandbox did not come up.</summary>
    public Task<bool> Ready { get; private set; } = Task.FromResult(false);

    /// <summary>The run's /work; for a sandbox that did not come up, a folder that keeps nothing (its run reports why).</summary>
    public IWorkFolder Folder => _work ?? (IWorkFolder)NoFolder.Instance;

    /// <summary>The limits it started under: /work's and /tmp's sizes are fixed from then on.</summary>
    public ResourceLimits Limits => _limits;

    /// <summary>Starts a sandbox in the background; see <see cref="Ready"/> for when it can take its command.</summary>
    /// <param name="readOnlyPaths">Host paths mounted read-only where they are (fixed from the start, so a warm sandbox has none).</param>
    /// <param name="home">Named on the waiter's command line, so that a HwForge's sandboxes can be told apart from another's.</param>
    /// <param name="devices">Device nodes bound read-write (<see cref="Execution.ToolInvocation.Devices"/>); a warm sandbox has none.</param>
    public static StartedSandbox Start(BubblewrapSandbox sandbox, ResourceLimits limits, IReadOnlyList<string> readOnlyPaths, HwForgeHome home, IReadOnlyList<string>? devices = null)
    {
        var started = new StartedSandbox(sandbox, limits, readOnlyPaths, home, devices ?? []);
        // Off the caller's thread: the start itself goes through the launcher thread (so that
        // --die-with-parent holds) and should not hold up the run that asked for a replacement.
        started.Ready = Task.Run(started.LaunchAsync);
        return started;
    }

    private async Task<bool> LaunchAsync()
    {
        var clock = Stopwatch.StartNew();
        Process process;
        int? runUid = _sandbox.RunningAsRoot ? BubblewrapSandbox.NewRunUid() : null;
        try
        {
            var cgroup = _sandbox.Control.CreateCgroup(_limits);
            lock (_gate)
            {
                if (_dispatched)
                {
                    cgroup?.Dispose(); // drained before it started
                    return false;
                }
                _cgroup = cgroup;
                _process = process = ProcessSession.Launch(Invocation(runUid));
            }
        }
        catch (SandboxUnavailableException e)
        {
            _refusal = e;
            return false;
        }
        catch (Exception e)
        {
            // bubblewrap missing, say: the run reports it as a cold start always did.
            _refusal = e is ToolNotFoundException ? e : null;
            _startFailure = new ToolRunResult(127, "", e.Message, clock.Elapsed);
            return false;
        }

        try
        {
            var signal = new byte[1];
            if (await process.StandardOutput.BaseStream.ReadAsync(signal).ConfigureAwait(false) == 1 && signal[0] == (byte)'r')
            {
                OpenFolders(process.Id, runUid);
                return true;
            }
            using (var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
                await process.WaitForExitAsync(patience.Token).ConfigureAwait(false);
            var said = await process.StandardError.ReadToEndAsync().ConfigureAwait(false);
            _startFailure = new ToolRunResult(process.ExitCode, "", said, clock.Elapsed);
            return false;
        }
        catch (Exception e)
        {
            // Killed while starting (the pool drained), or /work out of reach: either way it is not
            // ready, so no run ever gets it.
            _startFailure = new ToolRunResult(125, "", $"hwforge: the sandbox did not come up: {e.Message}", clock.Elapsed);
            Kill(process);
            return false;
        }
    }

    /// <summary>The start: into the cgroup with the filter open, bubblewrap, the chain, and the waiter where the tool would be.</summary>
    private ToolInvocation Invocation(int? runUid)
    {
        List<string> words =
        [
            .. BubblewrapSandbox.Entry(UserNamespaceFilter.File(_home), _cgroup?.ProcsFiles ?? []), "bwrap", .. _sandbox.Enclosure(_limits, _readOnlyPaths, _devices), "--setenv", "PATH", SandboxEnvironment.Base["PATH"], "--",
            .. BubblewrapSandbox.Chain(runUid, _sandbox.Control.Kernel(_limits)), "sh", "-c", Waiter, "sh", _label,
        ];
        return new ToolInvocation(words[0], words[1..]);
    }

    /// <summary>
    /// Takes handles on the sandbox's init (to kill the whole PID namespace at once) and on its /work
    /// and /tmp, through <c>/proc/PID/root</c>. The init is bubblewrap's child; checking its parent
    /// again after the handles are open rules out a reused process id.
    /// </summary>
    private void OpenFolders(int bubblewrap, int? runUid)
    {
        var init = ChildOf(bubblewrap) ?? throw new IOException($"bubblewrap ({bubblewrap}) has no child");
        _init = Native.OpenProcess(init);
        using (var root = Native.OpenPath($"/proc/{init}/root"))
        {
            _work = new SandboxFolder(Native.OpenDirectory(root, SandboxEnvironment.WorkPath.TrimStart('/')), (uint?)runUid);
            _tmp = new SandboxFolder(Native.OpenDirectory(root, "tmp"), null);
        }
        if (ParentOf(init) != bubblewrap) throw new IOException($"the sandbox's init ({init}) went away while it started");
        _work.Own(_work.Root);
    }

    /// <summary>
    /// Runs <paramref name="invocation"/> (whose inputs are already in <see cref="Folder"/>) as the
    /// sandbox's one command, with the same user id, limits and environment as the start.
    /// </summary>
    public async Task<ToolRunResult> RunAsync(ToolInvocation invocation, Action<bool, ReadOnlyMemory<byte>>? onChunk, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        if (_refusal is not null) throw _refusal;
        if (!Ready.IsCompletedSuccessfully || !Ready.Result) return _startFailure ?? throw new InvalidOperationException("a sandbox runs its command once it is ready");
        Process process;
        lock (_gate)
        {
            if (_dispatched || _process is null) throw new InvalidOperationException("a sandbox runs one command");
            _dispatched = true;
            process = _process;
        }
        try
        {
            _cgroup?.Apply(invocation.Limits);
        }
        catch
        {
            Kill(process);
            throw;
        }
        using var session = ProcessSession.Attach(invocation, process, CommandLine(invocation) + "\n", KillNamespace);
        var run = await session.CompleteAsync(onChunk, cancellation).ConfigureAwait(false);
        return run with { Limit = KernelEvidence(run) };
    }

    /// <summary>
    /// Which limit stopped the run, from what the kernel recorded, where the runner's own reading
    /// (wall clock, output, a limit's signal) does not already say: an OOM kill in the cgroup, a full
    /// /work or /tmp, forks refused at pids.max. A program's complaint on stderr comes last.
    /// </summary>
    private LimitHit KernelEvidence(ToolRunResult run)
    {
        if (run.Limit is LimitHit.WallClock or LimitHit.OutputFlood or LimitHit.CpuTime or LimitHit.FileSize) return run.Limit;
        if (_cgroup?.OutOfMemory == true) return LimitHit.Memory;
        if (_work!.IsFull || _tmp!.IsFull) return LimitHit.DiskSpace;
        if (run.ExitCode != 0 && _cgroup?.HitProcessLimit == true) return LimitHit.Processes;
        return run.Limit;
    }

    /// <summary>
    /// The line the waiter runs: the invocation's environment (as bubblewrap's --setenv would set
    /// it), then <c>exec</c> of the program, through <c>prlimit</c> only when the run's limits are
    /// tighter than those already in force. Every word is quoted; and since the shell that reads the
    /// line already runs as the run's own user, under its limits and inside its sandbox, a word that
    /// escaped its quotes could do nothing the tool itself could not.
    /// </summary>
    private string CommandLine(ToolInvocation invocation)
    {
        var variables = SandboxEnvironment.For(invocation.Environment).Select(v => $"{v.Key}={v.Value}");
        var kernel = _sandbox.Control.Kernel(invocation.Limits);
        IEnumerable<string> limits = kernel == _sandbox.Control.Kernel(_limits) ? [] : BubblewrapSandbox.Prlimit(kernel);
        return $"export {Quote(variables)}; exec {Quote([.. limits, invocation.Program, .. invocation.Arguments])}";
    }

    private static string Quote(IEnumerable<string> words) =>
        string.Join(' ', words.Select(w => ShellWords.Quote(w).Replace("\n", "'\"$NL\"'")));

    /// <summary>SIGKILL to the PID namespace's init: the kernel then kills every process in it, however fast they fork.</summary>
    private void KillNamespace()
    {
        try
        {
            if (_init is { IsClosed: false } init) Native.Kill(init);
        }
        catch (IOException) { } // gone already
    }

    /// <summary>Kills the sandbox if it never ran (a run's own end was already waited for), then lets go of its folders and cgroup.</summary>
    public void Dispose()
    {
        Process? process;
        lock (_gate)
        {
            process = _dispatched ? null : _process;
            _dispatched = true;
        }
        if (process is not null) Kill(process);
        else KillNamespace();
        _init?.Dispose();
        _work?.Dispose();
        _tmp?.Dispose();
        _cgroup?.Dispose();
    }

    private void Kill(Process process)
    {
        KillNamespace();
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(5));
        }
        catch (InvalidOperationException) { } // already gone
        process.Dispose();
    }

    private static int? ChildOf(int pid)
    {
        try
        {
            var children = File.ReadAllText($"/proc/{pid}/task/{pid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (children.Length > 0) return int.Parse(children[0]);
        }
        catch (IOException) { } // a kernel without CONFIG_PROC_CHILDREN: look through every process
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(folder), out var candidate) && ParentOf(candidate) == pid) return candidate;
        return null;
    }

    private static int? ParentOf(int pid)
    {
        try
        {
            // "PID (COMMAND) STATE PPID ...": the command may hold spaces and parentheses, so count from the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1]);
        }
        catch (IOException) { return null; }
    }

    /// <summary>Stands in for the folder of a sandbox that never came up.</summary>
    private sealed class NoFolder : IWorkFolder
    {
        public static readonly NoFolder Instance = new();

        public void Write(string relativeName, ReadOnlySpan<byte> content) { }

        public byte[]? ReadOutput(string relativeName) => null;

        public FolderCopy? CopyIn(string hostFolder) => null;
    }
}
