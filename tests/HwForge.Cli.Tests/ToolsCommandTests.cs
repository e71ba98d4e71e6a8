using System.Text.Json;

namespace HwForge.Cli.Tests;

public sealed class ToolsCommandTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    [Fact]
    public async Task I_can_see_every_tool_with_its_version_and_that_the_sandbox_works()
    {
        var run = await _hwforge.RunAsync("tools", "--json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.True(json.RootElement.GetProperty("sandboxWorks").GetBoolean());
        var tools = json.RootElement.GetProperty("tools").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("version").GetString());
        Assert.Equal("5.006", tools["verilator"]);
        Assert.Equal("0.23", tools["yosys"]);
        Assert.StartsWith("11", tools["iverilog"]);
        Assert.NotNull(tools["opensta"]);
        Assert.NotNull(tools["nextpnr-ice40"]);
    }

    [Fact]
    public async Task The_text_listing_names_the_tools_and_the_sandbox()
    {
        var run = await _hwforge.RunAsync("tools");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("verilator", run.Output);
        Assert.Contains("5.006", run.Output);
        Assert.Contains("sandbox: bubblewrap: works", run.Output);
    }

    /// <summary>With bubblewrap off the PATH, HwForge must refuse to run tools and say how to fix it.</summary>
    [Fact]
    public async Task Without_bubblewrap_tools_refuse_to_run_and_say_how_to_fix_it()
    {
        var bin = Directory.CreateDirectory(Path.Combine(_hwforge.Home, "bin-without-bwrap")).FullName;
        foreach (var tool in new[] { "verilator", "prlimit", "setpriv", "sh" })
            File.CreateSymbolicLink(Path.Combine(bin, tool), Path.Combine("/usr/bin", tool));
        var design = _hwforge.WriteFile("ok.v", "module ok(input a, output y); assign y = a; endmodule\n");
        var environment = new Dictionary<string, string> { ["PATH"] = bin };

        var lint = await _hwforge.RunAsync(["lint", design], environment);
        Assert.Equal(2, lint.ExitCode);
        Assert.Contains("bubblewrap (bwrap) is not installed", lint.Error);
        Assert.Contains("install-toolchain.sh", lint.Error);
        Assert.Contains("--unsafe-no-sandbox", lint.Error);

        var tools = await _hwforge.RunAsync(["tools"], environment);
        Assert.Equal(2, tools.ExitCode);
        Assert.Contains("NOT WORKING", tools.Output);
    }

    public void Dispose() => _hwforge.Dispose();
}
