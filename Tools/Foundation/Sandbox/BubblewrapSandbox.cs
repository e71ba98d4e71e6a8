using System.Text.RegularExpressions;
using HwForge.Tools.Foundation.Execution;

namespace HwForge.Tools.Foundation.Sandbox;

/// <summary>
/// Confines a run with bubblewrap: new network, PID, IPC and UTS namespaces; a read-only root and
/// /usr; as the only writable places a size-capped /work and /tmp that live in memory and nowhere on
/// the host; no home; an empty environment; no further user namespaces; kernel limits on CPU,
/// memory, file size and processes; and a cgroup of its own where the machine has one to give
/// (<see cref="ResourceControl"/>).
/// </summary>
/// <remarks>
/// Process limits are counted per user. As root they would not be enforced at all, so a root
/// HwForge keeps user namespaces off and drops, inside the sandbox, to an unprivileged user id of
/// its own for each run (so concurrent runs neither share a process count nor can signal each
/// other); an ordinary user gets a fresh user namespace, where the count starts from zero. Either
/// way a seccomp filter (<see cref="UserNamespaceFilter"/>) stops the run making user namespaces.
/// Runs go through <see cref="StartedSandbox"/>, which stages the run's files into /work from the
/// host; <see cref="Confine"/> is the same enclosure as a one-shot command line.
/// </remarks>
public sealed partial class BubblewrapSandbox(bool runningAsRoot, ResourceControl control) : ISandbox
{
    /// <summary>When HwForge is root, each run gets an unused user id from this range (no such users exist).</summary>
    public const int RunUidBase = 1_700_000_000;
    public const int RunUidCount = 1 << 24;

    private static readonly string[] SystemLinks = ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"];

    /// <summary>The few files of /etc that programs need: the loader cache and the alternatives links in /usr/bin.</summary>
    private static readonly string[] EtcFiles = ["/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/alternatives"];

    private readonly Lazy<string[]> _systemMounts = new(DescribeSystemMounts);

    public BubblewrapSandbox() : this(Environment.IsPrivilegedProcess, ResourceControl.ForThisMachine()) { }

    public BubblewrapSandbox(bool runningAsRoot) : this(runningAsRoot, ResourceControl.ForThisMachine()) { }

    public string Name => "bubblewrap";

    public bool Confines => true;

    /// <summary>What bounds a run's processes together: a cgroup, or rlimits alone.</summary>
    public ResourceControl Control => control;

    internal bool RunningAsRoot => runningAsRoot;

    /// <summary>
    /// The enclosure as one command line, for callers that need no files in or out: the program
    /// starts in an empty /work (the invocation's folder is not mounted, so nothing on the host is
    /// written), and, with no run around it to make and remove a cgroup, its processes are bounded
    /// together by rlimits alone (<see cref="ResourceControl.RlimitsOnly"/>).
    /// </summary>
    public ToolInvocation Confine(ToolInvocation invocation)
    {
        if (invocation.WorkingDirectory is null)
            throw new ArgumentException("A sandboxed run needs a work folder.", nameof(invocation));
        var entry = Entry(UserNamespaceFilter.File(HwForgeHome.FromEnvironment()), []);
        var args = new List<string>([.. entry.Skip(1), "bwrap", .. Enclosure(invocation.Limits, invocation.ReadOnlyPaths, invocation.Devices)]);
        foreach (var (name, value) in SandboxEnvironment.For(invocation.Environment))
            args.AddRange(["--setenv", name, value]);
        args.Add("--");
        args.AddRange(Chain(runningAsRoot ? NewRunUid() : null, ResourceControl.RlimitsOnly.Kernel(invocation.Limits)));
        args.Add(invocation.Program);
        args.AddRange(invocation.Arguments);
        return invocation with { Program = entry[0], Arguments = args, Environment = new Dictionary<string, string>() };
    }

    /// <summary>Starts a sandbox and waits until it is up: the run's own, started when it was needed.</summary>
    async Task<IRunSite> ISandbox.OpenAsync(HwForgeHome home, ToolInvocation invocation, CancellationToken cancellation)
    {
        var started = StartedSandbox.Start(this, invocation.Limits, invocation.ReadOnlyPaths, home, invocation.Devices);
        try
        {
            await started.Ready.WaitAsync(cancellation).ConfigureAwait(false);
            return started;
        }
        catch
        {
            started.Dispose();
            throw;
        }
    }

