namespace HwForge.Cli.Tests;

/// <summary>A value a flag does not take is a usage error in the user's words, never a .NET type name.</summary>
public sealed class BadOptionValueTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    [Fact]
    public async Task A_formal_mode_that_does_not_exist_names_the_flag_and_the_modes()
    {
        var design = _hwforge.WriteFile("a.v", "module a(input x, output y); assign y = x; endmodule\n");
        var run = await _hwforge.RunAsync("verify", design, "--top", "a", "--ref", design, "--formal", "maybe");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--formal takes auto, on or off, not 'maybe'", run.Error);
        Assert.DoesNotContain("HwForge.Tools", run.Error);
        Assert.DoesNotContain("expected type", run.Error);
    }

    [Fact]
    public async Task A_formal_mode_in_any_case_is_still_accepted()
    {
        // Only the parser changed: "--formal OFF" still means off (simulation only, exit 3).
        var design = _hwforge.WriteFile("a.v", "module a(input x, output y); assign y = x; endmodule\n");
        var run = await _hwforge.RunAsync("verify", design, "--top", "a", "--ref", design, "--formal", "OFF");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("the formal check is off", run.Output);
    }

    [Theory]
    [InlineData("verify", "--cycles", "abc", "--cycles takes a whole number, not 'abc'")]
    [InlineData("verify", "--formal-timeout", "soon", "--formal-timeout takes a number, not 'soon'")]
    [InlineData("ppa", "--clock-period", "fast", "--clock-period takes a number, not 'fast'")]
    public async Task A_number_flag_given_words_names_the_flag_not_a_dotnet_type(string command, string flag, string value, string expected)
    {
        var design = _hwforge.WriteFile("a.v", "module a(input x, output y); assign y = x; endmodule\n");
        string[] args = command == "verify" ? [command, design, "--top", "a", "--ref", design, flag, value] : [command, design, "--top", "a", flag, value];
        var run = await _hwforge.RunAsync(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error);
        Assert.DoesNotContain("System.", run.Error);
    }

    public void Dispose() => _hwforge.Dispose();
}
