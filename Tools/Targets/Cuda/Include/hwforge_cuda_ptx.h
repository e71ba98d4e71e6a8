// Just enough of the CUDA runtime's declarations for clang to compile a kernel's device code to PTX without the
// NVIDIA SDK (-nocudainc -nocudalib): the builtin variables, dim3, the runtime calls a host entry makes, and the
// launch configuration call clang lowers <<<...>>> into. Declarations only: nothing here runs.
#pragma once
struct uint3 { unsigned int x, y, z; };
struct dim3;
#include <__clang_cuda_builtin_vars.h>
#define __host__ __attribute__((host))
#define __device__ __attribute__((device))
#define __global__ __attribute__((global))
#define __shared__ __attribute__((shared))
#define __constant__ __attribute__((constant))
#define __managed__ __attribute__((managed))
#define __launch_bounds__(...) __attribute__((launch_bounds(__VA_ARGS__)))
#define __forceinline__ __inline__ __attribute__((always_inline))
#define __noinline__ __attribute__((noinline))
#define __align__(n) __attribute__((aligned(n)))
typedef __SIZE_TYPE__ size_t;
struct dim3 {
    unsigned x, y, z;
    __host__ __device__ constexpr dim3(unsigned vx = 1, unsigned vy = 1, unsigned vz = 1) : x(vx), y(vy), z(vz) {}
    __host__ __device__ constexpr dim3(uint3 v) : x(v.x), y(v.y), z(v.z) {}
};
typedef struct CUstream_st* cudaStream_t;
enum cudaError_t { cudaSuccess = 0 };
typedef cudaError_t cudaError;
// The vector types, aligned as CUDA aligns them (the intrinsics header's __ldg overloads name them all).
#define HWFORGE_VEC2(T, N, A) struct __align__(A) N##2 { T x, y; }; \
    __host__ __device__ inline N##2 make_##N##2(T x, T y) { N##2 v = {x, y}; return v; }
#define HWFORGE_VEC3(T, N) struct N##3 { T x, y, z; }; \
    __host__ __device__ inline N##3 make_##N##3(T x, T y, T z) { N##3 v = {x, y, z}; return v; }
#define HWFORGE_VEC4(T, N, A) struct __align__(A) N##4 { T x, y, z, w; }; \
    __host__ __device__ inline N##4 make_##N##4(T x, T y, T z, T w) { N##4 v = {x, y, z, w}; return v; }
