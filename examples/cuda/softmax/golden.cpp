#include <cmath>

// The reference: the max subtracted before exp, as every stable softmax does, in double for the sums.
void solve_ref(const float* X, float* Y, int R, int C) {
    for (int r = 0; r < R; ++r) {
        const float* x = X + (long)r * C;
        float m = x[0];
        for (int c = 1; c < C; ++c) m = std::fmax(m, x[c]);
        double sum = 0;
        for (int c = 0; c < C; ++c) sum += std::exp((double)x[c] - m);
        for (int c = 0; c < C; ++c) Y[(long)r * C + c] = (float)(std::exp((double)x[c] - m) / sum);
    }
}
