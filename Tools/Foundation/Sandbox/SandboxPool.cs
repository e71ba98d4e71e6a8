using HwForge.Tools.Foundation.Execution;

namespace HwForge.Tools.Foundation.Sandbox;

/// <summary>
/// A few bubblewrap sandboxes started ahead of need, so that a run does not wait for its
/// namespaces and mounts: it takes a ready one, and a replacement starts in the background.
/// Each sandbox serves one run and is destroyed with it, exactly as a cold one would be.
/// </summary>
/// <remarks>
/// Only runs that need nothing but the standard mounts are served warm. A run with read-only
/// host paths, or with a /tmp or /work of another size, starts cold: those mounts are fixed when bubblewrap
/// starts, and keying the pool by mount set would keep idle sandboxes for paths that rarely recur
/// (the judge and the PPA flow stage their libraries instead, see <see cref="Targets.Rtl.Liberty.LibertyStaging"/>).
/// When no sandbox is ready, the run waits for the one closest to ready: under load a sandbox's start
/// takes tens of milliseconds, and one already under way finishes sooner than a cold one would.
/// The pool fills on first use, not when made: a command answered from the cache starts no sandbox.
/// </remarks>
public sealed partial class SandboxPool : IDisposable
{
    /// <summary>The setting that sizes the pool; 0 turns it off.</summary>
    public const string SizeVariable = "HWFORGE_SANDBOX_POOL";

    /// <summary>Covers the judge's first burst (lint, both elaborations, the policy check run at once).</summary>
    public const int DefaultSize = 4;

    private readonly BubblewrapSandbox _sandbox;
    private readonly HwForgeHome _home;
    private readonly List<StartedSandbox> _members = [];
    private readonly Lock _gate = new();
    private bool _disposed;

    public SandboxPool(BubblewrapSandbox sandbox, HwForgeHome home, int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        _sandbox = sandbox;
        _home = home;
        Size = size;
    }

    public int Size { get; }

    /// <summary>The size <see cref="SizeVariable"/> asks for, or <see cref="DefaultSize"/>.</summary>
    public static int ConfiguredSize() =>
        int.TryParse(Environment.GetEnvironmentVariable(SizeVariable), out var size) && size >= 0 ? Math.Min(size, 16) : DefaultSize;

    /// <summary>How many runs were served warm so far.</summary>
    public int Served { get; private set; }

    /// <summary>
    /// Whether a warm sandbox can run <paramref name="invocation"/>: only the standard mounts, kernel
    /// limits no looser than the defaults it already runs under (limits can be lowered, never raised;
    /// its cgroup's are lowered by the host at dispatch), and variable names its shell can export.
    /// Anything else starts cold.
    /// </summary>
    public static bool Fits(ToolInvocation invocation)
    {
        var (limits, defaults) = (invocation.Limits, ResourceLimits.Default);
        return invocation.ReadOnlyPaths.Count == 0 && invocation.Devices.Count == 0 && limits.TmpBytes == defaults.TmpBytes && limits.WorkBytes == defaults.WorkBytes
            && limits.CpuSeconds <= defaults.CpuSeconds && limits.MemoryBytes <= defaults.MemoryBytes
            && limits.FileSizeBytes <= defaults.FileSizeBytes && limits.MaxProcesses <= defaults.MaxProcesses
            && limits.TotalMemoryBytes <= defaults.TotalMemoryBytes
            && invocation.Environment.Keys.All(ShellName().IsMatch);
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial System.Text.RegularExpressions.Regex ShellName();

    /// <summary>
    /// A sandbox for this run, or null (start it cold). A ready one if there is one; otherwise the one
    /// that started first, waited for, since it is closer to ready than a sandbox not yet begun. Its
    /// replacement starts at once.
    /// </summary>
    internal async Task<StartedSandbox?> TakeAsync(ToolInvocation invocation, CancellationToken cancellation)
    {
        if (!Fits(invocation)) return null;
        List<StartedSandbox> dead;
        StartedSandbox? taken;
        lock (_gate)
        {
            if (_disposed) return null;
            // A sandbox that died on the way up is dropped and replaced; a run never gets one.
            dead = _members.FindAll(m => m.Ready.IsCompleted && !m.Ready.Result);
            taken = _members.Find(m => m.Ready.IsCompleted && m.Ready.Result) ?? _members.Find(m => !m.Ready.IsCompleted);
            _members.RemoveAll(m => dead.Contains(m) || m == taken);
            TopUp();
        }
        foreach (var member in dead) member.Dispose();
        if (taken is null) return null;
        try
        {
            if (!await taken.Ready.WaitAsync(cancellation).ConfigureAwait(false))
            {
                taken.Dispose();
                return null;
            }
        }
        catch
        {
            taken.Dispose();
            throw;
        }
        lock (_gate) Served++;
        return taken;
    }

    /// <summary>Fills the pool and waits until every member is up (for tests and benchmarks: a run taken then is served warm).</summary>
    public async Task WhenWarmAsync()
    {
        Task[] waits;
        lock (_gate)
        {
            if (!_disposed) TopUp();
            waits = [.. _members.Select(m => m.Ready)];
        }
        await Task.WhenAll(waits).ConfigureAwait(false);
    }

    private void TopUp()
    {
        while (_members.Count < Size) _members.Add(StartedSandbox.Start(_sandbox, ResourceLimits.Default, [], _home));
    }

    /// <summary>Kills the sandboxes that are still waiting (their folders go with them).</summary>
    public void Dispose()
    {
        List<StartedSandbox> members;
        lock (_gate)
        {
            _disposed = true;
            members = [.. _members];
            _members.Clear();
        }
        foreach (var member in members) member.Dispose();
    }
}
