using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Cuda;

namespace HwForge.Tools.Tests.Cuda;

/// <summary>
/// Each kernel's registers, spills and shared memory as ptxas reports them (nvcc in the sandbox), shown as static
/// figures beside the verdict, never as a speed.
/// </summary>
public sealed class KernelResourceTests(CudaHost cuda) : IClassFixture<CudaHost>
{
    [RequiresNvccFact]
    public async Task A_tiled_gemm_is_shown_with_its_registers_and_the_shared_memory_its_two_tiles_take()
    {
        var verdict = await cuda.VerifyAsync("gemm", "tiled.cu");

        Assert.Equal(Verdict.Pass, verdict.Verdict);
        var compiled = ((CudaReport)verdict.Report).RealCompiler!;
        Assert.StartsWith("nvcc ", compiled.Compiler);
        var kernel = Assert.Single(compiled.Resources);
        Assert.Equal("gemm_tiled", kernel.Kernel);
        Assert.Equal(2 * 16 * 16 * sizeof(float), kernel.SharedBytes);   // two 16×16 float tiles
        Assert.InRange(kernel.Registers, 8, 255);
        Assert.False(kernel.Spills);
        Assert.Contains("gemm_tiled: ", verdict.Static);
        Assert.Contains("static, from ptxas", verdict.Static);
    }

    [RequiresNvccFact]
    public async Task A_kernel_held_to_32_registers_with_64_live_accumulators_is_shown_spilling()
    {
        // __launch_bounds__(1024, 2) leaves 32 registers a thread: 64 accumulators cannot stay in them.
        var verdict = await cuda.VerifyTextAsync("vector_add", """
            __global__ void __launch_bounds__(1024, 2) heavy(const float* A, const float* B, float* C, int N) {
                float acc[64];
                #pragma unroll
                for (int j = 0; j < 64; ++j) acc[j] = A[(threadIdx.x + j * 7) % N];
                for (int k = 0; k < N; ++k) {
                    #pragma unroll
                    for (int j = 0; j < 64; ++j) acc[j] = acc[j] * B[(k + j) % N] + acc[(j + 1) % 64];
                }
                float s = 0;
                #pragma unroll
                for (int j = 0; j < 64; ++j) s += acc[j];
                int i = blockIdx.x * blockDim.x + threadIdx.x;
                if (i < N) C[i] = A[i] + B[i] + (s == 1234.5f ? 1.0f : 0.0f);
            }
            void solve(const float* A, const float* B, float* C, int N) { heavy<<<(N + 1023) / 1024, 1024>>>(A, B, C, N); }
            """, trials: 1);

        var kernel = Assert.Single(((CudaReport)verdict.Report).RealCompiler!.Resources);
        Assert.True(kernel.Spills, verdict.Static);
        Assert.True(kernel.Registers <= 32, verdict.Static);
        Assert.Contains("heavy: 32 registers", verdict.Static);
        Assert.Contains("SPILLS", verdict.Static);
    }

    [RequiresNvccFact]
    public async Task A_correct_kernel_in_cpp17_with_a_constexpr_helper_passes_nvcc_as_it_passes_clang_and_the_emulation()
    {
        // nvcc 11.8 alone defaults to C++14 (a structured binding is an error) and refuses constexpr host functions
        // in device code; clang and the emulation accept both, so the real-compiler check must too.
        var verdict = await cuda.VerifyTextAsync("vector_add", """
            constexpr int block() { return 256; }
            struct Pair { float a, b; };
            __global__ void vector_add(const float* A, const float* B, float* C, int N) {
                int i = blockIdx.x * block() + threadIdx.x;
                if (i < N) { auto [a, b] = Pair{A[i], B[i]}; C[i] = a + b; }
            }
            void solve(const float* A, const float* B, float* C, int N) { vector_add<<<(N + block() - 1) / block(), block()>>>(A, B, C, N); }
            """, trials: 1);

        Assert.True(verdict.Verdict == Verdict.Pass, verdict.Summary);
        Assert.StartsWith("nvcc ", ((CudaReport)verdict.Report).RealCompiler!.Compiler);
    }

    [RequiresNvccFact]
    public async Task A_kernel_with_more_static_shared_memory_than_a_block_may_hold_fails_at_the_real_compiler_not_as_an_error()
    {
        // 80000 B of __shared__ against sm_80's 48 KiB static limit: ptxas refuses it without naming a source line,
        // and the emulation would run it. It is the kernel's fault, so a FAIL, never an error of the machine.
        var verdict = await cuda.VerifyTextAsync("vector_add", """
            __global__ void vector_add(const float* A, const float* B, float* C, int N) {
                __shared__ float big[20000];
                int i = blockIdx.x * blockDim.x + threadIdx.x;
                big[threadIdx.x] = A[i < N ? i : 0];
                __syncthreads();
                if (i < N) C[i] = big[threadIdx.x] + B[i];
            }
            void solve(const float* A, const float* B, float* C, int N) { vector_add<<<(N + 255) / 256, 256>>>(A, B, C, N); }
            """, trials: 1);

        Assert.Equal(Verdict.Fail, verdict.Verdict);
        Assert.Equal(CudaCheck.RealCompiler, ((CudaReport)verdict.Report).Check);
        Assert.Contains("uses too much shared data", verdict.Summary);
    }

    [Fact]
    public void The_log_is_read_kernel_by_kernel_leaving_device_functions_out()
    {
        // ptxas -v, demangled, for a file with a device function compiled on its own and two kernels.
        var resources = CudaKernelResources.Parse("""
            ptxas info    : 0 bytes gmem
            ptxas info    : Function properties for helper(float)
                8 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads
            ptxas info    : Compiling entry function 'void tile<16>(const float *, float *)' for 'sm_80'
            ptxas info    : Function properties for void tile<16>(const float *, float *)
                0 bytes stack frame, 4 bytes spill stores, 8 bytes spill loads
            ptxas info    : Used 168 registers, 8192 bytes smem, 372 bytes cmem[0]
            ptxas info    : Compiling entry function 'copy(const float *, float *, int)' for 'sm_80'
            ptxas info    : Function properties for copy(const float *, float *, int)
                0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads
            ptxas info    : Used 10 registers, 372 bytes cmem[0], 8 bytes cmem[2]
            """.Replace("\r", ""));

        Assert.Equal(2, resources.Count);
        var (tile, copy) = (resources[0], resources[1]);
        Assert.Equal(("tile<16>", 168, 8192, 4, 8), (tile.Kernel, tile.Registers, tile.SharedBytes, tile.SpillStoreBytes, tile.SpillLoadBytes));
        Assert.Equal(("copy", 10, 0, false), (copy.Kernel, copy.Registers, copy.SharedBytes, copy.Spills));
        // 168 registers × 32 lanes, in units of 256, leave room for 12 warps of 64; 10 registers for all 64.
        Assert.Equal(12, tile.WarpsByRegisters);
        Assert.Equal(64, copy.WarpsByRegisters);
        Assert.Equal(18, tile.BlocksBySharedMemory);   // 167936 / (8192 + 1024)
        Assert.Null(copy.BlocksBySharedMemory);
    }
}
