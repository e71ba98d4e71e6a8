using System.CommandLine;
using System.Text.Json;
using HwForge.Agents.Runs;

namespace HwForge.Cli.Tests;

public sealed class OptionFlagsTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    [Fact]
    public void A_row_added_to_the_table_is_a_flag_and_a_value_typed_for_it_comes_back_by_the_rows_name()
    {
        var row = new RunOption("warp_factor", "How fast", v => v == "9" ? null : "warp_factor must be 9") { Default = "9" };
        var flags = new OptionFlags([.. RunOptionTable.Shipped, row]);
        var command = new RootCommand();
        foreach (var flag in flags.Options) command.Options.Add(flag);

        Assert.Contains(flags.Options, f => f.Name == "--warp-factor");
        Assert.Contains(flags.Options, f => f.Name == "--clock-period");
        Assert.Equal(new Dictionary<string, string> { ["warp_factor"] = "9", ["offline"] = "true" },
            flags.Given(command.Parse(["--warp-factor", "9", "--offline"])));
        Assert.Contains("--warp-factor must be 9, not '8'", command.Parse(["--warp-factor", "8"]).Errors.Single().Message);
    }

    [Fact]
    public async Task A_design_job_given_as_an_options_file_runs_with_its_options_by_name()
    {
        var file = _hwforge.WriteFile("job.json", """
            {"request": "an 8-bit adder", "options": {"candidates": "1", "optimize": "0", "formal": "off", "accept": "simulated"}}
            """);
        var folder = Path.Combine(_hwforge.Home, "from-file");

        var run = await _hwforge.RunAsync("design", "--options-file", file, "--out", folder, "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var options = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "run.json")));
        Assert.Equal(1, options.RootElement.GetProperty("candidates").GetInt32());
        Assert.Equal("off", options.RootElement.GetProperty("targetOptions").GetProperty("formal").GetString());
        Assert.Equal("1000", options.RootElement.GetProperty("targetOptions").GetProperty("cycles").GetString());
    }

    public void Dispose() => _hwforge.Dispose();
}
