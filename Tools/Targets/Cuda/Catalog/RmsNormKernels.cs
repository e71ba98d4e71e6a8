namespace HwForge.Tools.Targets.Cuda.Catalog;

/// <summary>
/// y[r, c] = x[r, c] / sqrt(mean_c x[r, c]² + eps) over R rows of C columns (examples/cuda/rmsnorm): one block per row
/// with the sum of squares reduced in shared memory; one warp per row with shuffles; one thread per row.
/// </summary>
internal sealed class RmsNormKernels : ICudaKernelFamily
{
    public string Family => "rmsnorm";

    public string Example => "rmsnorm";

    public string Summary => "RMS normalisation of each row of an R × C float matrix (eps = 1e-5)";

    public IReadOnlyList<string> Keywords { get; } = ["rmsnorm", "rms norm", "rms normalization", "rms normalisation", "root mean square"];

    public IReadOnlyList<CudaChoice> Choices { get; } =
    [
        new("variant", "one block per row with a shared-memory reduction; one warp per row with shuffles; one thread per row",
            ["block-shared", "warp-shuffle", "thread-per-row"]),
    ];

    public CudaKernel Generate(IReadOnlyDictionary<string, string> given)
    {
        var choices = CudaChoices.Resolved(this, given);
        var kernel = choices["variant"] switch
        {
            "thread-per-row" => """
                #include <cuda_runtime.h>
                #include <cmath>

                // One thread per row: the sum of squares, then the scaled row.
                __global__ void rmsnorm(const float* x, float* y, int R, int C, float eps) {
                    int r = blockIdx.x * blockDim.x + threadIdx.x;
                    if (r >= R) return;
                    float s = 0.0f;
                    for (int c = 0; c < C; ++c) s += x[r * C + c] * x[r * C + c];
                    float scale = rsqrtf(s / C + eps);
                    for (int c = 0; c < C; ++c) y[r * C + c] = x[r * C + c] * scale;
                }

                void solve(const float* x, float* y, int R, int C, float eps) {
                    rmsnorm<<<(R + 31) / 32, 32>>>(x, y, R, C, eps);
                }
                """,
            "warp-shuffle" => """
                #include <cuda_runtime.h>
                #include <cmath>

                // One warp per row: each lane sums every 32nd square, the warp adds them with butterfly shuffles.
                __global__ void rmsnorm(const float* x, float* y, int R, int C, float eps) {
                    int r = (blockIdx.x * blockDim.x + threadIdx.x) / 32;
                    int lane = threadIdx.x % 32;
                    if (r >= R) return;
                    float s = 0.0f;
                    for (int c = lane; c < C; c += 32) s += x[r * C + c] * x[r * C + c];
                    for (int offset = 16; offset > 0; offset >>= 1) s += __shfl_xor_sync(0xffffffffu, s, offset);
                    float scale = rsqrtf(s / C + eps);
                    for (int c = lane; c < C; c += 32) y[r * C + c] = x[r * C + c] * scale;
                }

                void solve(const float* x, float* y, int R, int C, float eps) {
                    const int warps = 4;
                    rmsnorm<<<(R + warps - 1) / warps, 32 * warps>>>(x, y, R, C, eps);
                }
                """,
            _ => """
                #include <cuda_runtime.h>
                #include <cmath>

                #define THREADS 128

                // One block per row: the sum of squares reduced in shared memory, a barrier after every step.
                __global__ void rmsnorm(const float* x, float* y, int R, int C, float eps) {
                    __shared__ float red[THREADS];
                    int r = blockIdx.x;
                    float s = 0.0f;
                    for (int c = threadIdx.x; c < C; c += THREADS) s += x[r * C + c] * x[r * C + c];
                    red[threadIdx.x] = s;
                    __syncthreads();
                    for (int stride = THREADS / 2; stride > 0; stride /= 2) {
                        if (threadIdx.x < stride) red[threadIdx.x] += red[threadIdx.x + stride];
                        __syncthreads();
                    }
                    float scale = rsqrtf(red[0] / C + eps);
                    for (int c = threadIdx.x; c < C; c += THREADS) y[r * C + c] = x[r * C + c] * scale;
                }

                void solve(const float* x, float* y, int R, int C, float eps) {
                    rmsnorm<<<R, THREADS>>>(x, y, R, C, eps);
                }
                """,
        };
        return CudaKernel.Of(this, $"RMSNorm, {choices["variant"]}", choices, kernel);
    }
}
