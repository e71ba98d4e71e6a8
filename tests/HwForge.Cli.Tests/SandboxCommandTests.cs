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
        foreach (var name in new[] { "network", "read outside", "write outside", "fork bomb", "memory bomb", "endless loop", "output flood" })
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

    public void Dispose() => _hwforge.Dispose();
}
