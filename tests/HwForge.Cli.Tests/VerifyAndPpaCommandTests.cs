using System.Text.Json;

namespace HwForge.Cli.Tests;

/// <summary>The judge from the command line, as a script or CI job would use it: exit codes and JSON.</summary>
public sealed class VerifyAndPpaCommandTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    private static string Example(string name, string file) => Path.Combine(FindRoot(), "examples", name, file);

    [Fact]
    public async Task An_equivalent_design_verifies_with_exit_zero_and_a_full_json_report()
    {
        var run = await _hwforge.RunAsync("verify", Example("counter8", "equiv.v"), "--top", "counter8", "--ref", Example("counter8", "ref.v"), "--json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal("pass", root.GetProperty("verdict").GetString());
        Assert.Equal("none", root.GetProperty("failureClass").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("firstMismatch").ValueKind);
        Assert.Contains(root.GetProperty("formal").GetProperty("status").GetString(), new[] { "proven", "bounded" });
        Assert.True(root.GetProperty("formal").TryGetProperty("bound", out _));
        Assert.Equal(5, root.GetProperty("stages").GetArrayLength());
        Assert.All(root.GetProperty("stages").EnumerateArray(), s => Assert.True(s.TryGetProperty("duration", out _)));
    }

    [Fact]
    public async Task A_faulty_design_exits_one_with_its_first_mismatch()
    {
        var run = await _hwforge.RunAsync("verify", Example("counter8", "faults/wrong_operator.v"), "--top", "counter8", "--ref", Example("counter8", "ref.v"), "--json");
        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var mismatch = json.RootElement.GetProperty("firstMismatch");
        Assert.Equal("q", mismatch.GetProperty("signal").GetString());
        Assert.True(mismatch.GetProperty("cycle").GetInt32() >= 0);
        Assert.NotEmpty(mismatch.GetProperty("precedingInputs").EnumerateArray());
    }

    [Fact]
    public async Task A_missing_reference_file_is_a_usage_error()
    {
        var run = await _hwforge.RunAsync("verify", Example("counter8", "equiv.v"), "--top", "counter8", "--ref", "/no/such/ref.v");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such file", run.Error);
    }

    [Fact]
    public async Task The_vcd_is_written_where_asked()
    {
        var vcd = Path.Combine(_hwforge.Files, "wave.vcd");
        var run = await _hwforge.RunAsync("verify", Example("counter8", "equiv.v"), "--top", "counter8", "--ref", Example("counter8", "ref.v"), "--formal", "off", "--vcd", vcd);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("$enddefinitions", File.ReadAllText(vcd));
    }

    [Fact]
    public async Task Ppa_reports_area_timing_and_power_with_its_tools_and_library()
    {
        var run = await _hwforge.RunAsync("ppa", Example("counter8", "ref.v"), "--top", "counter8", "--json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal("osu018", root.GetProperty("library").GetString());
        Assert.True(root.GetProperty("areaUm2").GetDouble() > 100);
        Assert.True(root.GetProperty("fmaxMhz").GetDouble() > 10);
        Assert.True(root.GetProperty("totalPowerW").GetDouble() > 0);
        Assert.Contains("simulation", root.GetProperty("activity").GetString());
        Assert.Equal("0.23", root.GetProperty("tools").GetProperty("yosys").GetString());
        Assert.True(root.GetProperty("tools").TryGetProperty("opensta", out _));
    }

    [Fact]
    public async Task Ppa_with_sky130_and_generic_and_ice40_each_measure_what_they_can()
    {
        var sky130 = Path.GetFullPath(Path.Combine(FindRoot(), "..", "shared", "pdk", "sky130hd_tt.lib.gz"));
        var asic = await _hwforge.RunAsync("ppa", Example("counter8", "ref.v"), "--top", "counter8", "--liberty", sky130, "--json");
        Assert.Equal(0, asic.ExitCode);
        Assert.Contains("sky130", JsonDocument.Parse(asic.Output).RootElement.GetProperty("library").GetString());

        var generic = await _hwforge.RunAsync("ppa", Example("counter8", "ref.v"), "--top", "counter8", "--liberty", "generic", "--json");
        using var genericJson = JsonDocument.Parse(generic.Output);
        Assert.True(genericJson.RootElement.GetProperty("logicDepth").GetInt32() > 0);
        Assert.True(genericJson.RootElement.GetProperty("cellsByType").EnumerateObject().Any());

        var fpga = await _hwforge.RunAsync("ppa", Example("counter8", "ref.v"), "--top", "counter8", "--fpga", "hx1k", "--json");
        Assert.Equal(0, fpga.ExitCode);
        Assert.True(JsonDocument.Parse(fpga.Output).RootElement.GetProperty("fmaxMhz").GetDouble() > 10);
    }

    [Fact]
    public async Task Ppa_of_a_design_with_a_syntax_error_exits_one()
    {
        var broken = _hwforge.WriteFile("broken.v", "module broken(input a, output y)\n  assign y = a;\nendmodule\n");
        var run = await _hwforge.RunAsync("ppa", broken, "--top", "broken");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("broken.v", run.Output);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Agents.sln"))) return dir.FullName;
        throw new InvalidOperationException("Agents.sln not found");
    }

    public void Dispose() => _hwforge.Dispose();
}
