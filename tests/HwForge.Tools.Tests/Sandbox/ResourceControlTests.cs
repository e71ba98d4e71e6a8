using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sandbox;

namespace HwForge.Tools.Tests.Sandbox;

/// <summary>
/// What bounds a run's processes together (a cgroup, or rlimits alone), fork bombs ending at their
/// timeout, and no user namespaces inside: each with real bubblewrap and real processes.
/// </summary>
public sealed class ResourceControlTests : IDisposable
{
    private readonly TestHost _test = new(useCache: false);

    private static ToolStep Step(string script, ResourceLimits limits) =>
        new("sh", "test", new ToolInvocation("sh", ["-c", script]).WithLimits(limits)) { Cacheable = false };

    /// <summary>Each child takes 32 MiB and holds it a second; together they want far more than the run may hold.</summary>
    private static string Grab(int processes) =>
        $"perl -e 'for (1..{processes}) {{ my $p = fork; next unless defined $p; if ($p == 0) {{ my $s = \"x\" x (32 << 20); sleep 1; exit }} }} " +
        "1 while wait != -1'";

    [NeedsMechanismFact(LimitMechanism.CgroupV1)]
    public Task With_cgroup_v1_a_run_over_its_memory_in_all_is_stopped_as_a_memory_limit_and_its_cgroup_removed() =>
        RunOverTotalMemoryAsync();

    [NeedsMechanismFact(LimitMechanism.CgroupV2)]
    public Task With_cgroup_v2_a_run_over_its_memory_in_all_is_stopped_as_a_memory_limit_and_its_cgroup_removed() =>
        RunOverTotalMemoryAsync();

    private async Task RunOverTotalMemoryAsync()
    {
        // A control of its own, so that its cgroups (the run's and the one made ahead) are told from other tests'.
        var control = ResourceControl.For(ResourceControl.ForThisMachine().Layout!);
        var limits = ResourceLimits.Default with { TotalMemoryBytes = 96L << 20, WallClock = TimeSpan.FromSeconds(20) };
        using (var host = new ToolHost(new BubblewrapSandbox(Environment.IsPrivilegedProcess, control), _test.Home, null))
        {
            var run = (await host.RunAsync(Step(Grab(16) + "; exit 1", limits))).Run;
            Assert.Equal(LimitHit.Memory, run.Limit);
            Assert.Contains("96 MiB for all its processes", run.Describe(limits));
            Assert.NotEmpty(CgroupsOf(control));
        }
        Assert.Empty(CgroupsOf(control));
    }

    [Fact]
    public async Task Under_rlimits_alone_fewer_processes_with_less_address_space_bound_the_total()
    {
        using var test = new TestHost(useCache: false);
        using var host = new ToolHost(new BubblewrapSandbox(Environment.IsPrivilegedProcess, ResourceControl.RlimitsOnly), test.Home, null);
        var run = (await host.RunAsync(Step("ulimit -v; ulimit -p", ResourceLimits.Default))).Run;
        Assert.Equal($"{ResourceControl.FallbackAddressSpaceBytes >> 10}\n{ResourceControl.FallbackProcesses}\n", run.StandardOutput);
        Assert.Equal(ResourceControl.FallbackProcesses * ResourceControl.FallbackAddressSpaceBytes, ResourceControl.RlimitsOnly.TotalMemoryBound(ResourceLimits.Default));

        var check = await new SandboxSelfTest(host).MemoryAcrossProcessesAsync();
        Assert.True(check.Held, check.Detail);
    }

    [Fact]
    public async Task A_run_whose_cgroup_cannot_be_made_is_refused_not_run_unlimited()
    {
        var marker = Path.Combine(_test.NewFolder(), "ran");
        var unwritable = ResourceControl.For(new CgroupLayout(LimitMechanism.CgroupV2, "/proc/hwforge-no-such-cgroup", "/proc/hwforge-no-such-cgroup"));
        using var host = new ToolHost(new BubblewrapSandbox(Environment.IsPrivilegedProcess, unwritable), _test.Home, null);
        var refused = await Assert.ThrowsAsync<SandboxUnavailableException>(() => host.RunAsync(Step($"touch '{marker}'", ResourceLimits.Default)));
        Assert.Contains("not run", refused.Problem);
        Assert.Contains(ResourceControl.Variable, refused.Fix);
        Assert.False(File.Exists(marker));

        var status = await SandboxProbe.ProbeAsync(new BubblewrapSandbox(Environment.IsPrivilegedProcess, unwritable), _test.Home);
        Assert.False(status.Works);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task A_fork_bomb_under_the_default_limits_ends_at_its_timeout_with_its_whole_tree_killed(int poolSize)
    {
        using var test = new TestHost(useCache: false, poolSize: poolSize);
        if (test.Host.Pool is { } pool) await pool.WhenWarmAsync();
        var marker = $"hwforge-bomb-{Guid.NewGuid():N}";
        var limits = ResourceLimits.Default.WithTimeout(TimeSpan.FromSeconds(3));
        var run = (await test.Host.RunAsync(new ToolStep("sh", "test",
            new ToolInvocation("sh", ["-c", "b() { b | b & }; b; sleep 60", marker]).WithLimits(limits)) { Cacheable = false })).Run;

        Assert.Equal(LimitHit.WallClock, run.Limit);
        Assert.InRange(run.Duration, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(6));
        await Task.Delay(200);
        Assert.Equal(0, ProcessesMentioning(marker));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task A_run_cannot_make_a_nested_user_namespace_cold_or_warm(int poolSize)
    {
        using var test = new TestHost(useCache: false, poolSize: poolSize);
        if (test.Host.Pool is { } pool) await pool.WhenWarmAsync();
        var run = (await test.Host.RunAsync(Step("unshare -U id -u; echo rc=$?", ResourceLimits.Default))).Run;
        Assert.Equal("rc=1\n", run.StandardOutput);
        Assert.Contains("unshare failed", run.StandardError);
    }

    [Fact]
    public void Sandbox_check_states_the_mechanism_in_force()
    {
        var control = ResourceControl.ForThisMachine();
        var line = control.Describe(ResourceLimits.Default);
        Assert.Contains(control.Mechanism == LimitMechanism.RlimitsOnly ? "rlimits" : "cgroup", line);
        Assert.Contains($"{control.TotalMemoryBound(ResourceLimits.Default) >> 20} MiB", line);
    }

    /// <summary>The cgroups <paramref name="control"/> has made that still exist.</summary>
    private static List<string> CgroupsOf(ResourceControl control)
    {
        var layout = control.Layout!;
        return [.. new[] { layout.MemoryParent, layout.PidsParent }.OfType<string>().Distinct()
            .SelectMany(parent => Directory.EnumerateDirectories(parent, $"hwforge-{Environment.ProcessId}-{control.Tag}-*"))];
    }

    private static int ProcessesMentioning(string marker)
    {
        var count = 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (int.TryParse(Path.GetFileName(folder), out _) && File.ReadAllText(Path.Combine(folder, "cmdline")).Contains(marker)) count++;
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return count;
    }

    public void Dispose() => _test.Dispose();
}
