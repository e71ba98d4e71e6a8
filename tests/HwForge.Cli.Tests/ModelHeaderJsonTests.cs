using System.Text.Json;

namespace HwForge.Cli.Tests;

/// <summary><c>model-header --json</c> works like every other command's --json, instead of reading "--json" as a file.</summary>
public sealed class ModelHeaderJsonTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    [Fact]
    public async Task Model_header_json_gives_the_header_text_in_one_object()
    {
        var design = _hwforge.WriteFile("inv.v", "module inv(input [3:0] a, output [3:0] y); assign y = ~a; endmodule\n");
        var text = await _hwforge.RunAsync("model-header", design, "--top", "inv");
        Assert.Equal(0, text.ExitCode);

        var run = await _hwforge.RunAsync("model-header", design, "--top", "inv", "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("no such file", run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("inv", json.RootElement.GetProperty("top").GetString());
        Assert.Equal(text.Output, json.RootElement.GetProperty("header").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("problem").ValueKind);
    }

    [Fact]
    public async Task Model_header_json_of_a_design_that_does_not_elaborate_says_why_and_exits_one()
    {
        var design = _hwforge.WriteFile("inv.v", "module inv(input a, output y); assign y = ~a; endmodule\n");
        var run = await _hwforge.RunAsync("model-header", design, "--top", "nosuch", "--json");
        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("header").ValueKind);
        Assert.Contains("does not elaborate", json.RootElement.GetProperty("problem").GetString());
    }

    public void Dispose() => _hwforge.Dispose();
}
