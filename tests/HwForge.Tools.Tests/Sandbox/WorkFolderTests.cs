using HwForge.Tools.Foundation.Execution;

namespace HwForge.Tools.Tests.Sandbox;

/// <summary>
/// A run's /work lives in the sandbox's memory, capped; a caller's folder is copied in and the run's
/// changes copied back without HwForge ever following a link or opening a host folder to the run.
/// </summary>
public sealed class WorkFolderTests : IDisposable
{
    private readonly TestHost _test = new(useCache: false);

    private static ToolInvocation Shell(string script, string? folder = null, ResourceLimits? limits = null) =>
        new ToolInvocation("sh", ["-c", script]) { WorkingDirectory = folder, Limits = limits ?? ResourceLimits.Default.WithTimeout(TimeSpan.FromSeconds(30)) };

    [Fact]
    public async Task A_link_left_in_my_folder_by_an_earlier_run_never_changes_the_host_folder_it_points_at()
    {
        var hostFolder = _test.NewFolder();
        Directory.CreateDirectory(Path.Combine(hostFolder, "a", "b"));
        File.SetUnixFileMode(hostFolder, (UnixFileMode)0x1E8); // 0750
        File.SetUnixFileMode(Path.Combine(hostFolder, "a"), (UnixFileMode)0x1C0); // 0700
        var mine = _test.NewFolder();
        Directory.CreateDirectory(Path.Combine(mine, "keep", "deep"));
        File.SetUnixFileMode(Path.Combine(mine, "keep"), (UnixFileMode)0x1ED); // 0755
        File.SetUnixFileMode(Path.Combine(mine, "keep", "deep"), (UnixFileMode)0x1C0); // 0700

        // The first run leaves links to the host folder; the second tries to open them up.
        var first = await _test.Host.RunInAsync(Shell($"ln -s '{hostFolder}' link; ln -s / keep/root", mine));
        Assert.True(first.Succeeded, first.StandardError);
        Assert.Equal(hostFolder, new FileInfo(Path.Combine(mine, "link")).LinkTarget);
        var before = Modes(hostFolder, mine);
        var second = await _test.Host.RunInAsync(Shell("chmod -R 777 link/ keep/root/ . 2>/dev/null; echo x > link/planted; true", mine));

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(before, Modes(hostFolder, mine));
        Assert.False(File.Exists(Path.Combine(hostFolder, "planted")));
        Assert.Equal((UnixFileMode)0x1C0, File.GetUnixFileMode(Path.Combine(mine, "keep", "deep")));
    }

    [Fact]
    public async Task My_folders_files_are_in_work_and_what_the_run_made_or_changed_comes_back()
    {
        var mine = _test.NewFolder();
        File.WriteAllText(Path.Combine(mine, "in.txt"), "input\n");
        File.WriteAllText(Path.Combine(mine, "untouched.txt"), "same\n");
        var untouchedTime = File.GetLastWriteTimeUtc(Path.Combine(mine, "untouched.txt"));
        Directory.CreateDirectory(Path.Combine(mine, "src"));
        File.WriteAllText(Path.Combine(mine, "src", "a.v"), "module a; endmodule\n");

        var run = await _test.Host.RunInAsync(Shell(
            "cat in.txt src/a.v; echo changed >> in.txt; mkdir -p out/deep && echo made > out/deep/new.txt; chmod 777 out; ln -s in.txt alias; rm src/a.v", mine));

        Assert.Equal("input\nmodule a; endmodule\n", run.StandardOutput);
        Assert.Equal("input\nchanged\n", File.ReadAllText(Path.Combine(mine, "in.txt")));
        Assert.Equal("made\n", File.ReadAllText(Path.Combine(mine, "out", "deep", "new.txt")));
        Assert.Equal("in.txt", new FileInfo(Path.Combine(mine, "alias")).LinkTarget);
        // Nothing HwForge writes into my folder is left world-writable, even when the run asked for it.
        Assert.Equal((UnixFileMode)0x1ED, File.GetUnixFileMode(Path.Combine(mine, "out")));
        Assert.Equal(untouchedTime, File.GetLastWriteTimeUtc(Path.Combine(mine, "untouched.txt")));
        Assert.True(File.Exists(Path.Combine(mine, "src", "a.v")), "what the run deleted stays on the host");
    }

