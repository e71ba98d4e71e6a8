namespace HwForge.Cli.Tests;

/// <summary>A verify answered from the cache says so, on every stage and on the verdict, instead of showing old times as new.</summary>
public sealed class CachedVerifyTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    [Fact]
    public async Task A_cached_verify_marks_its_stages_and_its_verdict_as_cached()
    {
        var design = _hwforge.WriteFile("inv.v", "module inv(input [3:0] a, output [3:0] y); assign y = ~a; endmodule\n");
        var reference = _hwforge.WriteFile("ref.v", "module inv(input [3:0] a, output [3:0] y); assign y = a ^ 4'hf; endmodule\n");
        string[] args = ["verify", design, "--top", "inv", "--ref", reference];

        var first = await _hwforge.RunAsync(args);
        Assert.Equal(0, first.ExitCode);
        Assert.DoesNotContain("cached", first.Output.Split('\n').Single(l => l.StartsWith("VERIFIED")));

        var again = await _hwforge.RunAsync(args);
        Assert.Equal(0, again.ExitCode);
        var stages = again.Output.Split('\n').Where(l => l.StartsWith("  ok ")).ToList();
        Assert.Equal(5, stages.Count);
        Assert.All(stages, line => Assert.Contains("(cached)", line));
        var verdict = again.Output.Split('\n').Single(l => l.StartsWith("VERIFIED"));
        Assert.Contains("(cached: ", verdict);
        Assert.Contains("--no-cache", verdict);

        var fresh = await _hwforge.RunAsync([.. args, "--no-cache"]);
        Assert.DoesNotContain("cached", fresh.Output.Split('\n').Single(l => l.StartsWith("VERIFIED")));
    }

    public void Dispose() => _hwforge.Dispose();
}
