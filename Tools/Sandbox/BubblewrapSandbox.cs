using HwForge.Tools.Execution;

namespace HwForge.Tools.Sandbox;

/// <summary>
/// Confines a run with bubblewrap: new network, PID, IPC and UTS namespaces; a read-only /usr;
/// the run's work folder as the only writable place (at /work); a private, size-capped /tmp; no
/// home; an empty environment; and kernel limits on CPU, memory, file size and processes.
/// </summary>
/// <remarks>
/// Process limits are counted per user. As root they would not be enforced at all, so a root
/// HwForge keeps user namespaces off and drops, inside the sandbox, to an unprivileged user id of
/// its own for each run (so concurrent runs neither share a process count nor can signal each
/// other); an ordinary user gets a fresh user namespace, where the count starts from zero.
/// </remarks>
public sealed class BubblewrapSandbox(bool runningAsRoot) : ISandbox
{
    /// <summary>When HwForge is root, each run gets an unused user id from this range (no such users exist).</summary>
    public const int RunUidBase = 1_700_000_000;
    public const int RunUidCount = 1 << 24;

    private static readonly string[] SystemLinks = ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"];

    /// <summary>The few files of /etc that programs need: the loader cache and the alternatives links in /usr/bin.</summary>
    private static readonly string[] EtcFiles = ["/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/alternatives"];

    private readonly Lazy<string[]> _systemMounts = new(DescribeSystemMounts);

    public BubblewrapSandbox() : this(Environment.IsPrivilegedProcess) { }

    public string Name => "bubblewrap";

    public bool Confines => true;

    public ToolInvocation Confine(ToolInvocation invocation)
    {
        var workDirectory = invocation.WorkingDirectory
            ?? throw new ArgumentException("A sandboxed run needs a work folder.", nameof(invocation));

        var args = new List<string>(Enclosure(workDirectory, invocation.Limits.TmpBytes, invocation.ReadOnlyPaths));
        foreach (var (name, value) in SandboxEnvironment.For(invocation.Environment))
            args.AddRange(["--setenv", name, value]);
        args.Add("--");
        args.AddRange(Command(invocation));

        if (runningAsRoot) Workspace.ShareWithSandboxUser(workDirectory);
        return invocation with { Program = "bwrap", Arguments = args, Environment = new Dictionary<string, string>() };
    }

    /// <summary>
    /// bubblewrap's options up to its command: the namespaces, the mounts and an empty environment.
    /// A warm sandbox (<see cref="SandboxPool"/>) is started with exactly these, so both start alike.
    /// </summary>
    internal IReadOnlyList<string> Enclosure(string workDirectory, long tmpBytes, IReadOnlyList<string> readOnlyPaths)
    {
        List<string> args = runningAsRoot
            ? ["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try",
               "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
            : ["--unshare-all"];
        args.AddRange(["--die-with-parent", "--new-session"]);
        args.AddRange(_systemMounts.Value);
        args.AddRange(["--proc", "/proc", "--dev", "/dev",
            "--perms", "1777", "--size", tmpBytes.ToString(), "--tmpfs", "/tmp",
            "--bind", workDirectory, SandboxEnvironment.WorkPath, "--chdir", SandboxEnvironment.WorkPath,
            "--clearenv"]);
        // Last, so that a read-only file under /tmp or the work folder is not hidden by those mounts.
        foreach (var path in readOnlyPaths) args.AddRange(["--ro-bind", path, path]);
        return args;
    }

    /// <summary>
    /// What runs inside: as root, a drop to a fresh unused user id; then the kernel limits; then the
    /// program. Called once per run, so every run gets its own user id.
    /// </summary>
    internal IReadOnlyList<string> Command(ToolInvocation invocation) =>
        [.. DropToRunUser(), .. KernelLimits(invocation.Limits), invocation.Program, .. invocation.Arguments];

    /// <summary>As root, <c>setpriv</c> to an unused user id of its own, with no capabilities left; otherwise nothing.</summary>
    internal IReadOnlyList<string> DropToRunUser()
    {
        if (!runningAsRoot) return [];
        var uid = RunUidBase + Random.Shared.Next(RunUidCount);
        return ["setpriv", $"--reuid={uid}", $"--regid={uid}", "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--"];
    }

    /// <summary>
    /// <c>prlimit</c> with the kernel's limits. The hard CPU limit sits one second above the soft one,
    /// so SIGXCPU (a recognisable signal) arrives before SIGKILL.
    /// </summary>
    internal static IReadOnlyList<string> KernelLimits(ResourceLimits limits) =>
        ["prlimit", $"--cpu={limits.CpuSeconds}:{limits.CpuSeconds + 1}", $"--as={limits.MemoryBytes}",
         $"--fsize={limits.FileSizeBytes}", $"--nproc={limits.MaxProcesses}", "--core=0", "--"];

    internal bool RunningAsRoot => runningAsRoot;

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
}
