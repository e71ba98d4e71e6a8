namespace HwForge.Tools.Targets.Cuda.Catalog;

/// <summary>
/// Y[r, :] = softmax(X[r, :]) over R rows of C columns (examples/cuda/softmax), the row's max subtracted: one thread
/// per row in three passes; one block per row with the max and the sum reduced in shared memory; one warp per row,
/// online (a running max and rescaled sum per lane), merged with warp shuffles.
/// </summary>
internal sealed class SoftmaxRowsKernels : ICudaKernelFamily
{
    public string Family => "softmax_rows";

    public string Example => "softmax";

    public string Summary => "softmax over each row of an R × C float matrix, the row's max subtracted";

    public IReadOnlyList<string> Keywords { get; } = ["softmax"];

    public IReadOnlyList<CudaChoice> Choices { get; } =
    [
        new("variant", "one block per row with shared-memory reductions; one warp per row, online, with shuffles; one thread per row",
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

                // One thread per row, three passes over it: the max, the sum of exp(x - max), the shares.
                __global__ void softmax_rows(const float* X, float* Y, int R, int C) {
                    int r = blockIdx.x * blockDim.x + threadIdx.x;
                    if (r >= R) return;
                    const float* x = X + (long)r * C;
                    float m = x[0];
                    for (int c = 1; c < C; ++c) m = fmaxf(m, x[c]);
                    float sum = 0.0f;
                    for (int c = 0; c < C; ++c) sum += expf(x[c] - m);
                    for (int c = 0; c < C; ++c) Y[(long)r * C + c] = expf(x[c] - m) / sum;
                }

                void solve(const float* X, float* Y, int R, int C) {
                    softmax_rows<<<(R + 63) / 64, 64>>>(X, Y, R, C);
                }
                """,
            "warp-shuffle" => """
                #include <cuda_runtime.h>
                #include <cmath>

                // One warp per row, online: each lane keeps a running max and a sum rescaled when the max grows, then the
                // warp merges its lanes' pairs with butterfly shuffles.
                __global__ void softmax_rows(const float* X, float* Y, int R, int C) {
                    int row = (blockIdx.x * blockDim.x + threadIdx.x) / 32;
                    int lane = threadIdx.x % 32;
                    if (row >= R) return;
                    const float* x = X + (long)row * C;
                    float m = -INFINITY, s = 0.0f;
                    for (int c = lane; c < C; c += 32) {
                        float v = x[c], nm = fmaxf(m, v);
                        s = s * expf(m - nm) + expf(v - nm);
                        m = nm;
                    }
                    for (int offset = 16; offset > 0; offset >>= 1) {
                        float om = __shfl_xor_sync(0xffffffffu, m, offset);
                        float os = __shfl_xor_sync(0xffffffffu, s, offset);
                        float nm = fmaxf(m, om);
                        s = (m == -INFINITY ? 0.0f : s * expf(m - nm)) + (om == -INFINITY ? 0.0f : os * expf(om - nm));
                        m = nm;
                    }
                    for (int c = lane; c < C; c += 32) Y[(long)row * C + c] = expf(x[c] - m) / s;
                }

                void solve(const float* X, float* Y, int R, int C) {
                    const int warps = 4;
                    softmax_rows<<<(R + warps - 1) / warps, 32 * warps>>>(X, Y, R, C);
                }
                """,
            _ => """
                #include <cuda_runtime.h>
                #include <cmath>

                #define THREADS 128

                // One block per row: the max and the sum reduced in shared memory, a barrier after every step.
                __global__ void softmax_rows(const float* X, float* Y, int R, int C) {
                    __shared__ float red[THREADS];
                    const float* x = X + (long)blockIdx.x * C;
                    float m = -INFINITY;
                    for (int c = threadIdx.x; c < C; c += THREADS) m = fmaxf(m, x[c]);
                    red[threadIdx.x] = m;
                    __syncthreads();
                    for (int stride = THREADS / 2; stride > 0; stride /= 2) {
                        if (threadIdx.x < stride) red[threadIdx.x] = fmaxf(red[threadIdx.x], red[threadIdx.x + stride]);
                        __syncthreads();
                    }
                    m = red[0];
                    __syncthreads();
                    float s = 0.0f;
                    for (int c = threadIdx.x; c < C; c += THREADS) s += expf(x[c] - m);
                    red[threadIdx.x] = s;
                    __syncthreads();
                    for (int stride = THREADS / 2; stride > 0; stride /= 2) {
                        if (threadIdx.x < stride) red[threadIdx.x] += red[threadIdx.x + stride];
                        __syncthreads();
                    }
                    s = red[0];
                    for (int c = threadIdx.x; c < C; c += THREADS) Y[(long)blockIdx.x * C + c] = expf(x[c] - m) / s;
                }

                void solve(const float* X, float* Y, int R, int C) {
                    softmax_rows<<<R, THREADS>>>(X, Y, R, C);
                }
                """,
        };
        return CudaKernel.Of(this, $"row softmax, {choices["variant"]}", choices, kernel);
    }
}
