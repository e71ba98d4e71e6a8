using System.Text.Json;

namespace HwForge.Cli.Tests;

/// <summary>
/// <c>hwforge core optimize | kernels | reset</c> and <c>--kernels native|auto</c>, run as a user runs them: the real
/// binary, the real g++ in the real sandbox, the real MiniLM weights, a fresh HWFORGE_HOME.
/// </summary>
public sealed class CoreOptimizeCommandTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    [Fact]
    public async Task I_can_optimize_one_op_see_the_winner_in_core_kernels_embed_on_it_and_reset_to_the_shipped_sets()
    {
        var run = await _hwforge.RunAsync(["core", "optimize", "--op", "gelu", "--offline", "--json"], timeout: TimeSpan.FromMinutes(6));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("end to end", run.Error); // progress goes to stderr, the report alone to stdout
        using (var report = JsonDocument.Parse(run.Output))
        {
            var root = report.RootElement;
            Assert.True(root.GetProperty("applied").GetBoolean());
            var candidates = root.GetProperty("candidates").EnumerateArray().ToList();
            Assert.Contains(candidates, c => c.GetProperty("choice").GetProperty("set").GetString() == "native");
            Assert.All(candidates, c => Assert.Equal("correct", c.GetProperty("verdict").GetString()));
            var winner = Assert.Single(root.GetProperty("winners").EnumerateArray());
            Assert.Equal("gelu", winner.GetProperty("op").GetString());
            // The winner is the fastest correct candidate: none beats its time.
            var best = candidates.Min(c => c.GetProperty("milliseconds").GetDouble());
            Assert.Equal(best, winner.GetProperty("milliseconds").GetDouble());
            Assert.True(root.GetProperty("endToEnd").GetProperty("miniLmWorstDifference").GetDouble() < 1e-4);
            Assert.True(File.Exists(Path.Combine(root.GetProperty("runFolder").GetString()!, "run.json")));
            var manifest = Path.Combine(_hwforge.Home, "core", "manifests", root.GetProperty("manifestHash").GetString() + ".json");
            Assert.True(File.Exists(manifest), $"no manifest at {manifest}");
        }

        var kernels = await _hwforge.RunAsync("core", "kernels", "--json");
        Assert.Equal(0, kernels.ExitCode);
        using (var k = JsonDocument.Parse(kernels.Output))
        {
            Assert.NotEqual(JsonValueKind.Null, k.RootElement.GetProperty("manifest").ValueKind);
            var gelu = k.RootElement.GetProperty("ops").EnumerateArray().Single(o => o.GetProperty("op").GetString() == "gelu");
            Assert.StartsWith("core optimize", gelu.GetProperty("origin").GetString());
            var matmul = k.RootElement.GetProperty("ops").EnumerateArray().Single(o => o.GetProperty("op").GetString() == "matMul");
            Assert.Equal("shipped", matmul.GetProperty("origin").GetString()); // not searched, so not changed
        }

        var embed = await _hwforge.RunAsync("core", "embed", "a 16-bit adder", "--kernels", "auto", "--json");
        Assert.True(embed.ExitCode == 0, embed.Error);
        using (var e = JsonDocument.Parse(embed.Output))
        {
            Assert.StartsWith("auto(", e.RootElement.GetProperty("kernels").GetString());
            Assert.Equal(384, e.RootElement.GetProperty("embedding").GetArrayLength());
        }

        var reset = await _hwforge.RunAsync("core", "reset");
        Assert.Equal(0, reset.ExitCode);
        var after = await _hwforge.RunAsync("core", "kernels", "--json");
        using var a = JsonDocument.Parse(after.Output);
        Assert.Equal(JsonValueKind.Null, a.RootElement.GetProperty("manifest").ValueKind);
        Assert.All(a.RootElement.GetProperty("ops").EnumerateArray(), o => Assert.Equal("shipped", o.GetProperty("origin").GetString()));
    }

    [Fact]
    public async Task I_can_embed_on_the_native_kernels_and_get_the_managed_sets_answer()
    {
        var native = await _hwforge.RunAsync("core", "embed", "a pipelined multiplier", "--kernels", "native", "--json");
        var managed = await _hwforge.RunAsync("core", "embed", "a pipelined multiplier", "--json");

        Assert.True(native.ExitCode == 0, native.Error);
        using JsonDocument n = JsonDocument.Parse(native.Output), m = JsonDocument.Parse(managed.Output);
        Assert.Equal("native", n.RootElement.GetProperty("kernels").GetString());
        var worst = n.RootElement.GetProperty("embedding").EnumerateArray().Zip(m.RootElement.GetProperty("embedding").EnumerateArray(),
            (x, y) => Math.Abs(x.GetDouble() - y.GetDouble())).Max();
        Assert.True(worst < 1e-4, $"native and managed embeddings differ by {worst}");
        Assert.Single(Directory.GetDirectories(Path.Combine(_hwforge.Home, "cache", "native")), d => File.Exists(Path.Combine(d, "libhwforge_kernels.so")));
    }

    [Fact]
    public async Task An_unknown_op_is_refused_with_the_ops_that_exist()
    {
        var run = await _hwforge.RunAsync("core", "optimize", "--op", "conv2d", "--offline");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--op takes one of MatMul, Add, LayerNorm", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task Asking_for_LLM_proposals_says_they_are_not_built_and_what_to_run_instead()
    {
        var run = await _hwforge.RunAsync("core", "optimize", "--llm-endpoint", "http://localhost:1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--offline", run.Error);
    }

    public void Dispose() => _hwforge.Dispose();
}
