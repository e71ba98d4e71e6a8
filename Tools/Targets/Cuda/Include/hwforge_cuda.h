// HwForge's CPU emulation of the CUDA execution model, so a kernel's own .cu source builds with g++ and runs here.
//
// One OS thread per CUDA thread, so __syncthreads is a real barrier and ThreadSanitizer sees every access of every
// thread; at least two blocks run at once, taken from a shuffled order as each ends, so a non-atomic update shared
// between any two blocks is a race it can see. __shared__ declarations are rewritten (by CudaSource.cs) into
// per-block storage filled with NaN bytes, because real shared memory starts with whatever the last block left there. Device buffers live in their own pages, between
// guard pages, and are unreadable (PROT_NONE) outside a launch: host code that reads them crashes, so a solve()
// that computes on the host cannot pass. Not emulated: timing, the weak memory model beyond what C++ atomics give,
// streams (everything is synchronous), textures, cooperative groups, half precision.
#pragma once

#include <pthread.h>
#include <linux/futex.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cfloat>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <tuple>
#include <type_traits>
#include <typeinfo>
#include <utility>
#include <vector>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define HWFORGE_ASAN 1
#else
#define HWFORGE_ASAN 0
#endif

#define __global__
#define __device__
#define __host__
#define __forceinline__ inline
#define __noinline__
#define __constant__
#define __managed__
#define __launch_bounds__(...)
#define __align__(n) alignas(n)
#define __CUDACC__ 1
#define __CUDA_ARCH__ 800

// ---- vector types --------------------------------------------------------------------------------------------
struct uint3 { unsigned int x, y, z; };
struct dim3 {
    unsigned int x, y, z;
    constexpr dim3(unsigned int vx = 1, unsigned int vy = 1, unsigned int vz = 1) : x(vx), y(vy), z(vz) {}
    constexpr dim3(uint3 v) : x(v.x), y(v.y), z(v.z) {}
    constexpr operator uint3() const { return {x, y, z}; }
};
struct alignas(8) float2 { float x, y; };
struct float3 { float x, y, z; };
struct alignas(16) float4 { float x, y, z, w; };
struct alignas(8) int2 { int x, y; };
struct int3 { int x, y, z; };
struct alignas(16) int4 { int x, y, z, w; };
struct alignas(8) uint2 { unsigned int x, y; };
struct alignas(16) uint4 { unsigned int x, y, z, w; };
struct alignas(16) double2 { double x, y; };
inline float2 make_float2(float x, float y) { return {x, y}; }
inline float3 make_float3(float x, float y, float z) { return {x, y, z}; }
inline float4 make_float4(float x, float y, float z, float w) { return {x, y, z, w}; }
inline int2 make_int2(int x, int y) { return {x, y}; }
inline int4 make_int4(int x, int y, int z, int w) { return {x, y, z, w}; }
inline uint3 make_uint3(unsigned x, unsigned y, unsigned z) { return {x, y, z}; }

// ---- runtime API types ------------------------------------------------------------------------------------------
enum cudaError_t { cudaSuccess = 0, cudaErrorInvalidValue = 1, cudaErrorMemoryAllocation = 2, cudaErrorInvalidConfiguration = 9,
                   cudaErrorInvalidDevicePointer = 17, cudaErrorInvalidMemcpyDirection = 21, cudaErrorNotPermitted = 800 };
typedef cudaError_t cudaError;
enum cudaMemcpyKind { cudaMemcpyHostToHost = 0, cudaMemcpyHostToDevice = 1, cudaMemcpyDeviceToHost = 2, cudaMemcpyDeviceToDevice = 3, cudaMemcpyDefault = 4 };
typedef struct hwforge_stream* cudaStream_t;

inline thread_local uint3 threadIdx{0, 0, 0};
inline thread_local uint3 blockIdx{0, 0, 0};
inline thread_local dim3 blockDim{1, 1, 1};
inline thread_local dim3 gridDim{1, 1, 1};
constexpr int warpSize = 32;

