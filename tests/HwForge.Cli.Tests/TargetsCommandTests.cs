using System.Text.Json;

namespace HwForge.Cli.Tests;

/// <summary><c>hwforge targets</c>: each target with its file kinds, objectives, options and tools, for people and programs.</summary>
public sealed class TargetsCommandTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    [Fact]
    public async Task The_rtl_target_is_listed_with_its_files_objectives_options_and_available_tools()
    {
        var run = await _hwforge.RunAsync("targets", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var rtl = Assert.Single(json.RootElement.GetProperty("targets").EnumerateArray(), t => t.GetProperty("name").GetString() == "rtl");
        Assert.True(rtl.GetProperty("available").GetBoolean());
        Assert.Contains(".v (Verilog)", rtl.GetProperty("fileKinds").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(["area (µm²)", "delay (ns)", "power (mW)"], rtl.GetProperty("objectives").EnumerateArray().Select(o => o.GetString()));
        Assert.Contains("clock_period", rtl.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("name").GetString()));
        var tools = rtl.GetProperty("tools").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("version").GetString());
        Assert.Equal("5.006", tools["verilator"]);
        Assert.Equal("0.23", tools["yosys"]);
        Assert.NotNull(tools["opensta"]);
    }

    [Fact]
    public async Task Each_target_lists_the_families_of_its_own_offline_catalog()
    {
        var run = await _hwforge.RunAsync("targets", "--json");

        using var json = JsonDocument.Parse(run.Output);
        var catalogs = json.RootElement.GetProperty("targets").EnumerateArray()
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("catalog").EnumerateArray().Select(f => f.GetString()).ToList());
        Assert.Contains("fifo", catalogs["rtl"]);
        Assert.Contains("softmax_row", catalogs["hls"]);
        Assert.DoesNotContain("fifo", catalogs["hls"]);
        Assert.Contains("vector_add", catalogs["cuda"]);
    }

    [Fact]
    public async Task The_text_listing_says_whether_each_target_is_available()
    {
        var run = await _hwforge.RunAsync("targets");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("rtl: RTL", run.Output);
        Assert.Contains("available:  yes", run.Output);
        // A target that declares no objective says so rather than printing an empty line.
        Assert.Contains("hls: HLS C++", run.Output);
        Assert.Contains("objectives: none declared", run.Output);
    }

    public void Dispose() => _hwforge.Dispose();
}
