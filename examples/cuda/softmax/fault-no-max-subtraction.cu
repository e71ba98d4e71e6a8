#include <cuda_runtime.h>
#include <cmath>

// The textbook formula as written: exp(x) / sum(exp(x)).
__global__ void softmax_rows(const float* X, float* Y, int R, int C) {
    int r = blockIdx.x * blockDim.x + threadIdx.x;
    if (r >= R) return;
    const float* x = X + (long)r * C;
    float sum = 0.0f;
    for (int c = 0; c < C; ++c) sum += expf(x[c]);   // no max subtracted: exp overflows for large inputs
    for (int c = 0; c < C; ++c) Y[(long)r * C + c] = expf(x[c]) / sum;
}

void solve(const float* X, float* Y, int R, int C) {
    softmax_rows<<<(R + 63) / 64, 64>>>(X, Y, R, C);
}
