using System.Text.Json;

namespace HwForge.Cli.Tests;

/// <summary>The judge from the command line, as a script or CI job would use it: exit codes and JSON.</summary>
public sealed class VerifyAndPpaCommandTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    private static string Example(string name, string file) => Path.Combine(FindRoot(), "examples", "rtl", name, file);

    [Fact]
    public async Task A_sequential_design_proven_equivalent_verifies_with_exit_zero_and_a_full_json_report()
    {
        // counter8 is proven today (IC3/PDR); a sequential pair that is only bounded must not exit 0.
        var run = await _hwforge.RunAsync("verify", Example("counter8", "equiv.v"), "--top", "counter8", "--ref", Example("counter8", "ref.v"), "--json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal("pass", root.GetProperty("verdict").GetString());
        Assert.Equal("none", root.GetProperty("failureClass").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("firstMismatch").ValueKind);
        Assert.Equal("proven", root.GetProperty("formal").GetProperty("status").GetString());
        Assert.Equal("proven", root.GetProperty("assurance").GetString());
        Assert.True(root.GetProperty("verified").GetBoolean());
        Assert.True(root.GetProperty("accepted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("accept").ValueKind);
        Assert.Contains("proven", root.GetProperty("shown").GetString());
        Assert.True(root.GetProperty("formal").TryGetProperty("bound", out _));
        Assert.Equal(5, root.GetProperty("stages").GetArrayLength());
        Assert.All(root.GetProperty("stages").EnumerateArray(), s => Assert.True(s.TryGetProperty("duration", out _)));
    }

    [Fact]
    public async Task A_proven_combinational_pair_prints_VERIFIED_and_exits_zero()
    {
        var run = await _hwforge.RunAsync("verify", Example("adder8", "equiv.v"), "--top", "adder8", "--ref", Example("adder8", "ref.v"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("VERIFIED: ", run.Output);
        Assert.Contains("proven", run.Output.Split("VERIFIED: ")[1]);
        Assert.DoesNotContain("NOT PROVEN", run.Output);
    }

    [Fact]
    public async Task A_pair_checked_by_simulation_only_exits_three_and_says_exactly_what_was_shown()
    {
        var run = await _hwforge.RunAsync("verify", Example("adder8", "equiv.v"), "--top", "adder8", "--ref", Example("adder8", "ref.v"), "--formal", "off");
        Assert.Equal(3, run.ExitCode);
        // The judge's own words follow: what it simulated, and why there is no proof.
        var verdict = run.Output.Split("NO DIFFERENCE FOUND, NOT PROVEN: ")[1];
        Assert.Contains("1000 simulated cycles", verdict);
        Assert.Contains("the formal check is off", verdict);
        Assert.Contains("--accept simulated", run.Output); // how to lower the bar, explicitly
        Assert.DoesNotContain("VERIFIED", run.Output);
        Assert.DoesNotContain("PASS", run.Output);

        var json = await _hwforge.RunAsync("verify", Example("adder8", "equiv.v"), "--top", "adder8", "--ref", Example("adder8", "ref.v"), "--formal", "off", "--json");
        Assert.Equal(3, json.ExitCode);
        using var report = JsonDocument.Parse(json.Output);
        Assert.Equal("pass", report.RootElement.GetProperty("verdict").GetString());
        Assert.Equal("simulated", report.RootElement.GetProperty("assurance").GetString());
        Assert.False(report.RootElement.GetProperty("verified").GetBoolean());
        Assert.False(report.RootElement.GetProperty("accepted").GetBoolean());
        Assert.Equal(3, report.RootElement.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public async Task Accept_simulated_lowers_the_bar_explicitly_and_the_output_records_it()
    {
        string[] args = ["verify", Example("adder8", "equiv.v"), "--top", "adder8", "--ref", Example("adder8", "ref.v"), "--formal", "off", "--accept", "simulated"];
        var text = await _hwforge.RunAsync(args);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("NO DIFFERENCE FOUND, NOT PROVEN", text.Output);
        Assert.Contains("accepted as simulated (--accept simulated): not proven", text.Output);

        var json = await _hwforge.RunAsync([.. args, "--json"]);
        Assert.Equal(0, json.ExitCode);
        using var report = JsonDocument.Parse(json.Output);
        Assert.Equal("simulated", report.RootElement.GetProperty("accept").GetString());
        Assert.True(report.RootElement.GetProperty("accepted").GetBoolean());
        Assert.False(report.RootElement.GetProperty("verified").GetBoolean());
        Assert.Equal("simulated", report.RootElement.GetProperty("assurance").GetString());
    }

    [Fact]
    public async Task Accept_bounded_does_not_take_a_result_of_simulation_alone()
    {
        var run = await _hwforge.RunAsync("verify", Example("adder8", "equiv.v"), "--top", "adder8", "--ref", Example("adder8", "ref.v"), "--formal", "off", "--accept", "bounded");
        Assert.Equal(3, run.ExitCode);
        Assert.DoesNotContain("accepted as", run.Output);
    }

    [Fact]
    public async Task A_C_plus_plus_golden_model_can_only_be_simulated_so_its_pass_exits_three()
    {
        var model = _hwforge.WriteFile("adder8.cpp", """
            #include "hwforge_model.h"
            void hwforge_step(const Inputs& in, Outputs& out) {
                uint64_t s = in.a + in.b + in.cin;
                out.sum = s;
                out.cout = s >> 8;
            }
            """);
        var run = await _hwforge.RunAsync("verify", Example("adder8", "equiv.v"), "--top", "adder8", "--ref", model, "--json");
        Assert.Equal(3, run.ExitCode);
        using var report = JsonDocument.Parse(run.Output);
        Assert.Equal("simulated", report.RootElement.GetProperty("assurance").GetString());
        Assert.Contains("C++ golden model", report.RootElement.GetProperty("shown").GetString());
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("none")]
    public async Task A_bad_accept_level_is_a_usage_error_naming_the_levels(string level)
    {
        var run = await _hwforge.RunAsync("verify", Example("adder8", "equiv.v"), "--top", "adder8", "--ref", Example("adder8", "ref.v"), "--accept", level);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--accept takes bounded or simulated (or proven, the default), not '{level}'", run.Error);
        Assert.DoesNotContain("HwForge.", run.Error); // no .NET type name
        Assert.DoesNotContain("Nullable", run.Error);
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
        Assert.Equal(3, run.ExitCode); // simulation only: no difference found, not proven
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
    public async Task Ppa_names_a_critical_path_between_registers_by_the_registers_not_synthesis_numbers()
    {
        var run = await _hwforge.RunAsync("ppa", Example("pipe_mac8", "equiv.v"), "--top", "pipe_mac8");

        Assert.Equal(0, run.ExitCode);
        var line = Assert.Single(run.Output.Split('\n'), l => l.Contains("critical path: "));
        Assert.DoesNotMatch(@"\b_\d+_\b", line);
        Assert.Matches(@"critical path: \S+ -> acc\[\d+\]", line);
    }

    [Fact]
    public async Task Ppa_for_ice40_of_a_design_with_more_pins_than_the_up5k_package_measures_it_on_a_part_it_fits()
    {
        var run = await _hwforge.RunAsync("ppa", Example("pipe_mac8", "equiv.v"), "--top", "pipe_mac8", "--fpga", "ice40");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("does not fit the iCE40UP5K (sg48); measured on the iCE40HX8K (ct256) instead", run.Error);
        Assert.Contains("iCE40HX8K (ct256):", run.Output);
        Assert.Contains("Fmax", run.Output);
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