    /// <summary>
    /// bubblewrap's options up to its command: the namespaces, the mounts and an empty environment.
    /// Every sandbox, warm or started for its run, starts with exactly these.
    /// </summary>
    internal IReadOnlyList<string> Enclosure(ResourceLimits limits, IReadOnlyList<string> readOnlyPaths, IReadOnlyList<string>? devices = null)
    {
        List<string> args = runningAsRoot
            ? ["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try",
               "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
            : ["--unshare-all"];
        args.AddRange(["--die-with-parent", "--new-session", "--seccomp", FilterDescriptor.ToString()]);
        args.AddRange(_systemMounts.Value);
        args.AddRange(["--proc", "/proc", "--dev", "/dev",
            "--perms", "1777", "--size", limits.TmpBytes.ToString(), "--tmpfs", "/tmp",
            "--perms", "0755", "--size", limits.WorkBytes.ToString(), "--tmpfs", SandboxEnvironment.WorkPath,
            "--chdir", SandboxEnvironment.WorkPath, "--clearenv"]);
        // After /tmp and /work, so that a read-only file under them is not hidden by those mounts.
        foreach (var path in readOnlyPaths) args.AddRange(["--ro-bind", path, path]);
        // A GPU's nodes only, each named (absent ones skipped): never a disk, never a folder of /dev. Anything else
        // is refused outright rather than dropped, so a caller's mistake cannot widen the sandbox unseen.
        foreach (var path in devices ?? [])
        {
            if (!GpuNode().IsMatch(path))
                throw new ArgumentException($"only a GPU's /dev/nvidia* nodes can be bound into a sandbox, not {path}", nameof(devices));
            args.AddRange(["--dev-bind-try", path, path]);
        }
        // Last: the root and /dev are tmpfs too, unbounded, and an ordinary user's sandbox owns them.
        args.AddRange(["--remount-ro", "/dev", "--remount-ro", "/"]);
        return args;
    }

    /// <summary>The descriptor on which <see cref="Entry"/> hands bubblewrap the seccomp filter.</summary>
    private const int FilterDescriptor = 9;

    /// <summary>
    /// The shell that starts a sandbox: it writes "0" (itself) into each of the run's cgroup.procs,
    /// so everything it starts is inside from its first fork, opens the seccomp filter on
    /// <see cref="FilterDescriptor"/>, and becomes bubblewrap (the words that follow). If any of that
    /// fails it stops there, and no sandbox starts.
    /// </summary>
    internal static IReadOnlyList<string> Entry(string filter, IReadOnlyList<string> cgroupProcs)
    {
        var writes = string.Concat(cgroupProcs.Select(_ =>
            "printf 0 > \"$1\" || { echo \"hwforge: could not enter the run's cgroup ($1)\" >&2; exit 125; }; shift; "));
        return ["sh", "-c", $"f=$1; shift; {writes}exec \"$@\" {FilterDescriptor}< \"$f\"", "hwforge-sandbox", filter, .. cgroupProcs];
    }

    /// <summary>What runs inside, before the program: as root, a drop to <paramref name="runUid"/>; then the kernel limits.</summary>
    internal static IReadOnlyList<string> Chain(int? runUid, KernelLimits limits) =>
        [.. DropToRunUser(runUid), .. Prlimit(limits)];

    /// <summary>A fresh unused user id for one run of a root HwForge.</summary>
    internal static int NewRunUid() => RunUidBase + Random.Shared.Next(RunUidCount);

    /// <summary><c>setpriv</c> to the run's user, with no capabilities left.</summary>
    private static IReadOnlyList<string> DropToRunUser(int? uid) => uid is null ? [] :
        ["setpriv", $"--reuid={uid}", $"--regid={uid}", "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--"];

    /// <summary>
    /// <c>prlimit</c> with the kernel's limits. The hard CPU limit sits one second above the soft one,
    /// so SIGXCPU (a recognisable signal) arrives before SIGKILL. An address space of <see cref="long.MaxValue"/> is
    /// no limit at all (ThreadSanitizer refuses to run under any), asked only where a cgroup bounds the memory.
    /// </summary>
    internal static IReadOnlyList<string> Prlimit(KernelLimits limits) =>
        ["prlimit", $"--cpu={limits.CpuSeconds}:{limits.CpuSeconds + 1}", $"--as={(limits.AddressSpaceBytes == long.MaxValue ? "unlimited" : limits.AddressSpaceBytes)}",
         $"--fsize={limits.FileSizeBytes}", $"--nproc={limits.Processes}", "--core=0", "--"];

    /// <summary>/usr read-only, the merged-/usr links as links, and the needed bits of /etc.</summary>
    private static string[] DescribeSystemMounts()
    {
        // bwrap would create /etc private to root; programs (perl) must be able to look into it.
        var args = new List<string> { "--ro-bind", "/usr", "/usr", "--perms", "0755", "--dir", "/etc" };
        foreach (var path in SystemLinks)
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is { } target) args.AddRange(["--symlink", target, path]);
            else if (Directory.Exists(path)) args.AddRange(["--ro-bind", path, path]);
        }
        foreach (var path in EtcFiles)
            if (Path.Exists(path)) args.AddRange(["--ro-bind", path, path]);
        return [.. args];
    }

    [GeneratedRegex(@"^/dev/nvidia[A-Za-z0-9-]*$")]
    private static partial Regex GpuNode();
}
