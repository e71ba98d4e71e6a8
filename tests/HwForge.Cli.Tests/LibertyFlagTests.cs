namespace HwForge.Cli.Tests;

/// <summary>A --liberty that cannot be used is a usage error that says what --liberty takes, not an internal error.</summary>
public sealed class LibertyFlagTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    private string Design() => _hwforge.WriteFile("inv.v", "module inv(input [3:0] a, output [3:0] y); assign y = ~a; endmodule\n");

    [Fact]
    public async Task Sky130_without_its_variable_says_how_to_set_it_up_and_what_liberty_takes()
    {
        var run = await _hwforge.RunAsync(["ppa", Design(), "--top", "inv", "--liberty", "sky130"],
            new Dictionary<string, string> { ["HWFORGE_SKY130_LIBERTY"] = "" });
        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("internal error", run.Error);
        Assert.Contains("--liberty sky130:", run.Error);
        Assert.Contains("HWFORGE_SKY130_LIBERTY", run.Error);
        Assert.Contains("--liberty takes osu018", run.Error);
    }

    [Fact]
    public async Task A_liberty_name_that_is_not_a_file_is_a_usage_error()
    {
        var run = await _hwforge.RunAsync("ppa", Design(), "--top", "inv", "--liberty", "sky130hd");
        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("internal error", run.Error);
        Assert.Contains("--liberty sky130hd:", run.Error);
        Assert.Contains(".lib.gz", run.Error);
    }

    public void Dispose() => _hwforge.Dispose();
}
