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

    public void Dispose() => _hwforge.Dispose();
}
