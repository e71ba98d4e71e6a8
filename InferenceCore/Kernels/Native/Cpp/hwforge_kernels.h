// HwForge's native kernel set: the C ABI that InferenceCore/Kernels/Native/NativeKernels.cs calls.
// Tensors are row-major float arrays the caller owns; no function allocates on the caller's behalf or throws.
// Variants of the same source differ only in the HWF_* macros below, which `hwforge core optimize` sets.
#pragma once
#include <cstdint>
#include <immintrin.h>

// GEMM blocking (GotoBLAS/BLIS): an MR x NR register tile, K in blocks of KC, A in blocks of MC rows, B in NC columns.
#ifndef HWF_MR
#define HWF_MR 6
#endif
#ifndef HWF_NR
#define HWF_NR 16
#endif
#ifndef HWF_KC
#define HWF_KC 256
#endif
#ifndef HWF_MC
#define HWF_MC 72
#endif
#ifndef HWF_NC
#define HWF_NC 2048
#endif
// How many k steps the micro-kernel's loop body holds.
#ifndef HWF_UNROLL
#define HWF_UNROLL 4
#endif
// The vector width in floats: 16 where AVX-512 is compiled in and asked for, else 8 (AVX2).
#ifndef HWF_VECTOR_BITS
#define HWF_VECTOR_BITS 256
#endif

#define HWF_EXPORT extern "C" __attribute__((visibility("default")))

// Raised whenever a signature below changes, so a stale cached library is never called with the wrong arguments.
#define HWF_ABI 1

namespace hwf {
// C[m x n] (row stride ldc) = or += A·B, A element (i,p) at a[i*rsa + p*csa], B element (p,j) at b[p*rsb + j*csb];
// bias (n floats) is added when not null and accumulate is 0. Internal: attention uses it on strided heads.
void gemm(int m, int n, int k, const float* a, long rsa, long csa, const float* b, long rsb, long csb,
          float* c, long ldc, const float* bias, int accumulate);

// Cephes' expf: e^x = 2^n · e^r with |r| ≤ ln2/2 and a degree-6 polynomial for e^r; ~1 ulp. Inputs are clamped
// where 2^n would leave the normal range, which softmax and sigmoid never need beyond. Inline and branch-free, so
// that the loops calling it vectorise (a call, or libm's expf, would keep them scalar).
__attribute__((always_inline)) inline float exp_approx(float x)
{
    x = x < -87.0f ? -87.0f : (x > 88.0f ? 88.0f : x);
    float n = __builtin_floorf(x * 1.44269504088896341f + 0.5f);
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
    __builtin_memcpy(&scale, &bits, sizeof scale);
    return p * scale;
}

#ifdef __AVX2__
// The same exp, eight lanes at a time: g++ will not vectorise the scalar one (its clamp and bit cast read as
// control flow and type punning), so the element-wise loops call this on whole vectors and the scalar one on tails.
__attribute__((always_inline)) inline __m256 exp8(__m256 x)
{
    x = _mm256_min_ps(_mm256_max_ps(x, _mm256_set1_ps(-87.0f)), _mm256_set1_ps(88.0f));
    __m256 n = _mm256_floor_ps(_mm256_fmadd_ps(x, _mm256_set1_ps(1.44269504088896341f), _mm256_set1_ps(0.5f)));
    __m256 r = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.693359375f), x);
    r = _mm256_fmadd_ps(n, _mm256_set1_ps(2.12194440e-4f), r);
    __m256 p = _mm256_set1_ps(1.9875691500e-4f);
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.3981999507e-3f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(8.3334519073e-3f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(4.1665795894e-2f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.6666665459e-1f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(5.0000001201e-1f));
    p = _mm256_fmadd_ps(_mm256_mul_ps(p, r), r, _mm256_add_ps(r, _mm256_set1_ps(1.0f)));
    __m256i bits = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)), 23);
    return _mm256_mul_ps(p, _mm256_castsi256_ps(bits));
}
#endif
}
