using System.Text.Json;

namespace HwForge.Cli.Tests;

public sealed class SandboxCommandTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    [Fact]
    public async Task Exec_returns_the_commands_own_exit_code_and_output()
    {
        var run = await _hwforge.RunAsync("sandbox", "exec", "--", "sh", "-c", "echo hello; echo oops >&2; exit 7");
        Assert.Equal(7, run.ExitCode);
        Assert.Equal("hello\n", run.Output);
        Assert.Contains("oops", run.Error);
    }

    [Fact]
    public async Task Exec_returns_124_on_timeout_and_says_so()
    {
        var run = await _hwforge.RunAsync("sandbox", "exec", "--timeout", "1", "--", "sleep", "60");
        Assert.Equal(124, run.ExitCode);
        Assert.Contains("timed out", run.Error);
    }

    [Fact]
    public async Task Exec_names_the_limit_that_stopped_a_command()
    {
        var run = await _hwforge.RunAsync("sandbox", "exec", "--", "yes");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("printed over", run.Error);
    }

    [Fact]
    public async Task Exec_with_a_workdir_writes_only_there()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_hwforge.Home, "mywork")).FullName;
        var run = await _hwforge.RunAsync("sandbox", "exec", "--workdir", folder, "--", "sh", "-c", "echo made > made.txt; pwd");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("/work\n", run.Output);
        Assert.Equal("made\n", File.ReadAllText(Path.Combine(folder, "made.txt")));
    }

    /// <summary>
    /// The attack as reported: a root hwforge's earlier run leaves a link to a host folder in the workdir,
    /// and the next run would open that folder (and every folder under it) to the run's user.
    /// </summary>
    [Fact]
    public async Task Exec_with_a_workdir_holding_a_link_to_a_host_folder_leaves_that_folder_and_every_subfolder_as_they_were()
    {
        var host = Directory.CreateDirectory(Path.Combine(_hwforge.Home, "host-only", "inner", "deeper")).Parent!.Parent!.FullName;
        File.SetUnixFileMode(host, (UnixFileMode)0x1E8); // 0750
        File.SetUnixFileMode(Path.Combine(host, "inner"), (UnixFileMode)0x1C0); // 0700
        var folder = Directory.CreateDirectory(Path.Combine(_hwforge.Home, "mywork", "sub")).Parent!.FullName;
        File.SetUnixFileMode(Path.Combine(folder, "sub"), (UnixFileMode)0x1C0);
        var before = Modes(host, folder);

        var first = await _hwforge.RunAsync("sandbox", "exec", "--workdir", folder, "--", "ln", "-s", host, "link");
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(host, new FileInfo(Path.Combine(folder, "link")).LinkTarget);
        var second = await _hwforge.RunAsync("sandbox", "exec", "--workdir", folder, "--", "sh", "-c", "chmod -R 777 link/ sub . 2>/dev/null; echo ran");

        Assert.Equal(0, second.ExitCode);
        Assert.Equal("ran\n", second.Output);
        Assert.Equal(before, Modes(host, folder));
        Assert.DoesNotContain(Modes(host, folder).Values, m => m == (UnixFileMode)0x1FF);
    }

    [Fact]
    public async Task Exec_with_a_workdir_finds_its_files_in_work_and_brings_back_what_it_made()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_hwforge.Home, "project")).FullName;
        File.WriteAllText(Path.Combine(folder, "in.txt"), "from the host\n");
        var run = await _hwforge.RunAsync("sandbox", "exec", "--workdir", folder, "--", "sh", "-c", "cat in.txt; mkdir -p out && cp in.txt out/copy.txt");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("from the host\n", run.Output);
        Assert.Equal("from the host\n", File.ReadAllText(Path.Combine(folder, "out", "copy.txt")));
    }

    [Fact]
    public async Task Exec_cannot_make_a_user_namespace()
    {
        var run = await _hwforge.RunAsync("sandbox", "exec", "--", "unshare", "-U", "true");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("unshare failed", run.Error);
    }

    [Fact]
    public async Task Exec_kills_a_fork_bomb_whole_at_its_timeout()
    {
        var run = await _hwforge.RunAsync(["sandbox", "exec", "--timeout", "3", "--", "sh", "-c", "b() { b | b & }; b; sleep 60"], timeout: TimeSpan.FromSeconds(60));
        Assert.Equal(124, run.ExitCode);
        Assert.Contains("timed out", run.Error);
    }

    [Fact]
    public async Task Exec_keeps_api_keys_out_of_the_sandbox()
    {
        var run = await _hwforge.RunAsync(["sandbox", "exec", "--", "env"],
            new Dictionary<string, string> { ["HWFORGE_LLM_API_KEY"] = "sk-live-secret", ["OPENAI_API_KEY"] = "sk-other" });
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("sk-", run.Output);
    }

    [Fact]
    public async Task Check_reports_every_containment_check_as_held()
    {
        var run = await _hwforge.RunAsync("sandbox", "check", "--json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToList();
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("limits").GetString()));
        foreach (var name in new[] { "network", "read outside", "write outside", "fork bomb", "memory bomb", "endless loop", "output flood",
                     "symlink chmod", "memory across processes", "disk", "nested namespaces" })
        {
            var check = checks.Single(c => c.GetProperty("name").GetString() == name);
            Assert.True(check.GetProperty("held").GetBoolean(), $"{name}: {check.GetProperty("detail").GetString()}");
        }
    }

    [Fact]
    public async Task The_unsafe_mode_warns_loudly_every_time()
    {
        var run = await _hwforge.RunAsync("sandbox", "exec", "--unsafe-no-sandbox", "--", "true");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("WITHOUT the sandbox", run.Error);
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

    public void Dispose() => _hwforge.Dispose();
}
