// GEMM the GotoBLAS/BLIS way: B packed into KC x NR column panels, A into MR x KC row panels, and an MR x NR
// register tile that reads both panels sequentially. The tile's shape and the block sizes are macros, so that
// `hwforge core optimize` can compile and time variants of this one file.
#include "hwforge_kernels.h"
#include <immintrin.h>
#include <cstdlib>
#include <cstring>

#define HWF_PRAGMA(x) _Pragma(#x)
#define HWF_UNROLL_BY(n) HWF_PRAGMA(GCC unroll n)

namespace {

#if HWF_VECTOR_BITS == 512 && defined(__AVX512F__)
typedef __m512 V;
constexpr int W = 16;
inline V vload(const float* p) { return _mm512_loadu_ps(p); }
inline void vstore(float* p, V v) { _mm512_storeu_ps(p, v); }
inline V vfma(V a, V b, V c) { return _mm512_fmadd_ps(a, b, c); }
inline V vset1(float x) { return _mm512_set1_ps(x); }
inline V vzero() { return _mm512_setzero_ps(); }
inline V vadd(V a, V b) { return _mm512_add_ps(a, b); }
#else
typedef __m256 V;
constexpr int W = 8;
inline V vload(const float* p) { return _mm256_loadu_ps(p); }
inline void vstore(float* p, V v) { _mm256_storeu_ps(p, v); }
inline V vfma(V a, V b, V c) { return _mm256_fmadd_ps(a, b, c); }
inline V vset1(float x) { return _mm256_set1_ps(x); }
inline V vzero() { return _mm256_setzero_ps(); }
inline V vadd(V a, V b) { return _mm256_add_ps(a, b); }
#endif

constexpr int MR = HWF_MR, NR = HWF_NR, KC = HWF_KC, MC = (HWF_MC + HWF_MR - 1) / HWF_MR * HWF_MR, NC = (HWF_NC + HWF_NR - 1) / HWF_NR * HWF_NR;
static_assert(NR % W == 0, "HWF_NR must be a multiple of the vector width");
static_assert(MR * (NR / W) + NR / W + 1 <= (W == 16 ? 32 : 16), "the register tile must fit in the vector registers");

// The packing buffers of the calling thread: callers split one GEMM over threads, each packs its own panels.
struct Scratch
{
    float* a = nullptr;
    float* b = nullptr;
    Scratch()
    {
        a = static_cast<float*>(std::aligned_alloc(64, sizeof(float) * MC * KC));
        b = static_cast<float*>(std::aligned_alloc(64, sizeof(float) * KC * NC));
    }
};
thread_local Scratch scratch;

// The register tile: C[mr x nr] = (or +=) Apanel·Bpanel over kc steps. Full tiles store straight to C; ragged
// edges go through a local tile so the loop itself never branches on the edge.
inline void tile(int kc, const float* __restrict a, const float* __restrict b, float* c, long ldc, int mr, int nr,
                 const float* bias, bool first)
{
    constexpr int NV = NR / W;
    V acc[MR][NV];
    HWF_UNROLL_BY(16) for (int i = 0; i < MR; i++)
        HWF_UNROLL_BY(8) for (int v = 0; v < NV; v++) acc[i][v] = vzero();
    HWF_UNROLL_BY(HWF_UNROLL) for (int p = 0; p < kc; p++)
    {
        V bv[NV];
        HWF_UNROLL_BY(8) for (int v = 0; v < NV; v++) bv[v] = vload(b + p * NR + v * W);
        HWF_UNROLL_BY(16) for (int i = 0; i < MR; i++)
        {
            V ai = vset1(a[p * MR + i]);
            HWF_UNROLL_BY(8) for (int v = 0; v < NV; v++) acc[i][v] = vfma(ai, bv[v], acc[i][v]);
        }
    }
    if (mr == MR && nr == NR)
    {
        HWF_UNROLL_BY(16) for (int i = 0; i < MR; i++)
            HWF_UNROLL_BY(8) for (int v = 0; v < NV; v++)
            {
                float* dst = c + i * ldc + v * W;
                V base = first ? (bias ? vload(bias + v * W) : vzero()) : vload(dst);
                vstore(dst, vadd(base, acc[i][v]));
            }
        return;
    }
    alignas(64) float local[MR * NR];
    HWF_UNROLL_BY(16) for (int i = 0; i < MR; i++)
        HWF_UNROLL_BY(8) for (int v = 0; v < NV; v++) vstore(local + i * NR + v * W, acc[i][v]);
    for (int i = 0; i < mr; i++)
        for (int j = 0; j < nr; j++)
        {
            float* dst = c + i * ldc + j;
            *dst = (first ? (bias ? bias[j] : 0.f) : *dst) + local[i * NR + j];
        }
}

// kc x nc of B into panels of NR columns, each kc rows of NR floats; columns past nc are zeros.
void pack_b(int kc, int nc, const float* b, long rsb, long csb, float* out)
{
    for (int j0 = 0; j0 < nc; j0 += NR, out += kc * NR)
    {
        int nr = nc - j0 < NR ? nc - j0 : NR;
        const float* src = b + j0 * csb;
        if (csb == 1 && nr == NR)
            for (int p = 0; p < kc; p++) std::memcpy(out + p * NR, src + p * rsb, sizeof(float) * NR);
        else
            for (int p = 0; p < kc; p++)
                for (int j = 0; j < NR; j++) out[p * NR + j] = j < nr ? src[p * rsb + j * csb] : 0.f;
    }
}

// mc x kc of A into panels of MR rows, each kc columns of MR floats; rows past mc are zeros.
void pack_a(int mc, int kc, const float* a, long rsa, long csa, float* out)
{
    for (int i0 = 0; i0 < mc; i0 += MR, out += kc * MR)
    {
        int mr = mc - i0 < MR ? mc - i0 : MR;
        const float* src = a + i0 * rsa;
        if (csa == 1 && mr == MR)
            for (int p = 0; p < kc; p++)
                HWF_UNROLL_BY(16) for (int i = 0; i < MR; i++) out[p * MR + i] = src[i * rsa + p];
        else
            for (int p = 0; p < kc; p++)
                for (int i = 0; i < MR; i++) out[p * MR + i] = i < mr ? src[i * rsa + p * csa] : 0.f;
    }
}


// The macro-kernel: C[m x nc] (or +=) A[m x kc]·Bpacked, A packed here block by block, B already in panels.
void macro(int m, int nc, int kc, const float* a, long rsa, long csa, const float* pb, float* c, long ldc, const float* bias, bool first)
{
    float* pa = scratch.a;
    for (int ic = 0; ic < m; ic += MC)
    {
        int mc = m - ic < MC ? m - ic : MC;
        pack_a(mc, kc, a + ic * rsa, rsa, csa, pa);
        for (int jr = 0; jr < nc; jr += NR)
        {
            int nr = nc - jr < NR ? nc - jr : NR;
            const float* bias_j = bias ? bias + jr : nullptr;
            for (int ir = 0; ir < mc; ir += MR)
            {
                int mr = mc - ir < MR ? mc - ir : MR;
                tile(kc, pa + ir * kc, pb + jr * kc, c + (ic + ir) * ldc + jr, ldc, mr, nr, bias_j, first);
            }
        }
    }
}

} // namespace