HWFORGE_VEC2(signed char, char, 2) HWFORGE_VEC4(signed char, char, 4) HWFORGE_VEC2(unsigned char, uchar, 2) HWFORGE_VEC4(unsigned char, uchar, 4)
HWFORGE_VEC2(short, short, 4) HWFORGE_VEC4(short, short, 8) HWFORGE_VEC2(unsigned short, ushort, 4) HWFORGE_VEC4(unsigned short, ushort, 8)
HWFORGE_VEC2(int, int, 8) HWFORGE_VEC3(int, int) HWFORGE_VEC4(int, int, 16) HWFORGE_VEC2(unsigned int, uint, 8) HWFORGE_VEC4(unsigned int, uint, 16)
HWFORGE_VEC2(long long, longlong, 16) HWFORGE_VEC2(unsigned long long, ulonglong, 16)
HWFORGE_VEC2(float, float, 8) HWFORGE_VEC3(float, float) HWFORGE_VEC4(float, float, 16) HWFORGE_VEC2(double, double, 16)
__host__ __device__ inline uint3 make_uint3(unsigned x, unsigned y, unsigned z) { uint3 v = {x, y, z}; return v; }
enum cudaMemcpyKind { cudaMemcpyHostToHost = 0, cudaMemcpyHostToDevice = 1, cudaMemcpyDeviceToHost = 2, cudaMemcpyDeviceToDevice = 3, cudaMemcpyDefault = 4 };
extern "C" unsigned __cudaPushCallConfiguration(dim3 grid, dim3 block, size_t shared = 0, cudaStream_t stream = 0);
extern "C" int cudaConfigureCall(dim3 grid, dim3 block, size_t shared = 0, cudaStream_t stream = 0);
extern "C" cudaError_t cudaMalloc(void** p, size_t bytes);
template <class T> cudaError_t cudaMalloc(T** p, size_t bytes) { return cudaMalloc((void**)p, bytes); }
extern "C" cudaError_t cudaFree(void* p);
extern "C" cudaError_t cudaMemcpy(void* d, const void* s, size_t n, cudaMemcpyKind k);
extern "C" cudaError_t cudaMemset(void* d, int v, size_t n);
extern "C" cudaError_t cudaDeviceSynchronize();
extern "C" cudaError_t cudaGetLastError();
extern "C" cudaError_t cudaPeekAtLastError();
extern "C" const char* cudaGetErrorString(cudaError_t);
// Device printf, which clang lowers to vprintf; the emulation has the C library's.
extern "C" __host__ __device__ int printf(const char* format, ...);
#define CUDA_VERSION 12000
#include <__clang_cuda_math_forward_declares.h>
#include <cmath>
#include <cstdlib>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <__clang_cuda_libdevice_declares.h>
#include <__clang_cuda_device_functions.h>
#include <__clang_cuda_math.h>
typedef uint32_t cuuint32_t;
#include <__clang_cuda_cmath.h>
#include <__clang_cuda_intrinsics.h>
// The atomics, as the SDK's sm_20/sm_60 headers define them over clang's builtins.
__device__ inline int atomicAdd(int* p, int v) { return __iAtomicAdd(p, v); }
__device__ inline unsigned atomicAdd(unsigned* p, unsigned v) { return __uAtomicAdd(p, v); }
__device__ inline unsigned long long atomicAdd(unsigned long long* p, unsigned long long v) { return __ullAtomicAdd(p, v); }
__device__ inline float atomicAdd(float* p, float v) { return __fAtomicAdd(p, v); }
__device__ inline double atomicAdd(double* p, double v) { return __dAtomicAdd(p, v); }
__device__ inline int atomicSub(int* p, int v) { return __iAtomicAdd(p, -v); }
__device__ inline unsigned atomicSub(unsigned* p, unsigned v) { return __uAtomicAdd(p, (unsigned)-(int)v); }
__device__ inline int atomicExch(int* p, int v) { return __iAtomicExch(p, v); }
__device__ inline unsigned atomicExch(unsigned* p, unsigned v) { return __uAtomicExch(p, v); }
__device__ inline float atomicExch(float* p, float v) { return __fAtomicExch(p, v); }
__device__ inline int atomicMax(int* p, int v) { return __iAtomicMax(p, v); }
__device__ inline unsigned atomicMax(unsigned* p, unsigned v) { return __uAtomicMax(p, v); }
__device__ inline int atomicMin(int* p, int v) { return __iAtomicMin(p, v); }
__device__ inline unsigned atomicMin(unsigned* p, unsigned v) { return __uAtomicMin(p, v); }
__device__ inline int atomicCAS(int* p, int c, int v) { return __iAtomicCAS(p, c, v); }
__device__ inline unsigned atomicCAS(unsigned* p, unsigned c, unsigned v) { return __uAtomicCAS(p, c, v); }
__device__ inline unsigned long long atomicCAS(unsigned long long* p, unsigned long long c, unsigned long long v) { return __ullAtomicCAS(p, c, v); }
__device__ inline int atomicAnd(int* p, int v) { return __iAtomicAnd(p, v); }
__device__ inline int atomicOr(int* p, int v) { return __iAtomicOr(p, v); }
__device__ inline int atomicXor(int* p, int v) { return __iAtomicXor(p, v); }
__device__ inline unsigned atomicAnd(unsigned* p, unsigned v) { return __uAtomicAnd(p, v); }
__device__ inline unsigned atomicOr(unsigned* p, unsigned v) { return __uAtomicOr(p, v); }
__device__ inline unsigned atomicXor(unsigned* p, unsigned v) { return __uAtomicXor(p, v); }
