namespace HwForge.Tools.Targets.Cuda.Catalog;

/// <summary>
/// C = A + B on float vectors (examples/cuda/vector_add): one thread per element, a fixed grid striding over the
/// vector, or float4 loads and stores where all three buffers are 16-byte aligned (cudaMalloc's are), with a scalar tail.
/// </summary>
internal sealed class VectorAddKernels : ICudaKernelFamily
{
    public string Family => "vector_add";

    public string Example => "vector_add";

    public string Summary => "C = A + B on float vectors of N elements";

    public IReadOnlyList<string> Keywords { get; } = ["vector add", "vector addition", "vector_add", "vecadd", "elementwise add", "saxpy"];

    public IReadOnlyList<CudaChoice> Choices { get; } =
    [
        new("variant", "one thread per element; a fixed grid that strides; float4 accesses where aligned", ["plain", "grid-stride", "float4"]),
    ];

    public CudaKernel Generate(IReadOnlyDictionary<string, string> given)
    {
        var choices = CudaChoices.Resolved(this, given);
        var kernel = choices["variant"] switch
        {
            "plain" => """
                #include <cuda_runtime.h>

                // One thread per element, the grid rounded up to cover the partial last block.
                __global__ void vector_add(const float* A, const float* B, float* C, int N) {
                    int i = blockIdx.x * blockDim.x + threadIdx.x;
                    if (i < N) C[i] = A[i] + B[i];
                }

                void solve(const float* A, const float* B, float* C, int N) {
                    vector_add<<<(N + 255) / 256, 256>>>(A, B, C, N);
                }
                """,
            "grid-stride" => """
                #include <cuda_runtime.h>

                // A grid of at most 64 blocks striding over the vector: each thread handles every (grid size)-th element.
                __global__ void vector_add(const float* __restrict__ A, const float* __restrict__ B, float* __restrict__ C, int N) {
                    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < N; i += gridDim.x * blockDim.x)
                        C[i] = A[i] + B[i];
                }

                void solve(const float* A, const float* B, float* C, int N) {
                    int blocks = (N + 255) / 256;
                    vector_add<<<blocks < 64 ? blocks : 64, 256>>>(A, B, C, N);
                }
                """,
            _ => """
                #include <cuda_runtime.h>
                #include <cstdint>

                // float4 loads and stores for the first N / 4 groups of four, one thread per element for the tail.
                __global__ void vector_add4(const float4* __restrict__ A, const float4* __restrict__ B, float4* __restrict__ C, int groups) {
                    int i = blockIdx.x * blockDim.x + threadIdx.x;
                    if (i < groups) {
                        float4 a = A[i], b = B[i];
                        C[i] = make_float4(a.x + b.x, a.y + b.y, a.z + b.z, a.w + b.w);
                    }
                }

                __global__ void vector_add(const float* A, const float* B, float* C, int from, int N) {
                    int i = from + blockIdx.x * blockDim.x + threadIdx.x;
                    if (i < N) C[i] = A[i] + B[i];
                }

                void solve(const float* A, const float* B, float* C, int N) {
                    bool aligned = ((reinterpret_cast<uintptr_t>(A) | reinterpret_cast<uintptr_t>(B) | reinterpret_cast<uintptr_t>(C)) & 15) == 0;
                    int groups = aligned ? N / 4 : 0;
                    if (groups > 0)
                        vector_add4<<<(groups + 255) / 256, 256>>>(reinterpret_cast<const float4*>(A), reinterpret_cast<const float4*>(B),
                                                                 reinterpret_cast<float4*>(C), groups);
                    int tail = N - 4 * groups;
                    if (tail > 0) vector_add<<<(tail + 255) / 256, 256>>>(A, B, C, 4 * groups, N);
                }
                """,
        };
        return CudaKernel.Of(this, $"vector add, {choices["variant"]}", choices, kernel);
    }
}
