// Scaled dot-product attention over a key/value cache, grouped-query capable, for heads [h0, h1) so that
// callers can split heads over threads. Many queries (a prefill) run as two GEMMs per head on the packed kernel;
// a few (a decode step) as dot products, where packing would cost more than it saves.
#include "hwforge_kernels.h"
#include <vector>

namespace hwf { void softmax_row(const float* x, float* y, int cols); }

namespace {

struct Shape
{
    int queries, keys, heads, kv_heads, head_dim, causal, first;
    int visible(int i) const
    {
        if (!causal) return keys;
        int v = first + i + 1;
        return v < keys ? v : keys;
    }
};

thread_local std::vector<float> scores;

void head_by_gemm(const float* q, const float* k, const float* v, float* o, const Shape& s, int h, float scale)
{
    int hd = s.head_dim, nq = s.queries, nk = s.keys;
    long q_stride = (long)s.heads * hd, kv_stride = (long)s.kv_heads * hd;
    long kv_offset = (long)(h / (s.heads / s.kv_heads)) * hd;
    scores.resize((std::size_t)nq * nk);
    float* sc = scores.data();
    // S = Q_h · K_hᵀ: K_h read transposed through the packing's strides, never copied.
    hwf::gemm(nq, nk, hd, q + h * hd, q_stride, 1, k + kv_offset, 1, kv_stride, sc, nk, nullptr, 0);
    for (int i = 0; i < nq; i++)
    {
        float* row = sc + (long)i * nk;
        int visible = s.visible(i);
        for (int j = 0; j < visible; j++) row[j] *= scale;
        hwf::softmax_row(row, row, visible);
        for (int j = visible; j < nk; j++) row[j] = 0; // masked keys weigh nothing in P·V
    }
    hwf::gemm(nq, hd, nk, sc, nk, 1, v + kv_offset, kv_stride, 1, o + h * hd, q_stride, nullptr, 0);
}

void head_by_dots(const float* q, const float* k, const float* v, float* o, const Shape& s, int h, float scale)
{
    int hd = s.head_dim;
    long q_stride = (long)s.heads * hd, kv_stride = (long)s.kv_heads * hd;
    long kv_offset = (long)(h / (s.heads / s.kv_heads)) * hd;
    scores.resize(s.keys);
    float* row = scores.data();
    for (int i = 0; i < s.queries; i++)
    {
        const float* qi = q + i * q_stride + h * hd;
        float* oi = o + i * q_stride + h * hd;
        int visible = s.visible(i);
        for (int j = 0; j < visible; j++)
        {
            const float* kj = k + j * kv_stride + kv_offset;
            float dot = 0;
#pragma omp simd reduction(+ : dot)
            for (int d = 0; d < hd; d++) dot += qi[d] * kj[d];
            row[j] = dot * scale;
        }
        hwf::softmax_row(row, row, visible);
        for (int d = 0; d < hd; d++) oi[d] = 0;
        for (int j = 0; j < visible; j++)
        {
            const float* vj = v + j * kv_stride + kv_offset;
            float p = row[j];
            for (int d = 0; d < hd; d++) oi[d] += p * vj[d];
        }
    }
}

} // namespace

HWF_EXPORT void hwf_attention(const float* q, const float* k, const float* v, float* o, int queries, int keys, int heads,
                              int kv_heads, int head_dim, int causal, int first_query_position, int h0, int h1)
{
    Shape s{queries, keys, heads, kv_heads, head_dim, causal, first_query_position};
    float scale = 1.0f / __builtin_sqrtf((float)head_dim);
    for (int h = h0; h < h1; h++)
        if (queries >= 8) head_by_gemm(q, k, v, o, s, h, scale);
        else head_by_dots(q, k, v, o, s, h, scale);
}
