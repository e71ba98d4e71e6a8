#include <cuda_runtime.h>
#include <cmath>

#define THREADS 128

// One block per row, but no barrier between reading the max from red[0] and overwriting red with partial sums.
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
