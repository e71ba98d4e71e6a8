namespace HwForge.Cli.Tests;

/// <summary>A spec the judge cannot use is the user's to fix: one line naming what is wrong, exit 2, never an internal error.</summary>
public sealed class SpecErrorTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    [Fact]
    public async Task A_spec_naming_a_clock_its_reference_lacks_is_one_line_naming_the_clock_and_exit_two()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_hwforge.Home, "spec")).FullName;
        File.WriteAllText(Path.Combine(folder, "ref.v"), "module counter4(input clk, input rst, input en, output reg [3:0] q);\n  always @(posedge clk) if (rst) q <= 0; else if (en) q <= q + 1;\nendmodule\n");
        File.WriteAllText(Path.Combine(folder, "spec.yaml"), "top: counter4\nreference: ref.v\nclock: clk_sys\n");

        // The spec is checked before any model is asked, so an endpoint that answers nothing is never reached.
        var run = await _hwforge.RunAsync("design", "--spec", Path.Combine(folder, "spec.yaml"), "--llm-endpoint", "http://127.0.0.1:9/v1", "--model", "m",
            "--out", Path.Combine(_hwforge.Home, "run"));

        Assert.Equal(2, run.ExitCode);
        var problems = run.Error.Split('\n').Where(l => l.StartsWith("hwforge: ")).ToList();
        var line = Assert.Single(problems);
        Assert.Contains("the clock is named 'clk_sys'", line);
        Assert.DoesNotContain("internal error", run.Error);
    }

    [Fact]
    public async Task A_spec_naming_an_unknown_target_is_one_line_and_exit_two()
    {
        var spec = Path.Combine(_hwforge.Home, "spec.yaml");
        File.WriteAllText(spec, "target: fpga-magic\nrequest: an adder\n");

        var run = await _hwforge.RunAsync("design", "--spec", spec, "--offline");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown target", Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task A_clock_the_reference_lacks_is_one_error_line_listing_its_ports_and_exit_two()
    {
        var adder = Path.Combine(_hwforge.Home, "add8.v");
        File.WriteAllText(adder, "module add8(input [7:0] a, input [7:0] b, output [8:0] s);\n  assign s = a + b;\nendmodule\n");
        var run = await _hwforge.RunAsync("verify", adder, "--top", "add8", "--ref", adder, "--clock", "clk");

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("ERROR: the clock is named 'clk'", line);
        Assert.Contains("its ports: a, b, s", line);
    }

    [Fact]
    public async Task A_new_run_in_a_folder_that_holds_one_says_how_to_continue_it()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_hwforge.Home, "taken")).FullName;
        File.WriteAllText(Path.Combine(folder, "run.json"), "{}");

        var run = await _hwforge.RunAsync("design", "an 8-bit adder", "--offline", "--out", folder);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"hwforge: {folder} already holds a run; continue it with 'hwforge design --resume {folder}' or choose another --out folder.", line);
    }

    public void Dispose() => _hwforge.Dispose();
}
