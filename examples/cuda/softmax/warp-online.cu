#include <cuda_runtime.h>
#include <cmath>

// One warp per row, online softmax: each lane keeps a running max and a sum rescaled when the max grows,
// then the warp merges its lanes' pairs with shuffles.
__global__ void softmax_rows(const float* X, float* Y, int R, int C) {
    int warp = (blockIdx.x * blockDim.x + threadIdx.x) / 32;
    int lane = threadIdx.x % 32;
    if (warp >= R) return;
    const float* x = X + (long)warp * C;
    float m = -INFINITY, s = 0.0f;
    for (int c = lane; c < C; c += 32) {
        float v = x[c];
        float nm = fmaxf(m, v);
        s = s * expf(m - nm) + expf(v - nm);
        m = nm;
    }
    for (int offset = 16; offset > 0; offset >>= 1) {
        float om = __shfl_xor_sync(0xffffffff, m, offset);
        float os = __shfl_xor_sync(0xffffffff, s, offset);
        float nm = fmaxf(m, om);
        s = (m == -INFINITY ? 0.0f : s * expf(m - nm)) + (om == -INFINITY ? 0.0f : os * expf(om - nm));
        m = nm;
    }
    for (int c = lane; c < C; c += 32) Y[(long)warp * C + c] = expf(x[c] - m) / s;
}

void solve(const float* X, float* Y, int R, int C) {
    int warpsPerBlock = 4;
    softmax_rows<<<(R + warpsPerBlock - 1) / warpsPerBlock, 32 * warpsPerBlock>>>(X, Y, R, C);
}
