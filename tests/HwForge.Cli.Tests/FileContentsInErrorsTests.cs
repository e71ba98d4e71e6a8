using System.Text.RegularExpressions;

namespace HwForge.Cli.Tests;

/// <summary>
/// A path given where a spec, a jobs file or a reference belongs may name any file (<c>--spec /etc/shadow</c> as
/// root): the error names the file, line and column and what was expected, and never repeats what the file says.
/// </summary>
public sealed partial class FileContentsInErrorsTests : IDisposable
{
    private const string Secret = "sk-live-PLANTED0123456789";

    private readonly HwForgeProcess _hwforge = new();

    public static TheoryData<string, string> PlantedFiles => new()
    {
        { "shadow", $"root:$6${Secret}$hash:20228:0:99999:7:::\ndaemon:*:20228:0:99999:7:::\n" },
        { "a key", $"{Secret}: 1\n" },
        { "a key twice", $"request: x\n{Secret}: 1\n{Secret}: 2\n" },
        { "a value", $"request: an 8-bit adder\nreset_active_low: {Secret}\n" },
        { "an alias", $"request: *{Secret}\n" },
        { "json", $"{{\"token\": {Secret}}}\n" },
        { "a jobs value", $"jobs:\n  - {{id: a, request: x, candidates: {Secret}}}\n" },
        { "a jobs formal", $"jobs:\n  - {{id: a, request: x, formal: {Secret}}}\n" },
        { "a jobs id", $"jobs:\n  - {{id: \"{Secret}/x\", request: x}}\n" },
    };

    [Theory]
    [MemberData(nameof(PlantedFiles))]
    public async Task A_file_that_is_not_a_spec_or_jobs_file_is_named_in_the_error_but_never_quoted(string shape, string text)
    {
        var file = _hwforge.WriteFile($"planted-{shape.Replace(' ', '-')}.txt", text);

        var runs = new[]
        {
            await _hwforge.RunAsync("design", "--spec", file, "--offline"),
            await _hwforge.RunAsync("batch", file, "--out", Path.Combine(_hwforge.Home, "out")),
            await _hwforge.RunAsync("verify", file, "--top", "x", "--ref", file),
        };

        foreach (var run in runs)
        {
            Assert.NotEqual(0, run.ExitCode);
            Assert.DoesNotContain(Secret, run.Output + run.Error);
            Assert.DoesNotContain("PLANTED", run.Output + run.Error);
            Assert.DoesNotContain("   at ", run.Error);
        }
        // The spec and jobs errors say where: file:line:column.
        Assert.Matches(Where(file), runs[0].Error);
        Assert.Matches(Where(file), runs[1].Error);
    }

    [Fact]
    public async Task A_misspelt_key_is_still_helped_with_the_key_it_was_probably_meant_to_be()
    {
        var spec = _hwforge.WriteFile("spec.yaml", "family: adder\nparamters: {width: 8}\n");

        var run = await _hwforge.RunAsync("design", "--spec", spec, "--offline");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{spec}:2:1: unknown key in a spec file (did you mean 'parameters'?)", run.Error);
    }

    private static Regex Where(string file) => new($"{Regex.Escape(file)}:\\d+:\\d+: ");

    public void Dispose() => _hwforge.Dispose();
}
