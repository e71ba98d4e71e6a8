using System.Text.Json;
using HwForge.Tools.Programs;

namespace HwForge.Cli.Tests;

/// <summary>
/// <c>hwforge cuda bench</c> from the command line: on a machine without a GPU the bundle is built by the real nvcc
/// and written, nothing is timed, and the exit code (3) and the JSON say so; bad sizes are usage errors (2).
/// </summary>
public sealed class CudaBenchCommandTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("hwforge-bench-cli-").FullName;

    private static string Example(string file) => Path.Combine(CudaVerifyCommandTests.FindRoot(), "examples", "cuda", "vector_add", file);

    [NvccWithoutGpuFact]
    public async Task Without_a_gpu_the_bundle_is_written_and_nothing_is_timed()
    {
        var bundle = Path.Combine(_folder, "bundle");

        var run = await _hwforge.RunAsync("cuda", "bench", Example("grid-stride.cu"), "--baseline", Example("ref.cu"), "--spec", Example("problem.yaml"),
            "--size", "N=65536", "--bundle", bundle, "--json");

        Assert.Equal(3, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.False(json.RootElement.GetProperty("timed").GetBoolean());
        Assert.Equal(Path.GetFullPath(bundle), json.RootElement.GetProperty("bundle").GetString());
        Assert.True(File.Exists(Path.Combine(bundle, "runner")));
        Assert.Contains("no GPU here", json.RootElement.GetProperty("summary").GetString());

        var text = await _hwforge.RunAsync("cuda", "bench", Example("grid-stride.cu"), "--baseline", Example("ref.cu"), "--spec", Example("problem.yaml"), "--size", "N=65536");
        Assert.Equal(3, text.ExitCode);
        Assert.StartsWith("NOT TIMED: built, not timed: no GPU here", text.Output);
        Assert.Contains("--bundle DIR", text.Output);
    }

    [Fact]
    public async Task A_size_the_problem_does_not_name_is_a_usage_error()
    {
        var run = await _hwforge.RunAsync("cuda", "bench", Example("ref.cu"), "--baseline", Example("ref.cu"), "--spec", Example("problem.yaml"), "--size", "K=3");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--size K=3: expected NAME=COUNT pairs for N", run.Error);
    }

    public void Dispose()
    {
        _hwforge.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>Reported skipped, by name, where nvcc is missing or where a GPU is present (the bench would time there; HwForge.Tools.Tests' GPU test covers it).</summary>
public sealed class NvccWithoutGpuFactAttribute : FactAttribute
{
    public NvccWithoutGpuFactAttribute()
    {
        if (ToolVersions.FindOnPath("nvcc") is null) Skip = "needs nvcc, not found on PATH: run sandbox/install-toolchain.sh (Debian package nvidia-cuda-toolkit)";
        else if (File.Exists("/dev/nvidiactl") && File.Exists("/dev/nvidia0")) Skip = "this machine has a GPU: the bench would time there, which HwForge.Tools.Tests' GPU test covers";
    }
}