    [Fact]
    public async Task Many_files_past_the_cap_stop_the_run_as_a_disk_space_limit_and_the_host_disk_is_untouched()
    {
        var limits = ResourceLimits.Default with { WorkBytes = 8L << 20, WallClock = TimeSpan.FromSeconds(30) };
        var step = new ToolStep("sh", "test", Shell("i=0; while head -c 262144 /dev/zero > f$i; do i=$((i+1)); done; echo $i", limits: limits))
        {
            Cacheable = false,
            Outputs = ["f0"],
        };
        var result = await _test.Host.RunAsync(step);

        Assert.Equal(LimitHit.DiskSpace, result.Run.Limit);
        Assert.InRange(int.Parse(result.Run.StandardOutput.Trim()), 28, 32);
        Assert.Equal(262144, result.Outputs["f0"].Length);
        Assert.Contains("filled its disk space", result.Run.Describe(limits));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_test.Home.Work));
    }

    [Fact]
    public async Task Inputs_larger_than_the_cap_are_refused_as_a_disk_space_limit_before_anything_runs()
    {
        var limits = ResourceLimits.Default with { WorkBytes = 1L << 20 };
        var step = new ToolStep("sh", "test", Shell("echo RAN", limits: limits))
        {
            Cacheable = false,
            Inputs = [new InputFile("big.bin", new byte[2 << 20])],
        };
        var run = (await _test.Host.RunAsync(step)).Run;
        Assert.Equal(LimitHit.DiskSpace, run.Limit);
        Assert.DoesNotContain("RAN", run.StandardOutput);
        Assert.Contains("do not fit", run.StandardError);
    }

    [Fact]
    public async Task Outputs_of_a_run_killed_at_its_timeout_are_still_there_to_read()
    {
        var limits = ResourceLimits.Default.WithTimeout(TimeSpan.FromSeconds(1));
        var step = new ToolStep("sh", "test", Shell("echo partial > log.txt; sleep 60", limits: limits)) { Cacheable = false, Outputs = ["log.txt"] };
        var result = await _test.Host.RunAsync(step);
        Assert.True(result.Run.TimedOut);
        Assert.Equal("partial\n", result.OutputText("log.txt"));
    }

    [Fact]
    public async Task A_fifo_or_a_link_under_an_outputs_name_is_not_read()
    {
        var secret = _test.WriteFile("secret.txt", "HOST-ONLY");
        var step = new ToolStep("sh", "test", Shell($"mkfifo out.txt; ln -s '{secret}' other.txt; mkdir d; ln -s /etc d/etc"))
        {
            Cacheable = false,
            Outputs = ["out.txt", "other.txt", "d/etc/hostname"],
        };
        var read = Task.Run(() => _test.Host.RunAsync(step));
        Assert.Same(read, await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(20))));
        Assert.Empty((await read).Outputs);
    }

    /// <summary>The mode of every folder under each root, not going through links.</summary>
    private static Dictionary<string, UnixFileMode> Modes(params string[] roots)
    {
        var modes = new Dictionary<string, UnixFileMode>();
        foreach (var root in roots)
        {
            modes[root] = File.GetUnixFileMode(root);
            foreach (var folder in new DirectoryInfo(root).EnumerateDirectories())
                if (folder.LinkTarget is null)
                    foreach (var (path, mode) in Modes(folder.FullName)) modes[path] = mode;
        }
        return modes;
    }

    public void Dispose() => _test.Dispose();
}
