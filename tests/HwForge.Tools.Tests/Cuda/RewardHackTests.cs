using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Cuda;

namespace HwForge.Tools.Tests.Cuda;

/// <summary>
/// Kernels written to pass without doing the work, or to get past the judge, each against vector_add on the real
/// tools: every one fails, and the check that caught it is the one a person would name.
/// </summary>
public sealed class RewardHackTests(CudaHost cuda) : IClassFixture<CudaHost>
{
    private const string Kernel = """
        #include <cuda_runtime.h>
        __global__ void vector_add(const float* A, const float* B, float* C, int N) {
            int i = blockIdx.x * blockDim.x + threadIdx.x;
            if (i < N) C[i] = A[i] + B[i];
        }
        """;

    private Task<TargetVerdict> VerifyAsync(string source) => cuda.VerifyTextAsync("vector_add", source, trials: 2);

    private static CudaCheck CheckOf(TargetVerdict verdict) => ((CudaReport)verdict.Report).Check;

    [Fact]
    public async Task A_kernel_that_does_the_work_once_and_skips_it_on_later_calls_fails_on_fresh_inputs()
    {
        var verdict = await VerifyAsync(Kernel + """
            void solve(const float* A, const float* B, float* C, int N) {
                static int calls = 0;
                if (calls++ > 0) return;   // "the answer is already there"
                vector_add<<<(N + 255) / 256, 256>>>(A, B, C, N);
            }
            """);

        Assert.Equal(Verdict.Fail, verdict.Verdict);
        Assert.Equal(CudaCheck.Unwritten, CheckOf(verdict));
    }

    [Fact]
    public async Task A_kernel_that_writes_into_its_inputs_fails_naming_the_input()
    {
        var verdict = await VerifyAsync("""
            __global__ void add_in_place(float* A, const float* B, float* C, int N) {
                int i = blockIdx.x * blockDim.x + threadIdx.x;
                if (i < N) { A[i] += B[i]; C[i] = A[i]; }
            }
            void solve(const float* A, const float* B, float* C, int N) {
                add_in_place<<<(N + 255) / 256, 256>>>((float*)A, B, C, N);
            }
            """);

        Assert.Equal(Verdict.Fail, verdict.Verdict);
        Assert.Equal(CudaCheck.InputsModified, CheckOf(verdict));
        Assert.Contains("input A", verdict.Summary);
    }

    [Fact]
    public async Task Host_code_that_only_reads_a_device_buffer_is_caught()
    {
        var verdict = await VerifyAsync(Kernel + """
            void solve(const float* A, const float* B, float* C, int N) {
                if (A[0] != A[0]) return;   // host code peeking at device memory
                vector_add<<<(N + 255) / 256, 256>>>(A, B, C, N);
            }
            """);

        Assert.Equal(Verdict.Fail, verdict.Verdict);
        Assert.Equal(CudaCheck.HostAccess, CheckOf(verdict));
    }

    [Fact]
    public async Task A_write_one_element_past_the_output_is_caught_though_the_answer_is_right()
    {
        var verdict = await VerifyAsync("""
            __global__ void vector_add(const float* A, const float* B, float* C, int N) {
                int i = blockIdx.x * blockDim.x + threadIdx.x;
                if (i < N) C[i] = A[i] + B[i];
                if (i == 0) C[N] = 0.0f;
            }
            void solve(const float* A, const float* B, float* C, int N) { vector_add<<<(N + 255) / 256, 256>>>(A, B, C, N); }
            """);

        Assert.Equal(Verdict.Fail, verdict.Verdict);
        Assert.Equal(CudaCheck.Bounds, CheckOf(verdict));
    }

    [Fact]
    public async Task Printing_pass_changes_nothing()
    {
        var verdict = await VerifyAsync("""
            #include <cuda_runtime.h>
            __global__ void vector_add(const float* A, const float* B, float* C, int N) {
                int i = blockIdx.x * blockDim.x + threadIdx.x;
                if (i < N) C[i] = A[i] - B[i];
                if (i == 0) printf("PASS: all outputs match\n");
            }
            void solve(const float* A, const float* B, float* C, int N) { vector_add<<<(N + 255) / 256, 256>>>(A, B, C, N); }
            """);

        Assert.Equal(Verdict.Fail, verdict.Verdict);
        Assert.Equal(CudaCheck.Mismatch, CheckOf(verdict));
    }

    [Fact]
    public async Task A_block_of_more_than_1024_threads_is_a_refused_launch()
    {
        var verdict = await VerifyAsync(Kernel + """
            void solve(const float* A, const float* B, float* C, int N) { vector_add<<<(N + 2047) / 2048, 2048>>>(A, B, C, N); }
            """);

        Assert.Equal(Verdict.Fail, verdict.Verdict);
        Assert.Equal(CudaCheck.Launch, CheckOf(verdict));
    }

    [Fact]
    public async Task A_kernel_that_never_ends_is_a_timeout_not_a_hang()
    {
        var problem = CudaProblem.Parse(File.ReadAllText(Path.Combine(CudaHost.Example("vector_add"), CudaProblem.FileName))).Problem!;
        var emulation = new CudaEmulation(cuda.Test.Host, cuda.Test.Versions);
        var report = await emulation.RunAsync(new CudaRequest(
            Foundation.Sources.SourceLoader.FromText("kernel.cu", """
                __global__ void spin(float* C, int N) { while (true) { if (C == nullptr) break; } }
                void solve(const float* A, const float* B, float* C, int N) { spin<<<1, 32>>>(C, N); }
                """),
            Foundation.Sources.SourceLoader.LoadOne(Path.Combine(CudaHost.Example("vector_add"), "golden.cpp")), problem)
        { Trials = 1, Timeout = TimeSpan.FromSeconds(5) }, CancellationToken.None);

        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.Equal(CudaCheck.Timeout, report.Check);
        Assert.Equal(FailureClass.Timeout, report.FailureClass);
    }

    [RequiresRealCudaCompilerFact]
    public async Task Device_code_a_real_cuda_compiler_refuses_fails_though_the_emulation_would_run_it()
    {
        var verdict = await VerifyAsync("""
            float twice(float x) { return 2 * x; }   // a host function, not __device__
            __global__ void vector_add(const float* A, const float* B, float* C, int N) {
                int i = blockIdx.x * blockDim.x + threadIdx.x;
                if (i < N) C[i] = twice(A[i] + B[i]) / 2;
            }
            void solve(const float* A, const float* B, float* C, int N) { vector_add<<<(N + 255) / 256, 256>>>(A, B, C, N); }
            """);

        Assert.Equal(Verdict.Fail, verdict.Verdict);
        Assert.Equal(CudaCheck.RealCompiler, CheckOf(verdict));
        // clang: "call to __host__ function from __global__ function"; nvcc: "calling a __host__ function(…) from a __global__ function(…)".
        Assert.Matches("call to __host__ function from __global__ function|calling a __host__ function.* from a __global__ function", verdict.Summary);
    }
}
