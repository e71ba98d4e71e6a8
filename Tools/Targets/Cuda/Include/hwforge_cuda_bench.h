// The timing harness of a CUDA bench bundle (hwforge cuda bench): the candidate's solve and the baseline's, each
// compiled in a namespace of its own, timed in one process on the same inputs. HwForge generates the main that
// fills the problem's table and calls hwforge_bench::run; nothing of the candidate's is in this translation unit.
//
// Per size and repeat, for each side, outside the timed region: inputs restored from the host's pristine copy (a
// kernel that wrote into them gains nothing), outputs poisoned (all bits set: NaN for floats), the L2 cache flushed
// by writing a buffer twice its size. Timed: a CUDA event before solve(), cudaDeviceSynchronize() after it (work on
// any stream the entry started is inside), an event after that. Every timed output is copied back and compared with
// the baseline's first result within the problem's tolerance: a kernel that skips work on a repeat shows it.
#pragma once

#include <cuda_runtime.h>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>
#include "hwforge_cuda_judge.h"

namespace hwforge_bench {

enum type_code { f32, f64, i32, u32, u8 };

inline size_t width(type_code t) { return t == f64 ? 8 : t == u8 ? 1 : 4; }

struct argument {
    const char* name;
    type_code type;
    bool buffer, out, inout;
    double value;   // a scalar's value at this size
    size_t count;   // a buffer's elements at this size
};

struct problem {
    unsigned long long seed;
    double low, high, large, abs_tol, rel_tol;
};

using entry = void (*)(void* const*, const double*);

struct timings {
    std::vector<double> us;
    long mismatches = 0;
    std::string first_mismatch;
};

// The result is one JSON object on stdout, written at the end (or at the first error, with the device if known).
inline std::string& device_json() { static std::string d; return d; }

// Exit codes the runner's reader knows: 0 every timed output matched, 1 a mismatch, 2 a CUDA error, 3 no device, 4 usage.
[[noreturn]] inline void fail(int code, const char* what, cudaError_t e) {
    std::printf("{%s\"error\": \"%s: %s\", \"exit\": %d}\n", device_json().c_str(), what, cudaGetErrorString(e), code);
    std::exit(code);
}

inline void check(cudaError_t e, const char* what) { if (e != cudaSuccess) fail(2, what, e); }

template <class T>
void fill_as(std::vector<unsigned char>& bytes, size_t count, hwforge_judge::rng r, const problem& p) {
    std::vector<T> v(count);
    hwforge_judge::fill(v, r, 0, p.low, p.high, p.large);
    bytes.resize(count * sizeof(T));
    if (count) std::memcpy(bytes.data(), v.data(), bytes.size());
}

inline double element(const std::vector<unsigned char>& b, type_code t, size_t i) {
    switch (t) {
        case f32: { float x; std::memcpy(&x, &b[i * 4], 4); return x; }
        case f64: { double x; std::memcpy(&x, &b[i * 8], 8); return x; }
        case i32: { int32_t x; std::memcpy(&x, &b[i * 4], 4); return x; }
        case u32: { uint32_t x; std::memcpy(&x, &b[i * 4], 4); return x; }
        default: return b[i];
    }
}

// The emulation's rule: |got - expected| <= abs + rel * max(|expected|, rms of the expected output); integers exactly.
inline bool compare(const argument& a, const std::vector<unsigned char>& expected, const std::vector<unsigned char>& got,
                    const problem& p, std::string& first) {
    bool real = a.type == f32 || a.type == f64;
    double rms = 0;
    if (real) { for (size_t i = 0; i < a.count; ++i) { double e = element(expected, a.type, i); rms += e * e; } rms = a.count ? std::sqrt(rms / a.count) : 0; }
    for (size_t i = 0; i < a.count; ++i) {
        double e = element(expected, a.type, i), g = element(got, a.type, i);
        bool ok = real ? (std::isfinite(g) || !std::isfinite(e)) && (std::fabs(g - e) <= p.abs_tol + p.rel_tol * std::max(std::fabs(e), rms) || (std::isnan(e) && std::isnan(g)))
                       : e == g;
        if (!ok) {
            char text[256];
            std::snprintf(text, sizeof text, "%s[%zu]: expected %.9g, got %.9g", a.name, i, e, g);
            first = text;
            return false;
        }
    }
    return true;
}

struct side {
    std::vector<void*> device;
    std::vector<double> scalars;
};

inline double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

inline double quantile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[(size_t)std::min<double>(v.size() - 1, std::floor(q * (v.size() - 1) + 0.5))];
}

