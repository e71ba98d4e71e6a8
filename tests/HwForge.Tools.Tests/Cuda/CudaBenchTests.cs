using System.Security.Cryptography;
using System.Text.Json;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Targets.Cuda;
using HwForge.Tools.Targets.Cuda.Bench;

namespace HwForge.Tools.Tests.Cuda;

/// <summary>
/// <c>hwforge cuda bench</c>'s parts: the bundle built by the real nvcc (small, self-contained, runnable in a bare
/// sandbox, where it says there is no GPU), the runner's output judged (a timing faster than the memory bandwidth
/// allows is flagged, a mismatch cancels the speedup), and, on a GPU machine, a real timing.
/// </summary>
public sealed class CudaBenchTests(CudaHost cuda) : IClassFixture<CudaHost>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hwforge-bench-test-").FullName;

    private static string VectorAdd(string file) => Path.Combine(CudaHost.Example("vector_add"), file);

    private CudaBench Bench => new(cuda.Test.Host, cuda.Test.Versions);

    private static CudaProblem VectorAddProblem => CudaProblem.Parse(File.ReadAllText(VectorAdd(CudaProblem.FileName))).Problem!;

    [RequiresNvccFact]
    public async Task A_bundle_is_small_self_contained_and_runs_in_a_bare_sandbox_where_it_finds_no_gpu()
    {
        var bundleFolder = Path.Combine(_folder, "bundle");
        var report = await Bench.RunAsync(new CudaBenchRequest(VectorAdd("grid-stride.cu"), VectorAdd("ref.cu"), VectorAdd(CudaProblem.FileName))
        {
            Sizes = ["N=1048576", "N=1000"],
            BundleFolder = bundleFolder,
        }, null, CancellationToken.None);

        if (!CudaBench.GpuPresent)
        {
            Assert.Equal(3, report.Exit);   // built, not timed
            Assert.False(report.Timed);
            Assert.Contains("no GPU here", report.Summary);
        }
        Assert.InRange(report.BundleBytes!.Value, 1, CudaBundle.MaxBytes);
        // The manifest names every file with its hash; the runner's matches what is on disk.
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(bundleFolder, CudaBundle.ManifestFile)));
        var runner = File.ReadAllBytes(Path.Combine(bundleFolder, CudaBundle.RunnerFile));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(runner)),
            manifest.RootElement.GetProperty("files").GetProperty(CudaBundle.RunnerFile).GetProperty("sha256").GetString());
        Assert.True(File.Exists(Path.Combine(bundleFolder, "src", "kernel.cu")));
        Assert.True(File.GetUnixFileMode(Path.Combine(bundleFolder, CudaBundle.RunScript)).HasFlag(UnixFileMode.UserExecute));

        // In a sandbox holding nothing but /usr and the runner (no GPU nodes, even on a GPU machine): it starts (the
        // CUDA runtime is inside it) and says there is no device, in its JSON, with exit 3.
        var run = await cuda.Test.Host.RunAsync(new ToolStep("bench-runner-test", "1", new ToolInvocation("sh", ["-c", "chmod +x runner; ./runner > out.json; echo $? > status"]))
        {
            Inputs = [new InputFile("runner", runner)],
            Outputs = ["out.json", "status"],
            Cacheable = false,
        });
        Assert.Equal("3", run.OutputText("status")?.Trim());
        var result = CudaBenchResult.Parse(run.OutputText("out.json")!, VectorAddProblem);
        Assert.False(result.Timed);
        Assert.StartsWith("no CUDA device", result.Error);
    }

    [RequiresNvccFact]
    public async Task A_kernel_nvcc_refuses_fails_the_bench_naming_the_kernel()
    {
        var broken = Path.Combine(_folder, "broken.cu");
        File.WriteAllText(broken, """
            __global__ void vector_add(const float* A, const float* B, float* C, int N) { C[0] = undeclared; }
            void solve(const float* A, const float* B, float* C, int N) { vector_add<<<1, 1>>>(A, B, C, N); }
            """);

        var report = await Bench.RunAsync(new CudaBenchRequest(broken, VectorAdd("ref.cu"), VectorAdd(CudaProblem.FileName)), null, CancellationToken.None);

        Assert.Equal(1, report.Exit);
        Assert.StartsWith("the kernel did not build with nvcc", report.Summary);
        Assert.Contains("undeclared", report.Summary);
    }

    [Fact]
    public async Task A_kernel_outside_the_cuda_surface_is_refused_before_anything_is_built()
    {
        var hostile = Path.Combine(_folder, "hostile.cu");
        File.WriteAllText(hostile, "#include <cstdio>\n" + File.ReadAllText(VectorAdd("ref.cu")));

        var report = await Bench.RunAsync(new CudaBenchRequest(hostile, VectorAdd("ref.cu"), VectorAdd(CudaProblem.FileName)), null, CancellationToken.None);

        Assert.Equal(1, report.Exit);
        Assert.Contains("#include <cstdio>", report.Summary);
    }

    [Theory]
    [InlineData("N=0", "whole numbers, at least 1")]
    [InlineData("M=5", "expected NAME=COUNT pairs for N")]
    [InlineData("N=12,", null)]
    public async Task Sizes_are_read_as_the_problem_names_them(string size, string? error)
    {
        var report = await Bench.RunAsync(new CudaBenchRequest(VectorAdd("ref.cu"), VectorAdd("ref.cu"), VectorAdd(CudaProblem.FileName))
        {
            Sizes = [size],
            ResultFile = Path.Combine(_folder, "none.json"),   // stop before building: only the sizes are read
        }, null, CancellationToken.None);

        Assert.Equal(2, report.Exit);
        Assert.Contains(error ?? "none.json: no such file", report.Summary);
    }

    [Fact]
    public void A_timing_faster_than_the_memory_bandwidth_allows_is_flagged_and_a_mismatch_cancels_the_speedup()
    {
        // What a runner prints (hwforge_cuda_bench.h): N=1048576 moves 12 MiB, at least 6.17 us at 2039 GB/s.
        const string Output = """
            {"device": {"name": "NVIDIA A100-SXM4-40GB", "compute_capability": "8.0", "sms": 108, "sm_clock_mhz": 1410, "l2_bytes": 41943040, "memory_bandwidth_gbs": 2039.0, "driver": 12020, "runtime": 11080},
             "repeats": 100, "warmup": 10, "l2_flush_bytes": 83886080,
             "sizes": [
              {"size": "N=1048576", "kernel": {"median_us": 2.000, "min_us": 1.9, "p10_us": 1.95, "p90_us": 2.1, "timings": 100, "mismatches": 0, "first_mismatch": ""}, "baseline": {"median_us": 9.000, "min_us": 8.5, "p10_us": 8.7, "p90_us": 9.4, "timings": 100, "mismatches": 0, "first_mismatch": ""}},
              {"size": "N=1000", "kernel": {"median_us": 3.000, "min_us": 2.9, "p10_us": 2.95, "p90_us": 3.1, "timings": 100, "mismatches": 7, "first_mismatch": "C[999]: expected 0.5, got nan"}, "baseline": {"median_us": 4.000, "min_us": 3.9, "p10_us": 3.95, "p90_us": 4.1, "timings": 100, "mismatches": 0, "first_mismatch": ""}}
             ], "exit": 1}
            """;
        var result = CudaBenchResult.Parse(Output, VectorAddProblem);

        Assert.True(result.Timed);
        var (large, small) = (result.Sizes[0], result.Sizes[1]);
        Assert.Equal(4.5, large.Speedup, 3);
        Assert.Equal(12.0 * 1048576 / 2039e3, large.BandwidthBoundUs!.Value, 3);
        Assert.True(large.BeyondRoofline);
        Assert.False(small.BeyondRoofline);   // 12 kB: 0.006 us, far below 3 us
        Assert.False(small.Matched);
        var lines = string.Join("\n", result.Describe());
        Assert.Contains("FLAGGED: faster than the device's memory bandwidth allows", lines);
        Assert.Contains("MISMATCH on 7 timed calls (C[999]: expected 0.5, got nan): the speedup does not count", lines);
        Assert.Contains("measured on NVIDIA A100-SXM4-40GB", lines);
    }

    [Fact]
    public void Output_that_is_not_the_runners_json_is_an_error_not_a_timing()
    {
        var result = CudaBenchResult.Parse("Segmentation fault", VectorAddProblem);

        Assert.False(result.Timed);
        Assert.Contains("not the JSON it writes", result.Error);
    }

    [RequiresGpuFact]
    public async Task On_a_gpu_the_reference_timed_against_itself_matches_with_a_speedup_near_one()
    {
        var report = await Bench.RunAsync(new CudaBenchRequest(VectorAdd("ref.cu"), VectorAdd("ref.cu"), VectorAdd(CudaProblem.FileName))
        {
            Sizes = ["N=1000", "N=4194304"],
        }, null, CancellationToken.None);

        Assert.True(report.Timed, report.Summary);
        Assert.Equal(0, report.Exit);
        var result = (CudaBenchResult)report.Result!;
        Assert.All(result.Sizes, s => Assert.True(s.Matched));
        Assert.All(result.Sizes, s => Assert.Equal(100, s.Kernel.Timings));
        Assert.InRange(result.Sizes[1].Speedup, 0.5, 2.0);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
