// HwForge's native kernel set: the C ABI that InferenceCore/Kernels/Native/NativeKernels.cs calls.
// Tensors are row-major float arrays the caller owns; no function allocates on the caller's behalf or throws.
// Variants of the same source differ only in the HWF_* macros below, which `hwforge core optimize` sets.
#pragma once
#include <cstdint>

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
float exp_approx(float x);
}
