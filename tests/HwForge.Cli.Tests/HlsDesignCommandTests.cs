using System.Text.Json;

namespace HwForge.Cli.Tests;

/// <summary>
/// <c>hwforge design</c> for the HLS target without an LLM: a spec naming the target and a request picks an HLS catalog
/// family, whose pragma variants are C-simulated, co-simulated against their RTL and measured on it; a request the
/// catalog cannot serve is refused before a run folder exists. Real g++, Verilator, Yosys and OpenSTA.
/// </summary>
public sealed class HlsDesignCommandTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    private static string Spec(string name) => Path.Combine(FindRoot(), "examples", "hls-specs", name);

    [Fact]
    public async Task An_offline_hls_run_ends_with_a_kernel_its_co_simulated_rtl_and_measured_latency_reported_as_simulated()
    {
        var folder = Path.Combine(_hwforge.Home, "fir-run");
        var run = await _hwforge.RunAsync("design", "--spec", Spec("fir.yaml"), "--candidates", "2", "--optimize", "0", "--calls", "200", "--out", folder, "--json");

        Assert.True(run.ExitCode == 3, run.Error);   // simulation only: not proven, so not 0 without --accept
        using var report = JsonDocument.Parse(run.Output);
        Assert.Equal("not-proven", report.RootElement.GetProperty("status").GetString());
        Assert.Equal("simulated", report.RootElement.GetProperty("assurance").GetString());
        Assert.Equal("fir", report.RootElement.GetProperty("family").GetString());
        Assert.Contains("offline HLS catalog", report.RootElement.GetProperty("strategy").GetString());
        Assert.True(File.Exists(Path.Combine(folder, "final", "kernel.cpp")));
        Assert.True(File.Exists(Path.Combine(folder, "final", "fir.v")));
        var markdown = File.ReadAllText(Path.Combine(folder, "report.md"));
        Assert.Contains("RTL co-simulation", markdown);
        Assert.Contains("estimated latency", markdown);
        Assert.DoesNotContain("verified", markdown.Replace("unverified", ""));
    }

    [Fact]
    public async Task A_request_the_hls_catalog_cannot_serve_is_refused_before_any_run_folder()
    {
        var spec = Path.Combine(_hwforge.Home, "uart.yaml");
        File.WriteAllText(spec, "target: hls\nrequest: a UART transmitter\n");
        var folder = Path.Combine(_hwforge.Home, "uart-run");

        var run = await _hwforge.RunAsync("design", "--spec", spec, "--out", folder);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("fir, gemm_tile, softmax_row", run.Error);
        Assert.Contains("HWFORGE_LLM_ENDPOINT", run.Error);
        Assert.False(Directory.Exists(folder));
    }

    public void Dispose() => _hwforge.Dispose();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Agents.sln"))) return dir.FullName;
        throw new InvalidOperationException("Agents.sln not found");
    }
}