namespace hwforge {

// A fault the emulation itself finds (a bad launch, host access to device memory): said on stderr, then the
// program stops, so the judge sees it as a run that did not finish.
[[noreturn]] inline void fault(const char* what, const char* detail = "") {
    std::fprintf(stderr, "hwforge-cuda: %s%s\n", what, detail);
    std::fflush(stderr);
    std::_Exit(86);
}

// ---- device memory ------------------------------------------------------------------------------------------------
struct allocation {
    char* region;      // guard page, inner pages, guard page
    size_t region_bytes;
    char* inner;       // the pages that open during a launch
    size_t inner_bytes;
    char* data;        // what cudaMalloc returned: 256-byte aligned, ending at most 255 bytes before the upper guard page
    size_t bytes;
    bool harness;      // allocated by the judge (an argument), not by the candidate
};

constexpr unsigned char canary = 0xFF;   // every float made of it is a NaN

struct device_memory {
    std::mutex gate;
    std::vector<allocation> live;
    bool open = false;
    bool harness_mode = true;   // the judge's own copies; false while the candidate's solve() runs
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
};

inline device_memory& memory() { static device_memory m; return m; }

inline void set_access(const allocation& a, bool open) {
    if (mprotect(a.inner, a.inner_bytes, open ? PROT_READ | PROT_WRITE : PROT_NONE) != 0) fault("mprotect failed");
}

inline void open_all(bool open) {
    auto& m = memory();
    std::lock_guard<std::mutex> lock(m.gate);
    m.open = open;
    for (auto& a : m.live) set_access(a, open);
}

inline allocation* find(const void* p, size_t n) {
    auto& m = memory();
    auto c = static_cast<const char*>(p);
    for (auto& a : m.live)
        if (c >= a.data && c + n <= a.data + a.bytes && c <= a.data + a.bytes) return &a;
    return nullptr;
}

inline void* allocate(size_t bytes, bool harness) {
    auto& m = memory();
    size_t rounded = (bytes + 255) / 256 * 256;
    if (rounded == 0) rounded = 256;
    size_t inner = (rounded + m.page - 1) / m.page * m.page;
    size_t total = inner + 2 * m.page;
    void* region = mmap(nullptr, total, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (region == MAP_FAILED) return nullptr;
    allocation a{static_cast<char*>(region), total, static_cast<char*>(region) + m.page, inner, nullptr, bytes, harness};
    a.data = a.inner + inner - rounded;
    set_access(a, true);
    std::memset(a.inner, canary, a.inner_bytes);
#if HWFORGE_ASAN
    __asan_poison_memory_region(a.inner, a.data - a.inner);
    __asan_poison_memory_region(a.data + bytes, a.inner + inner - (a.data + bytes));
#endif
    std::lock_guard<std::mutex> lock(m.gate);
    if (!m.open) set_access(a, false);
    m.live.push_back(a);
    return a.data;
}

inline bool release(void* p) {
    auto& m = memory();
    std::lock_guard<std::mutex> lock(m.gate);
    for (size_t i = 0; i < m.live.size(); ++i)
        if (m.live[i].data == p) {
            if (m.live[i].harness && !m.harness_mode) return false;   // the judge's buffers are the judge's to free
#if HWFORGE_ASAN
            __asan_unpoison_memory_region(m.live[i].inner, m.live[i].inner_bytes);
#endif
            munmap(m.live[i].region, m.live[i].region_bytes);
            m.live.erase(m.live.begin() + (long)i);
            return true;
        }
    return false;
}

// Bytes around each buffer keep their canary unless something wrote outside the buffer (AddressSanitizer, when on,
// stops such a write where it happens; this catches it in the other builds, at the end of the launch).
inline void check_canaries(const char* when) {
    if (HWFORGE_ASAN) return;
    auto& m = memory();
    std::lock_guard<std::mutex> lock(m.gate);
    for (auto& a : m.live) {
        if (!m.open) set_access(a, true);
        const char* end = a.data + a.bytes;
        for (const char* c = a.inner; c < a.inner + a.inner_bytes; ++c) {
            if (c == a.data) { c = end - 1; continue; }
            if ((unsigned char)*c != canary) {
                char detail[200];
                std::snprintf(detail, sizeof detail, " %s: a device buffer of %zu bytes was written %s its bounds (%td bytes %s)", when, a.bytes,
                              c < a.data ? "below" : "beyond", c < a.data ? a.data - c : c - end + 1, c < a.data ? "before its start" : "past its end");
                fault("out-of-bounds write", detail);
            }
        }
        if (!m.open) set_access(a, false);
    }
}

// ---- barriers ----------------------------------------------------------------------------------------------------
// A barrier of its own rather than std::barrier: libstdc++'s waits share a global pool of mutexes, which to
// ThreadSanitizer orders threads that never met, and hides exactly the races a missing __syncthreads causes.
// This one orders only the threads that pass through it.
class barrier {
public:
    explicit barrier(int count) : expected_(count) {}

    void arrive_and_wait() { arrive(false); }

    // A thread that has finished: later phases no longer wait for it.
    void arrive_and_drop() { arrive(true); }

private:
    void arrive(bool drop) {
        std::unique_lock<std::mutex> lock(gate_);
        unsigned phase = generation_.load(std::memory_order_relaxed);
        if (drop) --expected_; else ++arrived_;
        if (arrived_ >= expected_ && (arrived_ > 0 || drop)) {
            arrived_ = 0;
            generation_.store(phase + 1, std::memory_order_release);
            lock.unlock();
            syscall(SYS_futex, reinterpret_cast<unsigned*>(&generation_), FUTEX_WAKE_PRIVATE, INT_MAX, nullptr, nullptr, 0);
            return;
        }
        lock.unlock();
        if (drop) return;
        while (generation_.load(std::memory_order_acquire) == phase)
            syscall(SYS_futex, reinterpret_cast<unsigned*>(&generation_), FUTEX_WAIT_PRIVATE, phase, nullptr, nullptr, 0);
    }

    std::mutex gate_;
    int expected_;
    int arrived_ = 0;
    std::atomic<unsigned> generation_{0};
};

// ---- blocks, warps and shared memory ----------------------------------------------------------------------------
struct warp_state {
    explicit warp_state(int lanes) : bar(lanes) {}
    barrier bar;
    unsigned long long slot[32] = {};
};

// Zero-free storage aligned for float4 loads, filled with the canary (uninitialised shared memory reads as NaN).
struct storage {
    unsigned char* bytes = nullptr;
    explicit storage(size_t n) : bytes(static_cast<unsigned char*>(std::aligned_alloc(16, (n + 16) / 16 * 16))) { std::memset(bytes, canary, (n + 16) / 16 * 16); }
    storage(const storage&) = delete;
    storage& operator=(const storage&) = delete;
    ~storage() { std::free(bytes); }
};

struct block_state {
    explicit block_state(int threads) : bar(threads) {
        for (int w = 0; w * 32 < threads; ++w) warps.emplace_back(std::make_unique<warp_state>(std::min(32, threads - w * 32)));
    }
    barrier bar;
    std::vector<std::unique_ptr<warp_state>> warps;
    std::mutex gate;
    std::map<std::pair<int, size_t>, std::unique_ptr<storage>> shared;
    std::unique_ptr<storage> dynamic;
    size_t dynamic_bytes = 0;
    std::atomic<int> count{0};
};

inline thread_local block_state* current_block = nullptr;
inline thread_local int current_thread = 0;   // linear thread index in the block

inline block_state& block() {
    if (!current_block) fault("a device function ran outside a kernel launch (called from host code?)");
    return *current_block;
}

// A __shared__ variable of the current block: the same storage for every thread of the block, fresh for each block.
template <class T>
T& shared(int id) {
    auto& b = block();
    std::lock_guard<std::mutex> lock(b.gate);
    auto& slot = b.shared[{id, typeid(T).hash_code()}];
    if (!slot) slot = std::make_unique<storage>(sizeof(T));
    return *reinterpret_cast<T*>(slot->bytes);
}

template <class T>
T* dynamic_shared() { return reinterpret_cast<T*>(block().dynamic->bytes); }

inline void syncthreads() { block().bar.arrive_and_wait(); }

inline warp_state& warp() { return *block().warps[current_thread / 32]; }
inline int lane() { return current_thread % 32; }

template <class T>
T exchange(T value, int source) {
    static_assert(sizeof(T) <= 8, "warp shuffles move at most 8 bytes");
    auto& w = warp();
    unsigned long long bits = 0;
    std::memcpy(&bits, &value, sizeof(T));
    w.slot[lane()] = bits;
    w.bar.arrive_and_wait();
    unsigned long long got = w.slot[source & 31];
    w.bar.arrive_and_wait();
    T out;
    std::memcpy(&out, &got, sizeof(T));
    return out;
}

// ---- launches ------------------------------------------------------------------------------------------------------
// `last` is what cudaGetLastError reads and clears; `failed` counts refused launches for the judge alone.
struct launch_error { cudaError_t last = cudaSuccess; int failed = 0; };
inline launch_error& errors() { static launch_error e; return e; }

// The threads that run a launch's CUDA threads, kept from one launch to the next (starting a thread under
// ThreadSanitizer costs about a millisecond). They are grouped in slots of a block's size; every slot takes the next
// block from the launch's shuffled order as soon as its last block ends, so any two blocks of the grid may run at
// once, neighbours and blocks far apart alike, and which blocks meet changes from launch to launch. Taking a block
// is a relaxed atomic, which orders nothing for ThreadSanitizer: two blocks are ordered only when one slot ran them
// one after the other, so a conflict between blocks without an atomic is a race it reports, whenever they ran.
struct thread_pool {
    struct slot_state {
        explicit slot_state(int threads) : bar(threads) {}
        barrier bar;
        size_t next = 0;                      // the position in the launch's order of the block this slot runs
        std::unique_ptr<block_state> block;
    };
    struct launch_job {
        const std::function<void()>* body = nullptr;
        std::vector<unsigned long long> order;   // the grid's blocks (linear indexes), shuffled
        std::atomic<size_t> taken{0};
        std::vector<std::unique_ptr<slot_state>> slots;
        dim3 grid, dims;
        size_t dynamic_bytes = 0;
        int per_block = 1;
        bool quit = false;
    };

    std::vector<pthread_t> threads;
    std::unique_ptr<barrier> go, done;
    launch_job job;

    static void run_slot(launch_job& job, slot_state& slot, int t) {
        for (;;) {
            if (t == 0) {
                slot.block.reset();
                slot.next = job.taken.fetch_add(1, std::memory_order_relaxed);
                if (slot.next < job.order.size()) {
                    slot.block = std::make_unique<block_state>(job.per_block);
                    slot.block->dynamic = std::make_unique<storage>(job.dynamic_bytes);
                    slot.block->dynamic_bytes = job.dynamic_bytes;
                }
            }
            slot.bar.arrive_and_wait();
            if (slot.next >= job.order.size()) return;
            unsigned long long b = job.order[slot.next];
            auto& d = job.dims;
            auto& g = job.grid;
            threadIdx = {(unsigned)(t % d.x), (unsigned)(t / d.x % d.y), (unsigned)(t / d.x / d.y)};
            blockIdx = {(unsigned)(b % g.x), (unsigned)(b / g.x % g.y), (unsigned)(b / g.x / g.y)};
            blockDim = d;
            gridDim = g;
            current_block = slot.block.get();
            current_thread = t;
            (*job.body)();
            // An exited thread no longer holds back its block's or its warp's barriers, as on the GPU.
            current_block->warps[t / 32]->bar.arrive_and_drop();
            current_block->bar.arrive_and_drop();
            current_block = nullptr;
            slot.bar.arrive_and_wait();   // every thread of the block is done before its state goes
        }
    }

    static void* work(void* p) {
        auto& pool = *static_cast<std::pair<thread_pool*, int>*>(p);
        thread_pool& self = *pool.first;
        int me = pool.second;
        delete &pool;
        for (;;) {
            self.go->arrive_and_wait();
            if (self.job.quit) return nullptr;
            size_t s = (size_t)(me / self.job.per_block);
            if (s < self.job.slots.size()) run_slot(self.job, *self.job.slots[s], me % self.job.per_block);
            self.done->arrive_and_wait();
        }
    }

    void resize(size_t count) {
        if (count == threads.size()) return;
        stop();
        go = std::make_unique<barrier>((int)count + 1);
        done = std::make_unique<barrier>((int)count + 1);
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setstacksize(&attr, 512 * 1024);
        threads.resize(count);
        for (size_t i = 0; i < count; ++i)
            if (pthread_create(&threads[i], &attr, work, new std::pair<thread_pool*, int>(this, (int)i)) != 0)
                fault("could not start a thread for a CUDA thread (the sandbox's limit on threads?)");
        pthread_attr_destroy(&attr);
    }

    void stop() {
        if (threads.empty()) return;
        job.quit = true;
        go->arrive_and_wait();
        for (auto& t : threads) pthread_join(t, nullptr);
        threads.clear();
        job.quit = false;
    }

    ~thread_pool() { stop(); }
};

inline thread_pool& pool() { static thread_pool p; return p; }

// splitmix64: the launch's block order, the same in every build of the program (a verdict can be reproduced).
inline unsigned long long shuffle_bits(unsigned long long& state) {
    unsigned long long z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

inline void run_grid(dim3 grid, dim3 dims, size_t dynamic_bytes, std::function<void()> body) {
    unsigned long long per_block = (unsigned long long)dims.x * dims.y * dims.z;
    unsigned long long blocks = (unsigned long long)grid.x * grid.y * grid.z;
    if (per_block == 0 || per_block > 1024 || dims.z > 64 || blocks == 0 || grid.y > 65535 || grid.z > 65535 || dynamic_bytes > 228 * 1024) {
        errors().last = cudaErrorInvalidConfiguration;
        errors().failed++;
        return;
    }
    // At least two blocks at once (a race between blocks must be able to happen), about 512 threads in all.
    unsigned long long slots = std::min(blocks, std::max<unsigned long long>(2, 512 / per_block));
    auto& p = pool();
    p.resize(slots * per_block);
    static unsigned long long launches = 0;
    unsigned long long state = ++launches * 0xD1B54A32D192ED03ull;
    auto& job = p.job;
    job.order.resize(blocks);
    for (unsigned long long b = 0; b < blocks; ++b) job.order[b] = b;
    for (unsigned long long b = blocks; b > 1; --b) std::swap(job.order[b - 1], job.order[shuffle_bits(state) % b]);
    job.taken.store(0, std::memory_order_relaxed);
    job.slots.clear();
    for (unsigned long long s = 0; s < slots; ++s) job.slots.emplace_back(std::make_unique<thread_pool::slot_state>((int)per_block));
    job.body = &body;
    job.grid = grid;
    job.dims = dims;
    job.dynamic_bytes = dynamic_bytes;
    job.per_block = (int)per_block;
    open_all(true);
    p.go->arrive_and_wait();
    p.done->arrive_and_wait();
    job.slots.clear();
    open_all(false);
    check_canaries("after a kernel launch");
}

// What kernel<<<grid, block, shared, stream>>>(args) becomes: the arguments are copied once, as CUDA copies them.
template <class Kernel>
struct launcher {
    Kernel kernel;
    dim3 grid, dims;
    size_t dynamic_bytes;
    template <class... Args>
    void operator()(Args&&... args) const {
        auto k = kernel;
        auto copied = std::make_tuple(args...);
        run_grid(grid, dims, dynamic_bytes, [k, &copied] { std::apply(k, copied); });
    }
};

template <class Kernel>
launcher<Kernel> launch(Kernel kernel, dim3 grid, dim3 dims, size_t dynamic_bytes = 0, cudaStream_t = nullptr) {
    return {kernel, grid, dims, dynamic_bytes};
}

}  // namespace hwforge

// ---- device functions ---------------------------------------------------------------------------------------------
inline void __syncthreads() { hwforge::syncthreads(); }
inline int __syncthreads_count(int predicate) {
    auto& b = hwforge::block();
    b.bar.arrive_and_wait();
    if (predicate) b.count.fetch_add(1);
    b.bar.arrive_and_wait();
    int n = b.count.load();
    b.bar.arrive_and_wait();
    if (hwforge::current_thread == 0) b.count.store(0);
    b.bar.arrive_and_wait();
    return n;
}
inline int __syncthreads_or(int predicate) { return __syncthreads_count(predicate) > 0; }
inline int __syncthreads_and(int predicate) {
    int all = (int)(blockDim.x * blockDim.y * blockDim.z);
    return __syncthreads_count(predicate) == all;
}
inline void __syncwarp(unsigned = 0xffffffffu) { hwforge::warp().bar.arrive_and_wait(); }
inline void __threadfence() { std::atomic_thread_fence(std::memory_order_seq_cst); }
inline void __threadfence_block() { std::atomic_thread_fence(std::memory_order_seq_cst); }

template <class T> T __shfl_sync(unsigned, T v, int src, int width = 32) { return hwforge::exchange(v, (hwforge::lane() / width) * width + (src % width)); }
template <class T> T __shfl_xor_sync(unsigned, T v, int mask, int width = 32) {
    int l = hwforge::lane(), s = l ^ mask;
    return hwforge::exchange(v, (s / width == l / width) ? s : l);
}
template <class T> T __shfl_down_sync(unsigned, T v, unsigned d, int width = 32) {
    int l = hwforge::lane(), s = l + (int)d;
    return hwforge::exchange(v, (s % width) >= (int)d && s / width == l / width ? s : l);
}
template <class T> T __shfl_up_sync(unsigned, T v, unsigned d, int width = 32) {
    int l = hwforge::lane(), s = l - (int)d;
    return hwforge::exchange(v, s >= 0 && s / width == l / width ? s : l);
}
inline unsigned __ballot_sync(unsigned, int predicate) {
    unsigned bits = 0;
    for (int i = 0; i < 32; ++i) {
        int p = hwforge::exchange(predicate ? 1 : 0, i);
        if (p) bits |= 1u << i;
    }
    return bits;
}
inline int __any_sync(unsigned m, int p) { return __ballot_sync(m, p) != 0; }
inline int __all_sync(unsigned m, int p) {
    auto& b = hwforge::block();
    int w = hwforge::current_thread / 32;
    int lanes = std::min(32, (int)(blockDim.x * blockDim.y * blockDim.z) - w * 32);
    unsigned full = lanes == 32 ? 0xffffffffu : (1u << lanes) - 1;
    (void)b;
    return (__ballot_sync(m, p) & full) == full;
}
inline unsigned __activemask() { return 0xffffffffu; }

// Atomics on the __atomic builtins, which ThreadSanitizer understands. The type comes from the pointer alone, so
// atomicAdd(&unsigned_counter, 1) converts the 1, as CUDA's overloads do.
template <class T> using hwforge_value = std::type_identity_t<T>;
template <class T> T atomicAdd(T* p, hwforge_value<T> v) { return __atomic_fetch_add(p, v, __ATOMIC_SEQ_CST); }
template <class F> F hwforge_atomic_float(F* p, F v, int op) {
    F old;
    __atomic_load(p, &old, __ATOMIC_SEQ_CST);
    F want;
    do { want = op == 0 ? old + v : op == 1 ? std::fmax(old, v) : std::fmin(old, v); }
    while (!__atomic_compare_exchange(p, &old, &want, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST));
    return old;
}
inline float atomicAdd(float* p, float v) { return hwforge_atomic_float(p, v, 0); }
inline double atomicAdd(double* p, double v) { return hwforge_atomic_float(p, v, 0); }
inline float atomicMax(float* p, float v) { return hwforge_atomic_float(p, v, 1); }
inline float atomicMin(float* p, float v) { return hwforge_atomic_float(p, v, 2); }
template <class T> T atomicSub(T* p, hwforge_value<T> v) { return __atomic_fetch_sub(p, v, __ATOMIC_SEQ_CST); }
template <class T> T atomicExch(T* p, hwforge_value<T> v) { return __atomic_exchange_n(p, v, __ATOMIC_SEQ_CST); }
inline float atomicExch(float* p, float v) { float old; __atomic_exchange(p, &v, &old, __ATOMIC_SEQ_CST); return old; }
template <class T> T atomicAnd(T* p, hwforge_value<T> v) { return __atomic_fetch_and(p, v, __ATOMIC_SEQ_CST); }
template <class T> T atomicOr(T* p, hwforge_value<T> v) { return __atomic_fetch_or(p, v, __ATOMIC_SEQ_CST); }
template <class T> T atomicXor(T* p, hwforge_value<T> v) { return __atomic_fetch_xor(p, v, __ATOMIC_SEQ_CST); }
template <class T> T atomicCAS(T* p, hwforge_value<T> compare, hwforge_value<T> v) { __atomic_compare_exchange_n(p, &compare, v, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); return compare; }
template <class T> T atomicMax(T* p, hwforge_value<T> v) {
    T old = __atomic_load_n(p, __ATOMIC_SEQ_CST);
    while (old < v && !__atomic_compare_exchange_n(p, &old, v, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {}
    return old;
}
template <class T> T atomicMin(T* p, hwforge_value<T> v) {
    T old = __atomic_load_n(p, __ATOMIC_SEQ_CST);
    while (old > v && !__atomic_compare_exchange_n(p, &old, v, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {}
    return old;
}

// Math intrinsics that CUDA has and C++ lacks (the standard ones come from <cmath>, in the global namespace).
inline float rsqrtf(float x) { return 1.0f / std::sqrt(x); }
inline double rsqrt(double x) { return 1.0 / std::sqrt(x); }
inline float __expf(float x) { return std::exp(x); }
inline float __logf(float x) { return std::log(x); }
inline float __sinf(float x) { return std::sin(x); }
inline float __cosf(float x) { return std::cos(x); }
inline float __powf(float x, float y) { return std::pow(x, y); }
inline float __fdividef(float x, float y) { return x / y; }
inline float __frcp_rn(float x) { return 1.0f / x; }
inline float __fsqrt_rn(float x) { return std::sqrt(x); }
inline float __saturatef(float x) { return x < 0 ? 0 : x > 1 ? 1 : x; }
inline float __fmaf_rn(float a, float b, float c) { return std::fma(a, b, c); }
inline float __fadd_rn(float a, float b) { return a + b; }
inline float __fmul_rn(float a, float b) { return a * b; }
inline int __float2int_rn(float x) { return (int)std::nearbyint(x); }
inline int __float2int_rz(float x) { return (int)x; }
inline float __int2float_rn(int x) { return (float)x; }
inline float __int_as_float(int x) { float f; std::memcpy(&f, &x, 4); return f; }
inline int __float_as_int(float f) { int x; std::memcpy(&x, &f, 4); return x; }
inline unsigned __float_as_uint(float f) { unsigned x; std::memcpy(&x, &f, 4); return x; }
inline float __uint_as_float(unsigned x) { float f; std::memcpy(&f, &x, 4); return f; }
inline int __popc(unsigned x) { return __builtin_popcount(x); }
inline int __clz(int x) { return x == 0 ? 32 : __builtin_clz((unsigned)x); }
inline int __ffs(int x) { return __builtin_ffs(x); }
// CUDA's min and max overloads, mixed ones too (an int and a float compare as floats).
inline int min(int a, int b) { return a < b ? a : b; }
inline int max(int a, int b) { return a > b ? a : b; }
inline unsigned min(unsigned a, unsigned b) { return a < b ? a : b; }
inline unsigned max(unsigned a, unsigned b) { return a > b ? a : b; }
inline long long min(long long a, long long b) { return a < b ? a : b; }
inline long long max(long long a, long long b) { return a > b ? a : b; }
inline float min(float a, float b) { return std::fmin(a, b); }
inline float max(float a, float b) { return std::fmax(a, b); }
inline double min(double a, double b) { return std::fmin(a, b); }
inline double max(double a, double b) { return std::fmax(a, b); }
inline float min(int a, float b) { return std::fmin((float)a, b); }
inline float min(float a, int b) { return std::fmin(a, (float)b); }
inline float max(int a, float b) { return std::fmax((float)a, b); }
inline float max(float a, int b) { return std::fmax(a, (float)b); }
inline double min(double a, float b) { return std::fmin(a, (double)b); }
inline double min(float a, double b) { return std::fmin((double)a, b); }
inline double max(double a, float b) { return std::fmax(a, (double)b); }
inline double max(float a, double b) { return std::fmax((double)a, b); }
inline unsigned umin(unsigned a, unsigned b) { return a < b ? a : b; }
inline unsigned umax(unsigned a, unsigned b) { return a > b ? a : b; }
template <class T> T __ldg(const T* p) { return *p; }

// ---- runtime API ---------------------------------------------------------------------------------------------------
template <class T>
cudaError_t cudaMalloc(T** p, size_t bytes) {
    void* d = hwforge::allocate(bytes, hwforge::memory().harness_mode);
    *p = static_cast<T*>(d);
    return d ? cudaSuccess : cudaErrorMemoryAllocation;
}
inline cudaError_t cudaFree(void* p) { return p == nullptr || hwforge::release(p) ? cudaSuccess : cudaErrorInvalidDevicePointer; }

inline cudaError_t cudaMemcpy(void* dst, const void* src, size_t bytes, cudaMemcpyKind kind) {
    auto& m = hwforge::memory();
    bool to_device = kind == cudaMemcpyHostToDevice || kind == cudaMemcpyDeviceToDevice;
    bool from_device = kind == cudaMemcpyDeviceToHost || kind == cudaMemcpyDeviceToDevice;
    if (kind == cudaMemcpyDefault || kind == cudaMemcpyHostToHost) return cudaErrorInvalidMemcpyDirection;
    // Data goes to and from the host only through the judge: a solve() that fetches its inputs computes on the host.
    if (kind != cudaMemcpyDeviceToDevice && !m.harness_mode)
        hwforge::fault("cudaMemcpy between host and device inside solve()", ": the work must be done by kernels on device buffers");
    std::lock_guard<std::mutex> lock(m.gate);
    auto* d = to_device ? hwforge::find(dst, bytes) : nullptr;
    auto* s = from_device ? hwforge::find(src, bytes) : nullptr;
    if ((to_device && !d) || (from_device && !s)) return cudaErrorInvalidValue;
    if (!m.open) { if (d) hwforge::set_access(*d, true); if (s) hwforge::set_access(*s, true); }
    std::memmove(dst, src, bytes);
    if (!m.open) { if (d) hwforge::set_access(*d, false); if (s) hwforge::set_access(*s, false); }
    return cudaSuccess;
}
inline cudaError_t cudaMemset(void* dst, int value, size_t bytes) {
    auto& m = hwforge::memory();
    std::lock_guard<std::mutex> lock(m.gate);
    auto* d = hwforge::find(dst, bytes);
    if (!d) return cudaErrorInvalidValue;
    if (!m.open) hwforge::set_access(*d, true);
    std::memset(dst, value, bytes);
    if (!m.open) hwforge::set_access(*d, false);
    return cudaSuccess;
}
inline cudaError_t cudaMemcpyAsync(void* d, const void* s, size_t n, cudaMemcpyKind k, cudaStream_t = nullptr) { return cudaMemcpy(d, s, n, k); }
inline cudaError_t cudaMemsetAsync(void* d, int v, size_t n, cudaStream_t = nullptr) { return cudaMemset(d, v, n); }
inline cudaError_t cudaDeviceSynchronize() { return cudaSuccess; }
inline cudaError_t cudaStreamSynchronize(cudaStream_t) { return cudaSuccess; }
inline cudaError_t cudaGetLastError() { auto e = hwforge::errors().last; hwforge::errors().last = cudaSuccess; return e; }
inline cudaError_t cudaPeekAtLastError() { return hwforge::errors().last; }
inline const char* cudaGetErrorString(cudaError_t e) { return e == cudaSuccess ? "no error" : "cuda error (emulated)"; }
