using HwForge.Tools.Foundation.Execution;

namespace HwForge.Tools.Foundation.Sandbox;

/// <summary>What bounds a run's processes taken together.</summary>
public enum LimitMechanism
{
    /// <summary>A cgroup v2 of its own per run (memory.max, pids.max), in a delegated subtree.</summary>
    CgroupV2,

    /// <summary>A cgroup of its own per run in the cgroup v1 memory hierarchy (and the pids one, when writable).</summary>
    CgroupV1,

    /// <summary>No writable cgroup: rlimits alone, tightened so that processes × address space is itself the bound.</summary>
    RlimitsOnly,
}

/// <summary>The per-process kernel limits a run's chain sets with <c>prlimit</c>.</summary>
internal readonly record struct KernelLimits(int CpuSeconds, long AddressSpaceBytes, long FileSizeBytes, int Processes);

/// <summary>
/// Bounds what all of a run's processes use together. Per-process rlimits alone let 256 processes
/// take 4 GiB of address space each; a cgroup caps the sum. Chosen once per HwForge process: a
/// delegated, writable cgroup v2 subtree, else a writable cgroup v1 memory hierarchy, else rlimits.
/// </summary>
/// <remarks>
/// Fails closed: once a cgroup mechanism is chosen, a run whose cgroup cannot be made or limited
/// is refused (<see cref="SandboxUnavailableException"/>), never run on rlimits alone.
/// </remarks>
public sealed class ResourceControl
{
    /// <summary>Set to <c>rlimits</c> to bound runs with rlimits alone even where a cgroup could be had (to test the fallback).</summary>
    public const string Variable = "HWFORGE_SANDBOX_LIMITS";

    /// <summary>Without a cgroup: at most this many processes (threads count) per run...</summary>
    public const int FallbackProcesses = 32;

    /// <summary>...each with at most this much address space, so a run holds at most 32 GiB in all.</summary>
    public const long FallbackAddressSpaceBytes = 1L << 30;

    private static readonly Lazy<ResourceControl> Machine = new(Detect);
    private static int _instances;

    private readonly CgroupLayout? _layout;
    private readonly Lock _spareGate = new();
    private RunCgroup? _spare;
    private Task _refill = Task.CompletedTask;

    /// <summary>In the names of this instance's cgroups: hwforge-PID-TAG-N.</summary>
    internal string Tag { get; } = $"c{Interlocked.Increment(ref _instances)}";

    private ResourceControl(LimitMechanism mechanism, CgroupLayout? layout, string detail)
    {
        Mechanism = mechanism;
        _layout = layout;
        Detail = detail;
    }

    public LimitMechanism Mechanism { get; }

    /// <summary>Where run cgroups are made, or null under rlimits alone.</summary>
    internal CgroupLayout? Layout => _layout;

    /// <summary>Where the cgroups go, or why there are none.</summary>
    public string Detail { get; }

    /// <summary>Rlimits only, whatever the machine offers.</summary>
    public static ResourceControl RlimitsOnly { get; } = new(LimitMechanism.RlimitsOnly, null, $"rlimits only ({Variable}=rlimits)");

    /// <summary>Cgroups under <paramref name="layout"/>, found or not (for tests of what happens when they cannot be made).</summary>
    internal static ResourceControl For(CgroupLayout layout) => new(layout.Mechanism, layout, $"under {layout.MemoryParent}");

    /// <summary>What this machine offers (found once).</summary>
    public static ResourceControl ForThisMachine() => Machine.Value;

    /// <summary>The per-process limits: as asked where a cgroup bounds the sum, tightened where rlimits must bound it alone.</summary>
    internal KernelLimits Kernel(ResourceLimits limits) => Mechanism == LimitMechanism.RlimitsOnly
        ? new(limits.CpuSeconds, Math.Min(limits.MemoryBytes, FallbackAddressSpaceBytes), limits.FileSizeBytes, Math.Min(limits.MaxProcesses, FallbackProcesses))
        : new(limits.CpuSeconds, limits.MemoryBytes, limits.FileSizeBytes, limits.MaxProcesses);

    /// <summary>The most memory all of a run's processes can hold together under <paramref name="limits"/>.</summary>
    public long TotalMemoryBound(ResourceLimits limits)
    {
        if (Mechanism != LimitMechanism.RlimitsOnly) return limits.TotalMemoryBytes;
        var kernel = Kernel(limits);
        return kernel.Processes * kernel.AddressSpaceBytes;
    }

    /// <summary>One line for <c>hwforge sandbox check</c>: the mechanism and the bound it sets under <paramref name="limits"/>.</summary>
    public string Describe(ResourceLimits limits)
    {
        var kernel = Kernel(limits);
        return Mechanism switch
        {
            LimitMechanism.CgroupV2 => $"cgroup v2 ({Detail}): {limits.TotalMemoryBytes >> 20} MiB of memory and {limits.MaxProcesses} processes per run, all its processes together",
            LimitMechanism.CgroupV1 => $"cgroup v1 ({Detail}): {limits.TotalMemoryBytes >> 20} MiB of memory per run, all its processes together, and at most {limits.MaxProcesses} processes",
            _ => $"{Detail}: at most {kernel.Processes} processes × {kernel.AddressSpaceBytes >> 20} MiB of address space = {TotalMemoryBound(limits) >> 20} MiB per run",
        };
    }

    /// <summary>
    /// A cgroup for one run, already limited, or null under rlimits only. Making a memory cgroup takes
    /// milliseconds, so one is kept made ahead and the next is made in the background; a run that finds
    /// none makes its own (and is refused if that fails).
    /// </summary>
    internal RunCgroup? CreateCgroup(ResourceLimits limits)
    {
        if (_layout is null) return null;
        RunCgroup? spare;
        lock (_spareGate)
        {
            (spare, _spare) = (_spare, null);
            if (_refill.IsCompleted) _refill = Task.Run(MakeSpare);
        }
        if (spare is null) return RunCgroup.Create(_layout, limits, Tag);
        try
        {
            spare.Apply(limits);
            return spare;
        }
        catch
        {
            spare.Dispose();
            throw;
        }
    }

    private void MakeSpare()
    {
        try
        {
            var made = RunCgroup.Create(_layout!, ResourceLimits.Default, Tag);
            lock (_spareGate)
            {
                if (_spare is null)
                {
                    _spare = made;
                    return;
                }
            }
            made.Dispose();
        }
        catch (SandboxUnavailableException) { } // the next run makes its own, and is refused if it cannot
    }

    /// <summary>Removes the cgroup kept ahead (when HwForge is done with sandboxes).</summary>
    internal void ReleaseSpare()
    {
        Task refill;
        lock (_spareGate) refill = _refill;
        refill.Wait(TimeSpan.FromSeconds(2));
        lock (_spareGate)
        {
            _spare?.Dispose();
            _spare = null;
        }
    }

    private static ResourceControl Detect()
    {
        if (Environment.GetEnvironmentVariable(Variable) == "rlimits") return RlimitsOnly;
        var (layout, detail) = CgroupDiscovery.Find();
        return layout is null
            ? new ResourceControl(LimitMechanism.RlimitsOnly, null, $"rlimits only, no writable cgroup ({detail})")
            : new ResourceControl(layout.Mechanism, layout, detail);
    }
}