namespace hwf {

void gemm(int m, int n, int k, const float* a, long rsa, long csa, const float* b, long rsb, long csb,
          float* c, long ldc, const float* bias, int accumulate)
{
    for (int jc = 0; jc < n; jc += NC)
    {
        int nc = n - jc < NC ? n - jc : NC;
        for (int pc = 0; pc < k; pc += KC)
        {
            int kc = k - pc < KC ? k - pc : KC;
            pack_b(kc, nc, b + pc * rsb + jc * csb, rsb, csb, scratch.b);
            macro(m, nc, kc, a + pc * csa, rsa, csa, scratch.b, c + jc, ldc, bias ? bias + jc : nullptr, pc == 0 && !accumulate);
        }
    }
}

} // namespace hwf

// Weights are packed once, whole, in the layout gemm packs per call: K in blocks of KC rows, each block all of B's
// NR-column panels in order. Block pc starts at pc · panels · NR floats; its panel p at + p · kc · NR.
HWF_EXPORT long hwf_packed_size(int n, int k) { return (long)((n + NR - 1) / NR) * NR * k; }

HWF_EXPORT void hwf_pack_weights(const float* b, int n, int k, float* out)
{
    long panels = (n + NR - 1) / NR;
    for (int pc = 0; pc < k; pc += KC)
    {
        int kc = k - pc < KC ? k - pc : KC;
        pack_b(kc, n, b + (long)pc * n, n, 1, out + pc * panels * NR);
    }
}

