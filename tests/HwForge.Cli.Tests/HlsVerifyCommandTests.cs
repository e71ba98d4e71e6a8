using System.Text.Json;

namespace HwForge.Cli.Tests;

/// <summary>
/// <c>hwforge verify --target hls</c>: a C++ kernel against a reference kernel by C simulation, with the exit
/// codes of every verify; the other target's flags are refused naming both targets.
/// </summary>
public sealed class HlsVerifyCommandTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    private static string Example(string name, string file) => Path.Combine(FindRoot(), "examples", "hls", name, file);

    [Fact]
    public async Task A_stateful_kernel_equal_on_every_call_is_simulated_not_proven_exit_three()
    {
        var run = await _hwforge.RunAsync("verify", Example("mac8", "equiv.cpp"), "--target", "hls", "--top", "mac8", "--ref", Example("mac8", "ref.cpp"), "--calls", "300", "--json");
        Assert.Equal(3, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("hls", json.RootElement.GetProperty("target").GetString());
        Assert.Equal("pass", json.RootElement.GetProperty("verdict").GetString());
        Assert.Equal("simulated", json.RootElement.GetProperty("assurance").GetString());
        Assert.Contains("300 calls", json.RootElement.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task A_faulty_kernel_fails_with_exit_one_naming_the_first_mismatching_call()
    {
        var run = await _hwforge.RunAsync("verify", Example("mac8", "faults/wrong_shift.cpp"), "--target", "hls", "--top", "mac8", "--ref", Example("mac8", "ref.cpp"));
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("FAIL", run.Output);
        Assert.Contains("first mismatch: call", run.Output);
    }

    [Fact]
    public async Task A_flag_of_the_rtl_judge_is_refused_for_hls_and_an_hls_flag_for_rtl()
    {
        var hls = await _hwforge.RunAsync("verify", Example("mac8", "equiv.cpp"), "--target", "hls", "--top", "mac8", "--ref", Example("mac8", "ref.cpp"), "--cycles", "5");
        Assert.Equal(2, hls.ExitCode);
        Assert.Contains("--cycles is an option of target rtl, not of target hls", hls.Error);

        var rtl = await _hwforge.RunAsync("verify", Example("mac8", "equiv.cpp"), "--top", "mac8", "--ref", Example("mac8", "ref.cpp"), "--calls", "5");
        Assert.Equal(2, rtl.ExitCode);
        Assert.Contains("--calls is an option of target hls, not of target rtl", rtl.Error);

        var unknown = await _hwforge.RunAsync("verify", Example("mac8", "equiv.cpp"), "--target", "vhdl", "--top", "mac8", "--ref", Example("mac8", "ref.cpp"));
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no target 'vhdl'", unknown.Error);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Agents.sln"))) return dir.FullName;
        throw new InvalidOperationException("Agents.sln not found");
    }

    public void Dispose() => _hwforge.Dispose();
}
