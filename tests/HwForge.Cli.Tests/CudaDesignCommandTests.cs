using System.Text.Json;

namespace HwForge.Cli.Tests;

/// <summary>
/// <c>hwforge design</c> for the CUDA target without an LLM: a spec naming the target picks a CUDA catalog family,
/// whose kernel variants are each judged on the CPU emulation; the run reports them as simulated, with no measured
/// speed, only the problem's roofline labelled as an estimate. Real g++ (and clang-19 where installed) in the sandbox.
/// </summary>
public sealed class CudaDesignCommandTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    private static string Spec(string name) => Path.Combine(FindRoot(), "examples", "cuda-specs", name);

    [Fact]
    public async Task An_offline_cuda_run_judges_the_catalog_variants_and_reports_them_as_simulated_and_untimed_with_the_roofline_as_an_estimate()
    {
        var folder = Path.Combine(_hwforge.Home, "vector-add-run");
        var run = await _hwforge.RunAsync("design", "--spec", Spec("vector_add.yaml"), "--candidates", "2", "--optimize", "0", "--trials", "1", "--out", folder, "--json");

        Assert.True(run.ExitCode == 3, run.Error);   // simulation only: not proven, so not 0 without --accept
        using var report = JsonDocument.Parse(run.Output);
        var root = report.RootElement;
        Assert.Equal("not-proven", root.GetProperty("status").GetString());
        Assert.Equal("simulated", root.GetProperty("assurance").GetString());
        Assert.Equal("vector_add", root.GetProperty("family").GetString());
        Assert.Contains("offline CUDA catalog", root.GetProperty("strategy").GetString());
        var candidates = root.GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(["variant=plain", "variant=grid-stride"], candidates.Select(c => c.GetProperty("parameters").GetString()));
        Assert.All(candidates, c =>
        {
            Assert.Equal("pass", c.GetProperty("verdict").GetString());
            Assert.Equal("simulated", c.GetProperty("assurance").GetString());
            var measurement = c.GetProperty("measurement");
            Assert.Empty(measurement.GetProperty("metrics").EnumerateObject());   // no speed without a GPU
            // The problem's roofline, one detail per size, labelled as an estimate wherever its unit is shown.
            // (Where nvcc is installed, ptxas's static figures per kernel come beside it, labelled static.)
            var details = measurement.GetProperty("details").EnumerateObject().Select(d => d.Name).ToList();
            Assert.Equal(["estimated_us N=1", "estimated_us N=1000", "estimated_us N=4099"], details.Where(d => d.StartsWith("estimated_us ", StringComparison.Ordinal)));
            Assert.All(details.Where(d => !d.StartsWith("estimated_us ", StringComparison.Ordinal)),
                d => Assert.EndsWith("static (ptxas sm_80)", measurement.GetProperty("units").GetProperty(d).GetString()));
            Assert.Equal("us estimated (roofline, assumed A100-class)", measurement.GetProperty("units").GetProperty("estimated_us N=4099").GetString());
            Assert.Contains("nothing measured", measurement.GetProperty("basis").GetString());
        });
        Assert.True(File.Exists(Path.Combine(folder, "final", "kernel.cu")));
        var markdown = File.ReadAllText(Path.Combine(folder, "report.md"));
        Assert.Contains("not timed", markdown);
        Assert.Contains("us estimated (roofline, assumed A100-class)", markdown);
        Assert.DoesNotContain("verified", markdown.Replace("unverified", ""));
    }

    [Fact]
    public async Task A_request_the_cuda_catalog_cannot_serve_is_refused_before_any_run_folder()
    {
        var spec = Path.Combine(_hwforge.Home, "fft.yaml");
        File.WriteAllText(spec, "target: cuda\nrequest: a radix-2 FFT\n");
        var folder = Path.Combine(_hwforge.Home, "fft-run");

        var run = await _hwforge.RunAsync("design", "--spec", spec, "--out", folder);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("vector_add, softmax_rows, gemm, rmsnorm", run.Error);
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
