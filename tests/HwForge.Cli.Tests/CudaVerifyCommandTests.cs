using System.Text.Json;

namespace HwForge.Cli.Tests;

/// <summary>
/// <c>hwforge verify KERNEL.cu --target cuda --spec problem.yaml --ref golden.cpp</c>: a kernel that matches on every
/// emulated call is "simulated, not proven" (exit 3, or 0 when the user accepts simulated), a faulty one fails with
/// exit 1 naming the check; --spec belongs to CUDA alone, and the other targets still need --top.
/// </summary>
public sealed class CudaVerifyCommandTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    private static string Example(string name, string file) => Path.Combine(FindRoot(), "examples", "cuda", name, file);

    [Fact]
    public async Task A_correct_kernel_is_simulated_not_proven_and_accepted_only_when_asked()
    {
        var run = await _hwforge.RunAsync("verify", Example("vector_add", "ref.cu"), "--target", "cuda", "--spec", Example("vector_add", "problem.yaml"),
            "--ref", Example("vector_add", "golden.cpp"), "--trials", "1", "--json");
        Assert.Equal(3, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("cuda", json.RootElement.GetProperty("target").GetString());
        Assert.Equal("pass", json.RootElement.GetProperty("verdict").GetString());
        Assert.Equal("simulated", json.RootElement.GetProperty("assurance").GetString());
        Assert.Contains("9 calls", json.RootElement.GetProperty("shown").GetString());
        // The problem's roofline bound comes with a pass, labelled an estimate, never a measured speed.
        var estimated = json.RootElement.GetProperty("estimated").GetString()!;
        Assert.Contains("N=4099: >= 31.63 ns (memory-bound)", estimated); // 12 × 4099 bytes at 1555 GB/s
        Assert.Contains("estimated (roofline, assumed A100-class)", estimated);
        Assert.Contains("not measured", estimated);

        var accepted = await _hwforge.RunAsync("verify", Example("vector_add", "ref.cu"), "--target", "cuda", "--spec", Example("vector_add", "problem.yaml"),
            "--ref", Example("vector_add", "golden.cpp"), "--trials", "1", "--accept", "simulated");
        Assert.Equal(0, accepted.ExitCode);
        Assert.StartsWith("ACCEPTED (simulated)", accepted.Output);
        Assert.Contains("  estimated: N=1: >= ", accepted.Output);
        Assert.DoesNotContain("VERIFIED", accepted.Output);
    }

    [Fact]
    public async Task A_kernel_that_leaves_the_edge_unwritten_fails_with_exit_one_naming_the_check()
    {
        var run = await _hwforge.RunAsync("verify", Example("vector_add", "fault-grid-rounded-down.cu"), "--target", "cuda", "--spec", Example("vector_add", "problem.yaml"),
            "--ref", Example("vector_add", "golden.cpp"), "--trials", "1");
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("FAIL", run.Output);
        Assert.Contains("decided by: unwritten", run.Output);
        Assert.DoesNotContain("estimated:", run.Output); // a failed kernel is no kernel to estimate
        Assert.Contains("first mismatch: C[0] at N=1", run.Output);
    }

    [Fact]
    public async Task Spec_is_refused_for_another_target_and_top_is_still_required_there()
    {
        var hls = await _hwforge.RunAsync("verify", Example("vector_add", "ref.cu"), "--target", "hls", "--top", "solve", "--ref", Example("vector_add", "golden.cpp"),
            "--spec", Example("vector_add", "problem.yaml"));
        Assert.Equal(2, hls.ExitCode);
        Assert.Contains("--spec is an option of target cuda, not of target hls", hls.Error);

        var rtl = await _hwforge.RunAsync("verify", Example("vector_add", "ref.cu"), "--ref", Example("vector_add", "golden.cpp"));
        Assert.Equal(2, rtl.ExitCode);
        Assert.Contains("--top is required", rtl.Error);
    }

    [Fact]
    public async Task A_cuda_verify_without_a_problem_is_an_error_saying_what_to_give()
    {
        var run = await _hwforge.RunAsync("verify", Example("vector_add", "ref.cu"), "--target", "cuda", "--ref", Path.Combine(FindRoot(), "examples", "hls", "mac8", "ref.cpp"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("problem.yaml", run.Output + run.Error);
    }

    internal static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Agents.sln"))) return dir.FullName;
        throw new InvalidOperationException("Agents.sln not found");
    }

    public void Dispose() => _hwforge.Dispose();
}
