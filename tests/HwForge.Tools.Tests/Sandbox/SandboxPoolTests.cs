using HwForge.Tools.Foundation;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sandbox;

namespace HwForge.Tools.Tests.Sandbox;

/// <summary>
/// Runs served by sandboxes started ahead of need must be contained exactly like cold ones: one
/// sandbox per run, nothing shared between runs, and nothing left behind.
/// </summary>
public sealed class SandboxPoolTests : IDisposable
{
    private readonly TestHost _test = new(useCache: false, poolSize: 2);
    private readonly List<ToolRunSpan> _runs = [];

    public SandboxPoolTests() => _test.Host.RunFinished += span => { lock (_runs) _runs.Add(span); };

    private SandboxPool Pool => _test.Host.Pool!;

    /// <summary>Runs a shell script once the pool is up, and checks that a warm sandbox served it.</summary>
    private async Task<StepResult> RunWarmAsync(string script, IReadOnlyList<InputFile>? inputs = null, IReadOnlyList<string>? outputs = null,
        CancellationToken cancellation = default, ToolInvocation? invocation = null)
    {
        await Pool.WhenWarmAsync();
        var before = Pool.Served;
        var step = new ToolStep("sh", "test", invocation ?? new ToolInvocation("sh", ["-c", script]))
        {
            Inputs = inputs ?? [],
            Outputs = outputs ?? [],
            Cacheable = false,
        };
        var result = await _test.Host.RunAsync(step, cancellation);
        Assert.Equal(before + 1, Pool.Served);
        return result;
    }

    [Fact]
    public async Task A_run_is_served_by_a_warm_sandbox_and_the_pool_refills()
    {
        var result = await RunWarmAsync("cat in.txt; pwd", inputs: [InputFile.FromText("in.txt", "staged\n")]);
        Assert.Equal("staged\n/work\n", result.Run.StandardOutput);
        Assert.True(Assert.Single(_runs).Warm);

        await Pool.WhenWarmAsync();
        Assert.Equal(Pool.Size, SandboxesWaiting());
    }

    [Fact]
    public async Task A_warm_run_sees_no_earlier_runs_files_and_cannot_reach_another_runs_folder()
    {
        await RunWarmAsync("echo first-secret > left.txt; echo first-secret > /tmp/left.txt");
        // A second run, while the pool's other sandbox waits with its own folder mounted.
        var second = await RunWarmAsync($"ls -A /work /tmp; cat /work/left.txt /tmp/left.txt {_test.Home.Root}/*/*/left.txt; ls {_test.Home.Root}");
        Assert.Equal("/tmp:\n\n/work:\n", second.Run.StandardOutput);
        Assert.Equal(4, second.Run.StandardError.Split('\n').Count(l => l.Contains("No such file")));
    }

    [Fact]
    public async Task Each_warm_run_gets_its_own_unused_user_id()
    {
        if (!Environment.IsPrivilegedProcess) return; // an ordinary user's runs each get a fresh user namespace instead
        var ids = new List<int>();
        for (var i = 0; i < 3; i++) ids.Add(int.Parse((await RunWarmAsync("id -u")).Run.StandardOutput));
        Assert.Equal(3, ids.Distinct().Count());
        Assert.All(ids, id => Assert.InRange(id, BubblewrapSandbox.RunUidBase, BubblewrapSandbox.RunUidBase + BubblewrapSandbox.RunUidCount));
    }

    [Fact]
    public async Task A_warm_run_gets_its_arguments_input_and_environment_exactly_as_a_cold_one()
    {
        Environment.SetEnvironmentVariable("HWFORGE_POOL_TEST_TOKEN", "sk-pool-secret");
        var odd = "it's \"quoted\"\nover two lines; $HOME `id` \\";
        var invocation = new ToolInvocation("sh", ["-c", "printf '%s|' \"$1\"; cat; echo; env | sort", "sh", odd])
            .WithEnvironment("HWFORGE_DESIGN", "counter8")
            .WithEnvironment("OPENAI_API_KEY", "sk-named-but-secret") with { StandardInput = "piped input" };
        var warm = await RunWarmAsync("", invocation: invocation);

        using var cold = new TestHost(useCache: false, poolSize: 0);
        var coldRun = (await cold.Host.RunAsync(new ToolStep("sh", "test", invocation) { Cacheable = false })).Run;
        Assert.Equal(coldRun.StandardOutput, warm.Run.StandardOutput);
        Assert.StartsWith(odd + "|piped input\n", warm.Run.StandardOutput);
        Assert.Contains("HWFORGE_DESIGN=counter8", warm.Run.StandardOutput);
        Assert.DoesNotContain("sk-", warm.Run.StandardOutput);
    }