// C[:, j0:j1] = A·B + bias with B packed by hwf_pack_weights; j0 must be a multiple of hwf_tile_cols().
HWF_EXPORT void hwf_matmul_packed(const float* a, const float* packed, const float* bias, float* c, int m, int n, int k, int j0, int j1)
{
    long panels = (n + NR - 1) / NR;
    for (int jc = j0; jc < j1; jc += NC)
    {
        int nc = j1 - jc < NC ? j1 - jc : NC;
        for (int pc = 0; pc < k; pc += KC)
        {
            int kc = k - pc < KC ? k - pc : KC;
            const float* pb = packed + pc * panels * NR + (long)(jc / NR) * kc * NR;
            macro(m, nc, kc, a + pc, k, 1, pb, c + jc, n, bias ? bias + jc : nullptr, pc == 0);
        }
    }
}

// C[:, j0:j1] of C[m x n] = A[m x k]·B[k x n] + bias: a caller's thread computes one column slice.
HWF_EXPORT void hwf_matmul(const float* a, const float* b, const float* bias, float* c, int m, int n, int k, int j0, int j1)
{
    if (j1 <= j0) return;
    hwf::gemm(m, j1 - j0, k, a, k, 1, b + j0, n, 1, c + j0, n, bias ? bias + j0 : nullptr, 0);
}

// y[j0:j1] = x·B + bias for one row x: a decode step reads every weight once, so this streams whole rows of B
// (four at a time) while y's slice stays in L1, instead of packing panels that would be used once.
HWF_EXPORT void hwf_gemv(const float* x, const float* b, const float* bias, float* y, int n, int k, int j0, int j1)
{
    for (int j = j0; j < j1; j++) y[j] = bias ? bias[j] : 0.f;
    int p = 0;
    for (; p + 4 <= k; p += 4)
    {
        const float x0 = x[p], x1 = x[p + 1], x2 = x[p + 2], x3 = x[p + 3];
        const float *r0 = b + (long)p * n, *r1 = r0 + n, *r2 = r1 + n, *r3 = r2 + n;
        for (int j = j0; j < j1; j++) y[j] += x0 * r0[j] + x1 * r1[j] + x2 * r2[j] + x3 * r3[j];
    }
    for (; p < k; p++)
    {
        const float xp = x[p];
        const float* r = b + (long)p * n;
        for (int j = j0; j < j1; j++) y[j] += xp * r[j];
    }
}

HWF_EXPORT int hwf_abi() { return HWF_ABI; }

// Callers split a GEMM's columns at multiples of this, so that no thread's slice ends inside another's tile.
HWF_EXPORT int hwf_tile_cols() { return NR; }

// What this library was built with, for `hwforge core kernels`.
HWF_EXPORT const char* hwf_variant()
{
#define HWF_STR2(x) #x
#define HWF_STR(x) HWF_STR2(x)
    return "mr=" HWF_STR(HWF_MR) " nr=" HWF_STR(HWF_NR) " kc=" HWF_STR(HWF_KC) " mc=" HWF_STR(HWF_MC) " nc=" HWF_STR(HWF_NC)
           " unroll=" HWF_STR(HWF_UNROLL) " vector=" HWF_STR(HWF_VECTOR_BITS);
}
