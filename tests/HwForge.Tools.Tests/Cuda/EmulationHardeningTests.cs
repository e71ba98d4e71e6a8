using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Cuda;

namespace HwForge.Tools.Tests.Cuda;

/// <summary>
/// The judge's own hardening: the candidate's two sanitized runs in separate sandboxes, ThreadSanitizer on every
/// call (not only the first at each size), and blocks scheduled so that any two of a grid can meet.
/// </summary>
public sealed class EmulationHardeningTests(CudaHost cuda) : IClassFixture<CudaHost>
{
    private const string VectorAdd = """
        #include <cuda_runtime.h>
        __global__ void vector_add(const float* A, const float* B, float* C, int N) {
            int i = blockIdx.x * blockDim.x + threadIdx.x;
            if (i < N) C[i] = A[i] + B[i];
        }
        void solve(const float* A, const float* B, float* C, int N) { vector_add<<<(N + 255) / 256, 256>>>(A, B, C, N); }
        """;

    [Fact]
    public async Task The_address_and_thread_sanitized_runs_do_not_share_a_work_folder()
    {
        // Whichever run comes second in a shared folder finds the file the first one left and stops.
        const string leaves = """
            #include <cstdio>
            #include <cstdlib>
            static int left_behind = [] {
                if (std::FILE* f = std::fopen("left-behind", "r")) { std::fclose(f); std::abort(); }
                if (std::FILE* f = std::fopen("left-behind", "w")) { std::fputs("from the other run", f); std::fclose(f); }
                return 0;
            }();

            """;
        var (problem, error) = CudaProblem.Parse(File.ReadAllText(Path.Combine(CudaHost.Example("vector_add"), CudaProblem.FileName)));
        Assert.True(problem is not null, error);
        var (emulated, unreadable) = CudaSource.ForEmulation(leaves + VectorAdd);
        Assert.True(emulated is not null, unreadable);
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));

        var result = await new CudaSideRunner(cuda.Test.Host, cuda.Test.Versions).RunAsync("kernel", $"{SourceFile.Folder}/kernel.cu", emulated!, "solve",
            problem!, device: true, trials: 1, seed: 1, TimeSpan.FromSeconds(60), limit.Token);

        Assert.True(result.Side.Compiled, result.Side.CompilerMessages);
        Assert.Equal([CudaSideRunner.Address, CudaSideRunner.Thread], result.Side.Runs.Select(r => r.Build));
        Assert.All(result.Side.Runs, r => Assert.True(r.ExitCode == 0 && r.Ended, $"{r.Build}: exit {r.ExitCode}\n{r.Stderr}"));
    }

    [Fact]
    public async Task A_race_that_only_large_inputs_take_is_found_by_the_thread_sanitized_run()
    {
        // On large inputs each thread also writes its neighbour's element: the same value, so every sum is right,
        // but two threads write one element with nothing between them. Range inputs (|A| <= 1) never take that path.
        var racy = VectorAdd.Replace("if (i < N) C[i] = A[i] + B[i];",
            "if (i >= N) return;\n    C[i] = A[i] + B[i];\n    if (fabsf(A[0]) > 2.0f && i + 1 < N) C[i + 1] = A[i + 1] + B[i + 1];");
        Assert.NotEqual(VectorAdd, racy);

        var verdict = await cuda.VerifyTextAsync("vector_add", "#include <cmath>\n" + racy, trials: 2);

        Assert.Equal(Verdict.Fail, verdict.Verdict);
        var report = (CudaReport)verdict.Report;
        Assert.Equal(CudaCheck.Race, report.Check);
        Assert.Contains("large inputs", verdict.Summary);
    }
}