    [Fact]
    public async Task Runs_arriving_faster_than_the_pool_refills_each_get_a_sandbox_of_their_own()
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => _test.Host.RunAsync(
            new ToolStep("sh", "test", new ToolInvocation("sh", ["-c", $"ls -A; echo {i} > mine.txt; id -u"]))
            {
                Cacheable = false,
                Inputs = [InputFile.FromText($"input-{i}.txt", "x")],
            })));
        for (var i = 0; i < runs.Length; i++)
            Assert.StartsWith($"input-{i}.txt\n", runs[i].Run.StandardOutput);
        if (Environment.IsPrivilegedProcess)
            Assert.Equal(runs.Length, runs.Select(r => r.Run.StandardOutput.Split('\n')[1]).Distinct().Count());
        Assert.Equal(runs.Length, _runs.Count);
    }

    [Fact]
    public async Task Cancelling_a_warm_run_kills_it_and_everything_it_started()
    {
        var marker = $"hwforge-pool-cancel-{Guid.NewGuid():N}";
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunWarmAsync($"sleep 60 & sleep 60; echo {marker}", cancellation: cancel.Token));
        await Task.Delay(200);
        Assert.Equal(0, ProcessesMentioning(marker));
    }

    [Fact]
    public async Task A_run_that_needs_a_read_only_path_starts_cold()
    {
        // In the host's /tmp itself, which the sandbox's user may read (the test's own folder is private to root).
        var file = Path.Combine(Path.GetTempPath(), $"hwforge-pool-lib-{Guid.NewGuid():N}.txt");
        File.WriteAllText(file, "read-only input");
        await Pool.WhenWarmAsync();
        try
        {
            var step = new ToolStep("cat", "test", new ToolInvocation("cat", [file]) { ReadOnlyPaths = [file] }) { Cacheable = false };
            var run = (await _test.Host.RunAsync(step)).Run;
            Assert.Equal("read-only input", run.StandardOutput);
        }
        finally { File.Delete(file); }
        Assert.False(Assert.Single(_runs).Warm);
        Assert.Equal(0, Pool.Served);
    }

    [Fact]
    public async Task A_run_given_a_gpus_nodes_starts_cold_and_an_absent_node_is_simply_not_there()
    {
        await Pool.WhenWarmAsync();
        var step = new ToolStep("sh", "test", new ToolInvocation("sh", ["-c", "ls /dev"]) { Devices = ["/dev/nvidia-hwforge-test0"] }) { Cacheable = false };

        var run = (await _test.Host.RunAsync(step)).Run;

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("nvidia", run.StandardOutput);
        Assert.False(Assert.Single(_runs).Warm);
        Assert.Equal(0, Pool.Served);
    }

    [Theory]
    [InlineData("/dev/sda")]
    [InlineData("/dev/nvidia0/../sda")]
    [InlineData("/dev")]
    [InlineData("/home/nvidia0")]
    public async Task A_device_that_is_not_a_gpus_node_is_refused_and_nothing_runs(string device)
    {
        var step = new ToolStep("sh", "test", new ToolInvocation("sh", ["-c", $"echo ran; ls {device}"]) { Devices = [device] }) { Cacheable = false };

        var refused = await Record.ExceptionAsync(async () =>
        {
            var run = (await _test.Host.RunAsync(step)).Run;
            Assert.DoesNotContain("ran", run.StandardOutput);
        });

        // Refused as an exception, or as a run that never started; either way the command did not run.
        Assert.True(refused is null or ArgumentException or AggregateException, refused?.ToString());
    }

    /// <summary>A warm sandbox already runs under the default limits, and a process can lower its limits but never raise them.</summary>
    [Fact]
    public async Task A_run_that_wants_looser_limits_than_the_default_starts_cold()
    {
        await Pool.WhenWarmAsync();
        var limits = ResourceLimits.Default with { CpuSeconds = 2 * ResourceLimits.Default.CpuSeconds };
        var run = (await _test.Host.RunAsync(new ToolStep("sh", "test", new ToolInvocation("sh", ["-c", "ulimit -t"]).WithLimits(limits)) { Cacheable = false })).Run;
        Assert.Equal($"{limits.CpuSeconds}\n", run.StandardOutput);
        Assert.False(Assert.Single(_runs).Warm);
    }

    [Fact]
    public async Task A_warm_run_gets_its_own_tighter_limits()
    {
        var limits = ResourceLimits.Default with { CpuSeconds = 7, MaxProcesses = 21, FileSizeBytes = 1L << 20, MemoryBytes = 300L << 20 };
        var run = await RunWarmAsync("", invocation: new ToolInvocation("sh", ["-c", "ulimit -t; ulimit -p; ulimit -f; ulimit -v"]).WithLimits(limits));
        Assert.Equal("7\n21\n2048\n307200\n", run.Run.StandardOutput);
        // The defaults as this machine applies them: under rlimits alone, fewer processes than asked.
        var kernel = ResourceControl.ForThisMachine().Kernel(ResourceLimits.Default);
        var defaults = await RunWarmAsync("ulimit -t; ulimit -p; ulimit -v");
        Assert.Equal($"{kernel.CpuSeconds}\n{kernel.Processes}\n{kernel.AddressSpaceBytes >> 10}\n", defaults.Run.StandardOutput);
    }

    [Fact]
    public async Task Every_containment_check_holds_in_warm_sandboxes()
    {
        await Pool.WhenWarmAsync();
        await foreach (var check in new SandboxSelfTest(_test.Host).RunAllAsync())
        {
            Assert.True(check.Held, $"{check.Name}: {check.Detail}");
            await Pool.WhenWarmAsync();
        }
        // The symlink check runs with a caller's folder (as sandbox exec does), which is never served warm,
        // and the disk check asks for a /work of its own size; every other check ran warm. (The memory check's
        // run is stopped once measured, so it ends without a span: the pool's count shows it was served.)
        Assert.Equal(SandboxSelfTest.CheckNames.Length - 2, Pool.Served);
        Assert.Equal(SandboxSelfTest.CheckNames.Length - 2, _runs.Count);
        Assert.All(_runs.Where(r => r.Tool != SandboxSelfTest.ColdCheckTool), run => Assert.True(run.Warm, $"{run.Tool} started cold"));
    }

    [Fact]
    public async Task Disposing_the_host_leaves_no_sandbox_process_or_folder_behind()
    {
        using var test = new TestHost(useCache: false, poolSize: 3);
        await test.Host.Pool!.WhenWarmAsync();
        await test.Host.RunAsync(new ToolStep("true", "test", new ToolInvocation("true", [])) { Cacheable = false });
        await test.Host.Pool.WhenWarmAsync(); // the run's replacement, started in the background
        Assert.Equal(3, ProcessesMentioning(Label(test.Home), sandboxesOnly: true));

        test.Host.Dispose();
        Assert.Equal(0, ProcessesMentioning(Label(test.Home)));
    }

    /// <summary>Sandboxes of this test's pool still waiting: each names its HwForge home on its command line.</summary>
    private int SandboxesWaiting() => ProcessesMentioning(Label(_test.Home), sandboxesOnly: true);

    private static string Label(HwForgeHome home) => $"hwforge-home={home.Root}";

    /// <param name="sandboxesOnly">Count each sandbox once: its outer bubblewrap, not the namespace's init.</param>
    private static int ProcessesMentioning(string text, bool sandboxesOnly = false)
    {
        var count = 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (!int.TryParse(Path.GetFileName(folder), out _)) continue;
                var words = File.ReadAllText(Path.Combine(folder, "cmdline")).Split('\0');
                if (!words.Any(w => w.Contains(text))) continue;
                var nested = File.ReadAllLines(Path.Combine(folder, "status")).First(l => l.StartsWith("NSpid:")).Split('\t').Length > 2;
                if (!sandboxesOnly || (Path.GetFileName(words[0]) == "bwrap" && !nested)) count++;
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return count;
    }

    public void Dispose() => _test.Dispose();
}
