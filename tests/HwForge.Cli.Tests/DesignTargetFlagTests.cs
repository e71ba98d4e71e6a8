using System.Text.Json;

namespace HwForge.Cli.Tests;

/// <summary>
/// <c>hwforge design "REQUEST" --target NAME</c>: a request in words reaches the named target's offline catalog (HLS
/// here: real g++, Verilator, Yosys and OpenSTA), the default stays RTL, and a target name that is not one, or a
/// target no offline catalog answers, is refused before any run folder exists, saying what to do.
/// </summary>
public sealed class DesignTargetFlagTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    [Theory]
    [InlineData("a 4-tap FIR filter of int8 samples", "fir", "fir.v")]
    [InlineData("an int8 GEMM tile", "gemm_tile", "gemm_tile.v")]
    [InlineData("softmax of a row of logits", "softmax_row", "softmax_row.v")]
    [InlineData("an 8-bit dot product of length 4", "dot", "dot.v", "8")]
    [InlineData("a pipelined 12-bit MAC", "mac", "mac.v", "12")]
    public async Task A_request_in_words_with_target_hls_reaches_the_hls_catalog_offline(string request, string family, string rtl, string? width = null)
    {
        var folder = Path.Combine(_hwforge.Home, family);

        // Synthesis of the RTL takes a minute or two on a loaded two-core machine: more than the default three minutes allow.
        var run = await _hwforge.RunAsync(["design", request, "--target", "hls", "--candidates", "1", "--optimize", "0", "--calls", "50", "--out", folder, "--json"],
            timeout: TimeSpan.FromMinutes(8));

        Assert.True(run.ExitCode == 3, run.Error);   // co-simulation is simulation: not proven
        using var report = JsonDocument.Parse(run.Output);
        Assert.Equal("hls", report.RootElement.GetProperty("target").GetString());
        Assert.Equal(family, report.RootElement.GetProperty("family").GetString());
        Assert.Equal("simulated", report.RootElement.GetProperty("assurance").GetString());
        Assert.True(File.Exists(Path.Combine(folder, "final", "kernel.cpp")));
        Assert.True(File.Exists(Path.Combine(folder, "final", rtl)));
        if (width is not null) Assert.Equal(width, report.RootElement.GetProperty("parameters").GetProperty("width").GetString());
    }

    [Fact]
    public async Task Without_target_a_request_is_an_rtl_design_and_target_rtl_says_the_same()
    {
        // A request the RTL catalog refuses shows which target answered without running a design.
        var plain = await _hwforge.RunAsync("design", "softmax of a row of logits", "--out", Path.Combine(_hwforge.Home, "a"));
        var rtl = await _hwforge.RunAsync("design", "softmax of a row of logits", "--target", "rtl", "--out", Path.Combine(_hwforge.Home, "b"));

        Assert.Equal(2, plain.ExitCode);
        Assert.Equal(plain.Error, rtl.Error);
        Assert.DoesNotContain("HLS", plain.Error);
        Assert.False(Directory.Exists(Path.Combine(_hwforge.Home, "a")));
    }

    [Fact]
    public async Task An_unknown_target_is_refused_listing_the_targets()
    {
        var folder = Path.Combine(_hwforge.Home, "vhdl");

        var run = await _hwforge.RunAsync("design", "a 4-tap FIR filter", "--target", "vhdl", "--out", folder);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no target 'vhdl'; the targets are rtl, hls, cuda", run.Error);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task A_cuda_request_the_offline_cuda_catalog_does_not_hold_is_refused_naming_what_it_holds()
    {
        var folder = Path.Combine(_hwforge.Home, "cuda");

        var run = await _hwforge.RunAsync("design", "a UART transmitter", "--target", "cuda", "--out", folder);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("the offline CUDA catalog holds", run.Error);
        Assert.Contains("LLM", run.Error);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task A_cuda_request_in_words_reaches_the_cuda_catalog_and_ends_simulated_not_verified()
    {
        var folder = Path.Combine(_hwforge.Home, "softmax");

        var run = await _hwforge.RunAsync(["design", "a softmax over the rows of a matrix", "--target", "cuda", "--candidates", "1", "--out", folder], timeout: TimeSpan.FromMinutes(8));

        Assert.Equal(3, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(folder, "final", "kernel.cu")), run.Output + run.Error);
        // "unverified" is what it says; "verified" alone would claim a proof.
        Assert.DoesNotMatch(@"(?i)(?<![a-z])verified", File.ReadAllText(Path.Combine(folder, "report.md")));
    }

    [Fact]
    public async Task A_target_that_disagrees_with_the_spec_file_is_refused()
    {
        var spec = _hwforge.WriteFile("fir.yaml", "target: hls\nrequest: a 4-tap FIR filter\n");

        var run = await _hwforge.RunAsync("design", "--spec", spec, "--target", "rtl", "--out", Path.Combine(_hwforge.Home, "x"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--target rtl disagrees with the spec file, whose target is hls", run.Error);
    }

    [Fact]
    public async Task A_hls_option_is_taken_with_target_hls_and_refused_without_it()
    {
        var refused = await _hwforge.RunAsync("design", "a 4-tap FIR filter", "--calls", "50", "--out", Path.Combine(_hwforge.Home, "y"));

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("the rtl target has no option 'calls'", refused.Error);
    }

    public void Dispose() => _hwforge.Dispose();
}
