namespace HwForge.Tools.Targets.Cuda.Catalog;

/// <summary>
/// C = A × B, row-major, A of M×K and B of K×N (examples/cuda/gemm): shared-memory tiles of 16, 8 or 32 (edge tiles
/// padded with zeros, two barriers per tile); one thread per element straight from global memory; or register-blocked,
/// each of 16×16 threads computing a 2×2 patch of a 32×32 tile of C from 32×16 and 16×32 tiles in shared memory.
/// </summary>
internal sealed class GemmKernels : ICudaKernelFamily
{
    public string Family => "gemm";

    public string Example => "gemm";

    public string Summary => "C = A × B on row-major float matrices, A of M × K, B of K × N";

    public IReadOnlyList<string> Keywords { get; } = ["gemm", "matmul", "matrix multiply", "matrix multiplication", "matrix product", "sgemm"];

    public IReadOnlyList<CudaChoice> Choices { get; } =
    [
        new("kernel", "shared-memory tiles of 16, 8 or 32; one thread per element; 2×2 register blocking on 32×32 tiles",
            ["tiled-16", "naive", "tiled-8", "tiled-32", "register-2x2"]),
    ];

    public CudaKernel Generate(IReadOnlyDictionary<string, string> given)
    {
        var choices = CudaChoices.Resolved(this, given);
        var kernel = choices["kernel"] switch
        {
            "naive" => """
                #include <cuda_runtime.h>

                // One thread per element of C, its dot product read straight from global memory.
                __global__ void gemm_naive(const float* A, const float* B, float* C, int M, int N, int K) {
                    int row = blockIdx.y * blockDim.y + threadIdx.y;
                    int col = blockIdx.x * blockDim.x + threadIdx.x;
                    if (row >= M || col >= N) return;
                    float acc = 0.0f;
                    for (int k = 0; k < K; ++k) acc += A[row * K + k] * B[k * N + col];
                    C[row * N + col] = acc;
                }

                void solve(const float* A, const float* B, float* C, int M, int N, int K) {
                    dim3 block(16, 16);
                    dim3 grid((N + 15) / 16, (M + 15) / 16);
                    gemm_naive<<<grid, block>>>(A, B, C, M, N, K);
                }
                """,
            "register-2x2" => """
                #include <cuda_runtime.h>

                #define BM 32
                #define BN 32
                #define BK 16

                // 16×16 threads per 32×32 tile of C, each thread a 2×2 patch kept in registers; A and B staged in shared
                // memory 16 columns (rows) of K at a time, zero-padded at the edges.
                __global__ void gemm_register(const float* A, const float* B, float* C, int M, int N, int K) {
                    __shared__ float As[BM][BK];
                    __shared__ float Bs[BK][BN];
                    int tx = threadIdx.x, ty = threadIdx.y, t = ty * 16 + tx;
                    int row0 = blockIdx.y * BM, col0 = blockIdx.x * BN;
                    float acc[2][2] = {{0.0f, 0.0f}, {0.0f, 0.0f}};
                    for (int k0 = 0; k0 < K; k0 += BK) {
                        for (int i = t; i < BM * BK; i += 256) {
                            int r = i / BK, c = i % BK;
                            As[r][c] = row0 + r < M && k0 + c < K ? A[(row0 + r) * K + k0 + c] : 0.0f;
                        }
                        for (int i = t; i < BK * BN; i += 256) {
                            int r = i / BN, c = i % BN;
                            Bs[r][c] = k0 + r < K && col0 + c < N ? B[(k0 + r) * N + col0 + c] : 0.0f;
                        }
                        __syncthreads();
                        for (int k = 0; k < BK; ++k) {
                            float a0 = As[ty * 2][k], a1 = As[ty * 2 + 1][k];
                            float b0 = Bs[k][tx * 2], b1 = Bs[k][tx * 2 + 1];
                            acc[0][0] += a0 * b0; acc[0][1] += a0 * b1;
                            acc[1][0] += a1 * b0; acc[1][1] += a1 * b1;
                        }
                        __syncthreads();
                    }
                    for (int m = 0; m < 2; ++m)
                        for (int n = 0; n < 2; ++n) {
                            int r = row0 + ty * 2 + m, c = col0 + tx * 2 + n;
                            if (r < M && c < N) C[r * N + c] = acc[m][n];
                        }
                }

                void solve(const float* A, const float* B, float* C, int M, int N, int K) {
                    dim3 block(16, 16);
                    dim3 grid((N + BN - 1) / BN, (M + BM - 1) / BM);
                    gemm_register<<<grid, block>>>(A, B, C, M, N, K);
                }
                """,
            var tiled => $$"""
                #include <cuda_runtime.h>

                #define TILE {{tiled["tiled-".Length..]}}

                // Shared-memory tiles of A and B, padded with zeros at the edges, two barriers per tile.
                __global__ void gemm_tiled(const float* A, const float* B, float* C, int M, int N, int K) {
                    __shared__ float As[TILE][TILE];
                    __shared__ float Bs[TILE][TILE];
                    int row = blockIdx.y * TILE + threadIdx.y;
                    int col = blockIdx.x * TILE + threadIdx.x;
                    float acc = 0.0f;
                    for (int t = 0; t < (K + TILE - 1) / TILE; ++t) {
                        int ka = t * TILE + threadIdx.x, kb = t * TILE + threadIdx.y;
                        As[threadIdx.y][threadIdx.x] = row < M && ka < K ? A[row * K + ka] : 0.0f;
                        Bs[threadIdx.y][threadIdx.x] = kb < K && col < N ? B[kb * N + col] : 0.0f;
                        __syncthreads();
                        for (int k = 0; k < TILE; ++k) acc += As[threadIdx.y][k] * Bs[k][threadIdx.x];
                        __syncthreads();
                    }
                    if (row < M && col < N) C[row * N + col] = acc;
                }

                void solve(const float* A, const float* B, float* C, int M, int N, int K) {
                    dim3 block(TILE, TILE);
                    dim3 grid((N + TILE - 1) / TILE, (M + TILE - 1) / TILE);
                    gemm_tiled<<<grid, block>>>(A, B, C, M, N, K);
                }
                """,
        };
        return CudaKernel.Of(this, $"gemm, {choices["kernel"]}", choices, kernel);
    }
}
