using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Cuda;

namespace HwForge.Tools.Tests.Cuda;

/// <summary>The checks made on a candidate's text before anything runs, and the rewrite the emulation compiles (no tools needed).</summary>
public sealed class CudaSourceTests
{
    private const string Launching = """
        __global__ void k(float* x) { x[threadIdx.x] = 1; }
        void solve(float* x) { k<<<1, 32>>>(x); }
        """;

    [Theory]
    [InlineData("#include <cstdio>\n", "#include <cstdio>")]
    [InlineData("#include <fstream>\n", "#include <fstream>")]
    [InlineData("static int f() { exit(0); }\n", "exit")]
    [InlineData("static const char* p() { return getenv(\"HOME\"); }\n", "getenv")]
    [InlineData("namespace hwforge_judge { int forged; }\n", "hwforge_judge")]
    [InlineData("static void t() { asm(\"nop\"); }\n", "asm")]
    [InlineData("__attribute__((constructor)) static void early() {}\n", "__attribute__")]
    [InlineData("static void s() { cudaMallocManaged((void**)0, 4); }\n", "cudaMallocManaged")]
    [InlineData("static void e() { cudaEventRecord(0); }\n", "cudaEventRecord")]
    public void Reaching_outside_the_cuda_surface_is_refused_naming_what(string prefix, string named)
    {
        var problem = CudaSource.Check(prefix + Launching, "solve");

        Assert.NotNull(problem);
        Assert.Equal(FailureClass.ForbiddenConstruct, problem.FailureClass);
        Assert.Contains(named, problem.Message);
    }

    [Fact]
    public void A_variable_named_like_a_forbidden_function_is_fine()
    {
        Assert.Null(CudaSource.Check("__global__ void k(float* x, int time) { x[time] = 1; }\nvoid solve(float* x) { k<<<1, 32>>>(x, 0); }\n", "solve"));
    }

    [Fact]
    public void A_source_without_a_kernel_a_launch_or_the_entry_is_refused()
    {
        Assert.Contains("__global__", CudaSource.Check("void solve(float* x) { x[0] = 1; }", "solve")!.Message);
        Assert.Contains("launched", CudaSource.Check("__global__ void k(float* x) {}\nvoid solve(float* x) { }\n", "solve")!.Message);
        Assert.Equal(FailureClass.MissingPort, CudaSource.Check(Launching, "run")!.FailureClass);
    }

    [Fact]
    public void Launches_and_shared_declarations_are_rewritten_in_place_keeping_every_line()
    {
        const string source = """
            template <int T> __global__ void k(float* x) {
                __shared__ float tile[T][T + 1], row[T];
                extern __shared__ float dyn[];
                x[0] = tile[0][0] + row[0] + dyn[0];
            }
            void solve(float* x) {
                k<16><<<dim3(1, 2), 32, 64>>>(x);
                ns::other <<< 1,
                    1 >>> (x);
            }
            """;

        var (text, problem) = CudaSource.ForEmulation(source);

        Assert.Null(problem);
        Assert.Contains("auto& tile = ::hwforge::shared<float[T][T+1]>(1); auto& row = ::hwforge::shared<float[T]>(2);", text);
        Assert.Contains("float* dyn = ::hwforge::dynamic_shared<float>();", text);
        Assert.Contains("::hwforge::launch(k<16>, dim3(1, 2), 32, 64)(x);", text);
        Assert.Contains("::hwforge::launch(ns::other ,  1,\n        1 ) (x);", text);
        Assert.Equal(source.Split('\n').Length, text!.Split('\n').Length);
    }

    [Fact]
    public void A_shared_variable_at_file_scope_is_refused_with_what_to_do()
    {
        var (_, problem) = CudaSource.ForEmulation("__shared__ float s[32];\n" + Launching);

        Assert.Contains("declare it inside the kernel", problem);
    }
}
