// The element-wise and row-wise ops: plain loops that g++ -O3 -march=native vectorises, and AVX2 intrinsics where
// exp is involved (hwforge_kernels.h says why), with scalar tails that compute the same formulas.
#include "hwforge_kernels.h"
#include <cmath>
#include <cstring>

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
    int j = 0;
#ifdef __AVX2__
    __m256 acc = _mm256_setzero_ps(), m = _mm256_set1_ps(max);
    for (; j + 8 <= cols; j += 8)
    {
        __m256 e = hwf::exp8(_mm256_sub_ps(_mm256_loadu_ps(x + j), m));
        _mm256_storeu_ps(y + j, e);
        acc = _mm256_add_ps(acc, e);
    }
    alignas(32) float lanes[8];
    _mm256_store_ps(lanes, acc);
    for (float lane : lanes) sum += lane;
#endif
    for (; j < cols; j++) { y[j] = exp_approx(x[j] - max); sum += y[j]; }
    float inv = 1.0f / sum;
    for (int j = 0; j < cols; j++) y[j] *= inv;
}
} // namespace hwf

HWF_EXPORT void hwf_softmax(const float* x, float* y, int rows, int cols)
{
    for (int r = 0; r < rows; r++) hwf::softmax_row(x + (long)r * cols, y + (long)r * cols, cols);
}

namespace {

// The exact (erf) GELU BERT uses, with Abramowitz & Stegun 7.1.26 for erf (1.5e-7 absolute): the tanh
// approximation differs by ~1e-3, which would miss ONNX Runtime's embeddings by more than 1e-4.
inline float gelu(float v)
{
    float z = std::fabs(v) * 0.70710678118654752f;
    float t = 1.0f / (1.0f + 0.3275911f * z);
    float poly = t * (0.254829592f + t * (-0.284496736f + t * (1.421413741f + t * (-1.453152027f + t * 1.061405429f))));
    float erf_abs = 1.0f - poly * exp_approx(-z * z);
    return 0.5f * v * (1.0f + std::copysign(erf_abs, v));
}

#ifdef __AVX2__
inline __m256 gelu8(__m256 v)
{
    const __m256 sign = _mm256_set1_ps(-0.0f), one = _mm256_set1_ps(1.0f);
    __m256 z = _mm256_mul_ps(_mm256_andnot_ps(sign, v), _mm256_set1_ps(0.70710678118654752f));
    __m256 t = _mm256_div_ps(one, _mm256_fmadd_ps(z, _mm256_set1_ps(0.3275911f), one));
    __m256 poly = _mm256_fmadd_ps(t, _mm256_set1_ps(1.061405429f), _mm256_set1_ps(-1.453152027f));
    poly = _mm256_fmadd_ps(t, poly, _mm256_set1_ps(1.421413741f));
    poly = _mm256_fmadd_ps(t, poly, _mm256_set1_ps(-0.284496736f));
    poly = _mm256_fmadd_ps(t, poly, _mm256_set1_ps(0.254829592f));
    poly = _mm256_mul_ps(t, poly);
    __m256 erf_abs = _mm256_fnmadd_ps(poly, hwf::exp8(_mm256_mul_ps(_mm256_xor_ps(z, sign), z)), one);
    __m256 erf = _mm256_or_ps(erf_abs, _mm256_and_ps(v, sign));
    return _mm256_mul_ps(_mm256_mul_ps(_mm256_set1_ps(0.5f), v), _mm256_add_ps(one, erf));
}

// x / (1 + e^-x)
inline __m256 silu8(__m256 v)
{
    __m256 e = hwf::exp8(_mm256_xor_ps(v, _mm256_set1_ps(-0.0f)));
    return _mm256_div_ps(v, _mm256_add_ps(_mm256_set1_ps(1.0f), e));
}
#endif

} // namespace

HWF_EXPORT void hwf_gelu(const float* x, float* y, long count)
{
    long i = 0;
#ifdef __AVX2__
    for (; i + 8 <= count; i += 8) _mm256_storeu_ps(y + i, gelu8(_mm256_loadu_ps(x + i)));
#endif
    for (; i < count; i++) y[i] = gelu(x[i]);
}

HWF_EXPORT void hwf_silu(const float* x, float* y, long count)
{
    long i = 0;
#ifdef __AVX2__
    for (; i + 8 <= count; i += 8) _mm256_storeu_ps(y + i, silu8(_mm256_loadu_ps(x + i)));
#endif
    for (; i < count; i++) y[i] = x[i] / (1.0f + exp_approx(-x[i]));
}

HWF_EXPORT void hwf_swiglu(const float* gate, const float* up, float* y, long count)
{
    long i = 0;
#ifdef __AVX2__
    for (; i + 8 <= count; i += 8) _mm256_storeu_ps(y + i, _mm256_mul_ps(silu8(_mm256_loadu_ps(gate + i)), _mm256_loadu_ps(up + i)));
#endif
    for (; i < count; i++) y[i] = gate[i] / (1.0f + exp_approx(-gate[i])) * up[i];
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
