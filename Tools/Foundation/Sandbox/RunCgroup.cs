using HwForge.Tools.Foundation.Execution;

namespace HwForge.Tools.Foundation.Sandbox;

/// <summary>
/// One run's cgroup (v2), or its pair of cgroups (v1 memory and pids): made and limited before the
/// sandbox starts, entered by the sandbox's first process before it forks anything, read for the
/// kernel's own evidence of a limit hit after the run, and removed with it.
/// </summary>
internal sealed class RunCgroup : IDisposable
{
    private const string Prefix = "hwforge-";

    /// <summary>Room in pids.max for the sandbox's own processes (bubblewrap's monitors and init, the waiting shell).</summary>
    private const int OwnProcesses = 8;

    private static int _counter;

    /// <summary>Removals still under way (see <see cref="Dispose"/>).</summary>
    private static readonly List<Task> Removals = [];

    private readonly LimitMechanism _mechanism;
    private readonly string _memory;
    private readonly string? _pids;
    private ResourceLimits? _applied;

    private RunCgroup(LimitMechanism mechanism, string memory, string? pids)
    {
        _mechanism = mechanism;
        _memory = memory;
        _pids = pids;
    }

    /// <summary>Makes and limits the cgroup; <see cref="SandboxUnavailableException"/> when it cannot, so the run is refused.</summary>
    /// <param name="tag">Names the <see cref="ResourceControl"/> that made it, so that its cgroups can be told from another's.</param>
    public static RunCgroup Create(CgroupLayout layout, ResourceLimits limits, string tag)
    {
        var name = $"{Prefix}{Environment.ProcessId}-{tag}-{Interlocked.Increment(ref _counter)}";
        var memory = Path.Combine(layout.MemoryParent, name);
        var pids = layout.PidsParent is null ? null : layout.Mechanism == LimitMechanism.CgroupV2 ? memory : Path.Combine(layout.PidsParent, name);
        var cgroup = new RunCgroup(layout.Mechanism, memory, pids);
        try
        {
            Directory.CreateDirectory(memory);
            if (pids is not null) Directory.CreateDirectory(pids);
            cgroup.Apply(limits);
            return cgroup;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            cgroup.Dispose();
            throw Refused(memory, e);
        }
    }

    /// <summary>The cgroup.procs files the sandbox's first process writes itself into (<see cref="BubblewrapSandbox.Entry"/>).</summary>
    public IReadOnlyList<string> ProcsFiles =>
        _pids is not null && _pids != _memory ? [Path.Combine(_memory, "cgroup.procs"), Path.Combine(_pids, "cgroup.procs")] : [Path.Combine(_memory, "cgroup.procs")];

    /// <summary>Sets the memory and process limits (lowering them for a warm sandbox's run); throws when the kernel refuses.</summary>
    public void Apply(ResourceLimits limits)
    {
        if (_applied is { } applied && applied.TotalMemoryBytes == limits.TotalMemoryBytes && applied.MaxProcesses == limits.MaxProcesses) return;
        try
        {
            if (_mechanism == LimitMechanism.CgroupV2)
            {
                Write(_memory, "memory.max", limits.TotalMemoryBytes);
                if (File.Exists(Path.Combine(_memory, "memory.swap.max"))) Write(_memory, "memory.swap.max", 0);
            }
            else SetV1Memory(limits.TotalMemoryBytes);
            if (_pids is not null) Write(_pids, "pids.max", limits.MaxProcesses + OwnProcesses);
            _applied = limits;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Refused(_memory, e);
        }
    }

    /// <summary>v1 keeps memory+swap at or above memory alone, so the two are written in the order that keeps that true.</summary>
    private void SetV1Memory(long bytes)
    {
        var withSwap = File.Exists(Path.Combine(_memory, "memory.memsw.limit_in_bytes"));
        var lowering = long.TryParse(File.ReadAllText(Path.Combine(_memory, "memory.limit_in_bytes")).Trim(), out var current) && bytes < current;
        if (withSwap && !lowering) Write(_memory, "memory.memsw.limit_in_bytes", bytes);
        Write(_memory, "memory.limit_in_bytes", bytes);
        if (withSwap && lowering) Write(_memory, "memory.memsw.limit_in_bytes", bytes);
    }

    /// <summary>Whether the kernel killed a process of the run for going over the memory limit.</summary>
    public bool OutOfMemory => Counter(_memory, _mechanism == LimitMechanism.CgroupV2 ? "memory.events" : "memory.oom_control", "oom_kill") > 0;

    /// <summary>Whether a fork of the run was refused at pids.max.</summary>
    public bool HitProcessLimit => _pids is not null && Counter(_pids, "pids.events", "max") > 0;

    private static long Counter(string folder, string file, string key)
    {
        try
        {
            foreach (var line in File.ReadLines(Path.Combine(folder, file)))
                if (line.StartsWith(key + " ", StringComparison.Ordinal) && long.TryParse(line[(key.Length + 1)..], out var value)) return value;
        }
        catch (IOException) { }
        return 0;
    }

    private static void Write(string folder, string file, long value) => File.WriteAllText(Path.Combine(folder, file), value.ToString());

    private static SandboxUnavailableException Refused(string cgroup, Exception e) =>
        new($"the run's memory and process limits could not be applied in {cgroup} ({e.Message}), so it was not run",
            $"make that cgroup writable for HwForge, or set {ResourceControl.Variable}=rlimits to bound runs with rlimits alone");

    /// <summary>
    /// Removes the cgroups, in the background: the run's processes are gone by now (its PID namespace
    /// was killed), but a cgroup stays busy until the last of them is reaped and a memory cgroup takes
    /// milliseconds to go, which the run's caller need not wait for. Removal is retried for a moment;
    /// one still busy after that is left for <see cref="RemoveStale"/>.
    /// </summary>
    public void Dispose()
    {
        var removal = Task.Run(Remove);
        lock (Removals)
        {
            Removals.RemoveAll(r => r.IsCompleted);
            Removals.Add(removal);
        }
    }

    /// <summary>Waits (a little) for removals under way, so that a HwForge that ends leaves no cgroup behind.</summary>
    public static void AwaitRemovals(TimeSpan timeout)
    {
        Task[] pending;
        lock (Removals) pending = [.. Removals];
        Task.WaitAll(pending, timeout);
    }

    private void Remove()
    {
        foreach (var folder in new[] { _memory, _pids }.Distinct())
        {
            if (folder is null) continue;
            for (var attempt = 0; attempt < 50 && Directory.Exists(folder); attempt++)
            {
                try { Directory.Delete(folder); }
                catch (IOException) { Thread.Sleep(10); }
                catch (UnauthorizedAccessException) { break; }
            }
        }
    }

    /// <summary>Removes run cgroups under <paramref name="parent"/> left by HwForge processes that no longer exist.</summary>
    internal static void RemoveStale(string parent)
    {
        try
        {
            foreach (var folder in Directory.EnumerateDirectories(parent, Prefix + "*"))
            {
                var owner = Path.GetFileName(folder)[Prefix.Length..].Split('-')[0];
                if (!int.TryParse(owner, out var pid) || Directory.Exists($"/proc/{pid}")) continue;
                try { Directory.Delete(folder); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
