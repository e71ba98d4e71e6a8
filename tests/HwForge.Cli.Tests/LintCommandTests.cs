using System.Text.Json;

namespace HwForge.Cli.Tests;

public sealed class LintCommandTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    private const string Counter = """
        module counter(input clk, input rst, output reg [3:0] q);
          always @(posedge clk) if (rst) q <= 4'd0; else q <= q + 4'd1;
        endmodule
        """;

    [Fact]
    public async Task A_clean_design_exits_zero()
    {
        var run = await _hwforge.RunAsync("lint", _hwforge.WriteFile("counter.v", Counter), "--top", "counter");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("0 error(s)", run.Output);
    }

    [Fact]
    public async Task A_syntax_error_is_a_compiler_style_line_and_exit_one()
    {
        var path = _hwforge.WriteFile("broken.v", "module broken(input a, output y)\n  assign y = a;\nendmodule\n");
        var run = await _hwforge.RunAsync("lint", path);
        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"(?m)^.*broken\.v:2:3: error: syntax error", run.Output);
    }

    [Fact]
    public async Task Warnings_carry_their_code_and_location_and_do_not_fail_the_lint()
    {
        var path = _hwforge.WriteFile("narrow.v", "module narrow(input [7:0] a, output [3:0] y);\n  assign y = a;\nendmodule\n");
        var run = await _hwforge.RunAsync("lint", path, "--json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var warning = json.RootElement.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("code").GetString() == "WIDTHTRUNC" || d.GetProperty("code").GetString() == "WIDTH");
        Assert.Equal(path, warning.GetProperty("file").GetString());
        Assert.Equal(2, warning.GetProperty("line").GetInt32());
        Assert.Equal("warning", warning.GetProperty("severity").GetString());
    }

    [Fact]
    public async Task Linting_an_unchanged_design_again_is_served_from_the_cache()
    {
        var path = _hwforge.WriteFile("counter.v", Counter);
        await _hwforge.RunAsync("lint", path);
        var second = await _hwforge.RunAsync("lint", path, "--json");
        using var json = JsonDocument.Parse(second.Output);
        Assert.True(json.RootElement.GetProperty("fromCache").GetBoolean());
    }

    [Theory]
    [InlineData("missing", "no such file")]
    [InlineData("empty", "the file is empty")]
    [InlineData("binary", "binary file")]
    [InlineData("huge", "are refused")]
    [InlineData("latin1", "not UTF-8")]
    public async Task Bad_input_gets_a_clear_error_and_no_stack_trace(string kind, string expected)
    {
        var path = Path.Combine(_hwforge.Files, kind + ".v");
        switch (kind)
        {
            case "empty": File.WriteAllText(path, ""); break;
            case "binary": File.WriteAllBytes(path, [0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]); break;
            case "huge":
                using (var file = File.Create(path))
                {
                    var line = "// padding padding padding padding padding padding padding padding\n"u8.ToArray();
                    while (file.Length < 50_000_000) file.Write(line);
                }
                break;
            case "latin1": File.WriteAllBytes(path, [.. "module m; // caf"u8, 0xE9, (byte)'\n', .. "endmodule\n"u8]); break;
        }
        var run = await _hwforge.RunAsync("lint", path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task Missing_arguments_are_a_usage_error()
    {
        var run = await _hwforge.RunAsync("lint");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--help", run.Error);
    }

    public void Dispose() => _hwforge.Dispose();
}
