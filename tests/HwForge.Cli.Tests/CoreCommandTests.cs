using System.Text.Json;

namespace HwForge.Cli.Tests;

/// <summary><c>hwforge core</c>: the inference core, run as a user runs it (the real binary, the real MiniLM weights).</summary>
public sealed class CoreCommandTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    [Fact]
    public async Task I_can_embed_a_sentence_and_read_a_unit_length_384_dimension_vector()
    {
        var run = await _hwforge.RunAsync("core", "embed", "a 16-bit ripple-carry adder", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var vector = json.RootElement.GetProperty("embedding").EnumerateArray().Select(e => e.GetDouble()).ToList();
        Assert.Equal(384, vector.Count);
        Assert.Equal(1.0, Math.Sqrt(vector.Sum(x => x * x)), 4);
        Assert.StartsWith("simd", json.RootElement.GetProperty("kernels").GetString());
    }

    [Fact]
    public async Task An_unknown_kernel_set_is_refused_with_the_names_that_exist()
    {
        var run = await _hwforge.RunAsync("core", "embed", "x", "--kernels", "cuda");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("reference | simd512 | simd256", run.Error);
    }

    public void Dispose() => _hwforge.Dispose();
}