struct session {
    int repeats = 100, warmup = 10;
    void* flush = nullptr;
    size_t flush_bytes = 0;
    cudaEvent_t start{}, stop{};
    bool first_size = true;

    session(int argc, char** argv) {
        for (int i = 1; i < argc; ++i) {
            if (!std::strcmp(argv[i], "--repeats") && i + 1 < argc) repeats = std::atoi(argv[++i]);
            else if (!std::strcmp(argv[i], "--warmup") && i + 1 < argc) warmup = std::atoi(argv[++i]);
            else { std::printf("{\"error\": \"usage: runner [--repeats N (>= 100)] [--warmup N]\", \"exit\": 4}\n"); std::exit(4); }
        }
        if (repeats < 100 || warmup < 1) { std::printf("{\"error\": \"--repeats must be at least 100 and --warmup at least 1\", \"exit\": 4}\n"); std::exit(4); }
        int devices = 0;
        cudaError_t e = cudaGetDeviceCount(&devices);
        if (e != cudaSuccess || devices == 0) fail(3, "no CUDA device", e == cudaSuccess ? cudaErrorNoDevice : e);
        cudaDeviceProp prop{};
        check(cudaGetDeviceProperties(&prop, 0), "cudaGetDeviceProperties");
        int memory_khz = 0, bus_bits = 0, sm_khz = 0;
        cudaDeviceGetAttribute(&memory_khz, cudaDevAttrMemoryClockRate, 0);
        cudaDeviceGetAttribute(&bus_bits, cudaDevAttrGlobalMemoryBusWidth, 0);
        cudaDeviceGetAttribute(&sm_khz, cudaDevAttrClockRate, 0);
        int driver = 0, runtime = 0;
        cudaDriverGetVersion(&driver);
        cudaRuntimeGetVersion(&runtime);
        // DDR: two transfers a clock.
        double bandwidth = 2.0 * memory_khz * 1e3 * (bus_bits / 8.0) / 1e9;
        flush_bytes = std::max<size_t>(2 * (size_t)prop.l2CacheSize, 64u << 20);
        check(cudaMalloc(&flush, flush_bytes), "cudaMalloc (L2 flush buffer)");
        check(cudaEventCreate(&start), "cudaEventCreate");
        check(cudaEventCreate(&stop), "cudaEventCreate");
        char text[1024];
        std::snprintf(text, sizeof text, "\"device\": {\"name\": \"%s\", \"compute_capability\": \"%d.%d\", \"sms\": %d, \"sm_clock_mhz\": %.0f, "
                      "\"l2_bytes\": %d, \"memory_bandwidth_gbs\": %.1f, \"driver\": %d, \"runtime\": %d},\n"
                      " \"repeats\": %d, \"warmup\": %d, \"l2_flush_bytes\": %zu,\n ",
                      prop.name, prop.major, prop.minor, prop.multiProcessorCount, sm_khz / 1e3, prop.l2CacheSize, bandwidth,
                      driver, runtime, repeats, warmup, flush_bytes);
        device_json() = text;
    }

    side allocate(const std::vector<argument>& args) {
        side s;
        for (auto& a : args) {
            void* p = nullptr;
            if (a.buffer) check(cudaMalloc(&p, std::max<size_t>(1, a.count * width(a.type))), "cudaMalloc");
            s.device.push_back(p);
            s.scalars.push_back(a.buffer ? 0 : a.value);
        }
        return s;
    }

    // One call, prepared and timed as the header says; its outputs copied into `outputs`.
    double call(entry run, side& s, const std::vector<argument>& args, const std::vector<std::vector<unsigned char>>& inputs,
                std::vector<std::vector<unsigned char>>& outputs) {
        for (size_t i = 0; i < args.size(); ++i) {
            if (!args[i].buffer) continue;
            size_t bytes = args[i].count * width(args[i].type);
            if (args[i].out) check(cudaMemset(s.device[i], 0xFF, bytes), "cudaMemset (poison)");
            else check(cudaMemcpy(s.device[i], inputs[i].data(), bytes, cudaMemcpyHostToDevice), "cudaMemcpy (inputs)");
        }
        check(cudaMemset(flush, (int)(flush_bytes & 0x7F), flush_bytes), "cudaMemset (L2 flush)");
        check(cudaDeviceSynchronize(), "before the call");
        check(cudaEventRecord(start), "cudaEventRecord");
        run(s.device.data(), s.scalars.data());
        check(cudaDeviceSynchronize(), "the entry (a kernel failed)");
        check(cudaGetLastError(), "the entry's launches");
        check(cudaEventRecord(stop), "cudaEventRecord");
        check(cudaEventSynchronize(stop), "cudaEventSynchronize");
        float ms = 0;
        check(cudaEventElapsedTime(&ms, start, stop), "cudaEventElapsedTime");
        for (size_t i = 0; i < args.size(); ++i) {
            if (!(args[i].out || args[i].inout)) continue;
            outputs[i].resize(args[i].count * width(args[i].type));
            check(cudaMemcpy(outputs[i].data(), s.device[i], outputs[i].size(), cudaMemcpyDeviceToHost), "cudaMemcpy (outputs)");
        }
        return ms * 1000.0;
    }

