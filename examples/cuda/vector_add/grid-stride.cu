#include <cuda_runtime.h>

// A fixed grid that strides over the vector: every element still written once.
__global__ void vector_add(const float* __restrict__ A, const float* __restrict__ B, float* __restrict__ C, int N) {
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < N; i += gridDim.x * blockDim.x)
        C[i] = A[i] + B[i];
}

void solve(const float* A, const float* B, float* C, int N) {
    vector_add<<<4, 128>>>(A, B, C, N);
}
