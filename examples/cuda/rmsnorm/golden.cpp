#include <cmath>

void solve_ref(const float* x, float* y, int R, int C, float eps) {
    for (int r = 0; r < R; ++r) {
        double s = 0;
        for (int c = 0; c < C; ++c) s += (double)x[r * C + c] * x[r * C + c];
        double scale = 1.0 / std::sqrt(s / C + eps);
        for (int c = 0; c < C; ++c) y[r * C + c] = (float)(x[r * C + c] * scale);
    }
}