    bool matches(const std::vector<argument>& args, const std::vector<std::vector<unsigned char>>& expected,
                 const std::vector<std::vector<unsigned char>>& got, const problem& p, timings& t) {
        for (size_t i = 0; i < args.size(); ++i) {
            if (!(args[i].out || args[i].inout)) continue;
            std::string first;
            if (!compare(args[i], expected[i], got[i], p, first)) { if (t.first_mismatch.empty()) t.first_mismatch = first; ++t.mismatches; return false; }
        }
        return true;
    }

    // One size: inputs made as the emulation makes them (distribution "range", trial 0), both sides warmed up, then
    // timed in turns (which goes first alternates), every output checked.
    void size(int z, const char* label, const std::vector<argument>& args, const problem& p, entry kernel, entry baseline) {
        std::vector<std::vector<unsigned char>> inputs(args.size()), expected(args.size()), got(args.size());
        for (size_t i = 0; i < args.size(); ++i) {
            auto& a = args[i];
            if (!a.buffer || a.out) continue;
            auto r = hwforge_judge::stream(p.seed, z, 0, 0, (int)i);
            switch (a.type) {
                case f32: fill_as<float>(inputs[i], a.count, r, p); break;
                case f64: fill_as<double>(inputs[i], a.count, r, p); break;
                case i32: fill_as<int32_t>(inputs[i], a.count, r, p); break;
                case u32: fill_as<uint32_t>(inputs[i], a.count, r, p); break;
                default: fill_as<unsigned char>(inputs[i], a.count, r, p); break;
            }
        }
        side k = allocate(args), b = allocate(args);
        timings tk, tb;
        call(baseline, b, args, inputs, expected);
        for (int w = 0; w < warmup; ++w) { call(kernel, k, args, inputs, got); matches(args, expected, got, p, tk); call(baseline, b, args, inputs, got); }
        for (int r = 0; r < repeats; ++r) {
            for (int turn = 0; turn < 2; ++turn) {
                bool kernel_now = (turn == 0) == (r % 2 == 0);
                if (kernel_now) { tk.us.push_back(call(kernel, k, args, inputs, got)); matches(args, expected, got, p, tk); }
                else { tb.us.push_back(call(baseline, b, args, inputs, got)); matches(args, expected, got, p, tb); }
            }
        }
        for (void* q : k.device) if (q) cudaFree(q);
        for (void* q : b.device) if (q) cudaFree(q);
        sizes += first_size ? "\n  {\"size\": \"" : ",\n  {\"size\": \"";
        sizes += label;
        sizes += "\", \"kernel\": " + print(tk) + ", \"baseline\": " + print(tb) + "}";
        first_size = false;
        mismatched += tk.mismatches + tb.mismatches;
    }

    long mismatched = 0;
    std::string sizes;

    static std::string print(const timings& t) {
        char text[768];
        std::snprintf(text, sizeof text, "{\"median_us\": %.3f, \"min_us\": %.3f, \"p10_us\": %.3f, \"p90_us\": %.3f, \"timings\": %zu, \"mismatches\": %ld, \"first_mismatch\": \"%s\"}",
                      median(t.us), t.us.empty() ? 0 : *std::min_element(t.us.begin(), t.us.end()), quantile(t.us, 0.1), quantile(t.us, 0.9),
                      t.us.size(), t.mismatches, t.first_mismatch.c_str());
        return text;
    }

    int end() {
        std::printf("{%s\"sizes\": [%s\n ], \"exit\": %d}\n", device_json().c_str(), sizes.c_str(), mismatched ? 1 : 0);
        return mismatched ? 1 : 0;
    }
};

}  // namespace hwforge_bench
