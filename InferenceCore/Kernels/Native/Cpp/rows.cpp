// The element-wise and row-wise ops. Plain loops that g++ -O3 -march=native vectorises; exp and erf are written
// out (below) rather than called from libm, whose scalar calls would keep these loops from vectorising.
#include "hwforge_kernels.h"
#include <cmath>
#include <cstring>

namespace hwf {

// Cephes' expf: e^x = 2^n · e^r with |r| ≤ ln2/2 and a degree-6 polynomial for e^r; ~1 ulp. Inputs are
// clamped where 2^n would leave the normal range, which softmax and sigmoid never need beyond.
float exp_approx(float x)
{
    x = x < -87.0f ? -87.0f : (x > 88.0f ? 88.0f : x);
    float n = std::floor(x * 1.44269504088896341f + 0.5f);
    float r = x - n * 0.693359375f + n * 2.12194440e-4f;
    float p = 1.9875691500e-4f;
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    p = p * r * r + r + 1.0f;
    int bits = (static_cast<int>(n) + 127) << 23;
    float scale;
    std::memcpy(&scale, &bits, sizeof scale);
    return p * scale;
}

} // namespace hwf

using hwf::exp_approx;

HWF_EXPORT void hwf_add(const float* x, const float* y, float* z, long count)
{
    for (long i = 0; i < count; i++) z[i] = x[i] + y[i];
}

// Two passes (centre, then square): E[x²] − mean² cancels badly when the mean is large next to the spread.
HWF_EXPORT void hwf_layernorm(const float* x, const float* gamma, const float* beta, float* y, int rows, int cols, float eps)
{
    for (int r = 0; r < rows; r++)
    {
        const float* row = x + (long)r * cols;
        float* out = y + (long)r * cols;
        float sum = 0;
#pragma omp simd reduction(+ : sum)
        for (int j = 0; j < cols; j++) sum += row[j];
        float mean = sum / cols, ss = 0;
#pragma omp simd reduction(+ : ss)
        for (int j = 0; j < cols; j++) { float d = row[j] - mean; ss += d * d; }
        float inv = 1.0f / std::sqrt(ss / cols + eps);
        for (int j = 0; j < cols; j++) out[j] = (row[j] - mean) * inv * gamma[j] + beta[j];
    }
}

HWF_EXPORT void hwf_rmsnorm(const float* x, const float* gamma, float* y, int rows, int cols, float eps)
{
    for (int r = 0; r < rows; r++)
    {
        const float* row = x + (long)r * cols;
        float* out = y + (long)r * cols;
        float ss = 0;
#pragma omp simd reduction(+ : ss)
        for (int j = 0; j < cols; j++) ss += row[j] * row[j];
        float inv = 1.0f / std::sqrt(ss / cols + eps);
        for (int j = 0; j < cols; j++) out[j] = row[j] * inv * gamma[j];
    }
}

namespace hwf {
// In place is allowed (y == x): each pass reads an element before it writes it.
void softmax_row(const float* x, float* y, int cols)
{
    float max = x[0];
#pragma omp simd reduction(max : max)
    for (int j = 1; j < cols; j++) max = x[j] > max ? x[j] : max;
    float sum = 0;
#pragma omp simd reduction(+ : sum)
    for (int j = 0; j < cols; j++) { y[j] = exp_approx(x[j] - max); sum += y[j]; }
    float inv = 1.0f / sum;
    for (int j = 0; j < cols; j++) y[j] *= inv;
}
} // namespace hwf

HWF_EXPORT void hwf_softmax(const float* x, float* y, int rows, int cols)
{
    for (int r = 0; r < rows; r++) hwf::softmax_row(x + (long)r * cols, y + (long)r * cols, cols);
}

// The exact (erf) GELU BERT uses, with Abramowitz & Stegun 7.1.26 for erf (1.5e-7 absolute): the tanh
// approximation differs by ~1e-3, which would miss ONNX Runtime's embeddings by more than 1e-4.
HWF_EXPORT void hwf_gelu(const float* x, float* y, long count)
{
    for (long i = 0; i < count; i++)
    {
        float v = x[i], z = std::fabs(v) * 0.70710678118654752f;
        float t = 1.0f / (1.0f + 0.3275911f * z);
        float poly = t * (0.254829592f + t * (-0.284496736f + t * (1.421413741f + t * (-1.453152027f + t * 1.061405429f))));
        float erf_abs = 1.0f - poly * exp_approx(-z * z);
        y[i] = 0.5f * v * (1.0f + (v < 0 ? -erf_abs : erf_abs));
    }
}

HWF_EXPORT void hwf_silu(const float* x, float* y, long count)
{
    for (long i = 0; i < count; i++) y[i] = x[i] / (1.0f + exp_approx(-x[i]));
}

HWF_EXPORT void hwf_swiglu(const float* gate, const float* up, float* y, long count)
{
    for (long i = 0; i < count; i++) y[i] = gate[i] / (1.0f + exp_approx(-gate[i])) * up[i];
}

// Adjacent pairs (2i, 2i+1), ggml's default mode. Angles in double: position × frequency reaches thousands of
// radians, where a float angle has lost the digits cos and sin need. One table per token serves every head.
HWF_EXPORT void hwf_rope(float* x, int tokens, int heads, int head_dim, int first_position, float theta)
{
    int half = head_dim / 2;
    float cs[4096], sn[4096];
    for (int t = 0; t < tokens; t++)
    {
        for (int i = 0; i < half; i++)
        {
            double angle = (double)(first_position + t) * std::pow((double)theta, -2.0 * i / head_dim);
            cs[i] = (float)std::cos(angle);
            sn[i] = (float)std::sin(angle);
        }
        for (int h = 0; h < heads; h++)
        {
            float* v = x + ((long)t * heads + h) * head_dim;
            for (int i = 0; i < half; i++)
            {
                float x0 = v[2 * i], x1 = v[2 * i + 1];
                v[2 * i] = x0 * cs[i] - x1 * sn[i];
                v[2 * i + 1] = x0 * sn[i] + x1 * cs[i];
            }
        }
    }
}

HWF_EXPORT void hwf_embedding(const float* table, int dim, const int* ids, int count, float* y)
{
    for (int i = 0; i < count; i++) std::memcpy(y + (long)i * dim, table + (long)ids[i] * dim, sizeof(float) * dim);
}
