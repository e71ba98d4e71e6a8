// The judge's side of a CUDA verification program: input generation, NaN poisoning and the log C# compares.
// It lives in its own translation unit (hwforge_cuda_main.cpp), apart from the candidate's source, so nothing the
// candidate defines (a macro, a function) can change how inputs are made or outputs are written down.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <type_traits>
#include <vector>

namespace hwforge_judge {

// splitmix64: the same numbers on every machine, for the kernel's program and the reference's alike.
struct rng {
    uint64_t state;
    uint64_t next() {
        uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double unit() { return (double)(next() >> 11) * (1.0 / 9007199254740992.0); }
};

inline rng stream(uint64_t seed, int size, int trial, int distribution, int argument) {
    rng r{seed * 0x2545F4914F6CDD1Dull ^ ((uint64_t)size << 48) ^ ((uint64_t)trial << 32) ^ ((uint64_t)distribution << 24) ^ (uint64_t)argument};
    r.next();
    return r;
}

// Distribution 0: the problem's range; 1: the same range scaled by `large` (overflow in exp, say); 2: every element
// one value drawn from the range (a kernel that depends on distinct values shows it).
template <class T>
void fill(std::vector<T>& v, rng r, int distribution, double low, double high, double large) {
    double lo = distribution == 1 ? low * large : low, hi = distribution == 1 ? high * large : high;
    double same = lo + (hi - lo) * r.unit();
    for (auto& x : v) {
        double u = distribution == 2 ? same : lo + (hi - lo) * r.unit();
        x = std::is_integral<T>::value ? (T)std::floor(u + 0.5) : (T)u;
    }
}

template <class T>
void poison(std::vector<T>& v) {
    if (std::is_floating_point<T>::value) for (auto& x : v) x = (T)NAN;
    else std::memset(v.data(), 0xA5, v.size() * sizeof(T));
}

template <class T>
uint64_t hash(const std::vector<T>& v) {
    uint64_t h = 1469598103934665603ull;
    auto p = reinterpret_cast<const unsigned char*>(v.data());
    for (size_t i = 0; i < v.size() * sizeof(T); ++i) h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

struct log {
    FILE* f = nullptr;
    explicit log(const char* path) : f(std::fopen(path, "w")) {}
    void line(const char* text) { std::fputs(text, f); std::fputc('\n', f); std::fflush(f); }
    void run(int size, int distribution, int trial) { std::fprintf(f, "R %d %d %d\n", size, distribution, trial); std::fflush(f); }
    template <class T>
    void input(int argument, const std::vector<T>& v) { std::fprintf(f, "I %d %016llx\n", argument, (unsigned long long)hash(v)); std::fflush(f); }
    template <class T>
    void changed(int argument, const std::vector<T>& before, const std::vector<T>& after) {
        for (size_t i = 0; i < before.size(); ++i)
            if (std::memcmp(&before[i], &after[i], sizeof(T)) != 0) { std::fprintf(f, "X %d %zu\n", argument, i); return; }
    }
    // Bit patterns, so C# reads exactly what was computed (a float's %a would do too, but hex words are shorter).
    template <class T>
    void output(int argument, const std::vector<T>& v) {
        std::fprintf(f, "O %d %zu", argument, v.size());
        for (auto& x : v) {
            uint64_t bits = 0;
            std::memcpy(&bits, &x, sizeof(T));
            std::fprintf(f, " %llx", (unsigned long long)bits);
        }
        std::fputc('\n', f);
        std::fflush(f);
    }
    void end() { std::fputs("E\n", f); std::fclose(f); f = nullptr; }
};

}  // namespace hwforge_judge
