// HwForge's C-simulation harness support: generates a call's arguments as bit patterns and logs every input and
// output bit for bit. The kernel and the reference are built into two programs, each with this header and the
// generated caller, and run in separate sandboxes on the same generated inputs; HwForge compares the two logs.
// Nothing a kernel prints matters: only the log lines this harness writes, checked call by call.
#ifndef HWFORGE_CSIM_H
#define HWFORGE_CSIM_H

#include "ap_fixed.h"
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <type_traits>

namespace hwforge_csim {

typedef unsigned long long u64;

// ---- the width of each scalar type the harness supports ----
template <int W, bool S> inline int width_of(const ap_int_base<W, S>*) { return W; }
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N> inline int width_of(const ap_fixed_base<W, I, S, Q, O, N>*) { return W; }
inline int width_of(const bool*) { return 1; }
template <class T> inline typename std::enable_if<std::is_integral<T>::value && !std::is_same<T, bool>::value, int>::type
width_of(const T*) { return (int)(8 * sizeof(T)); }

// ---- bits in (LSB-first 64-bit words) and out ----
template <int W, bool S> inline void set_bits(ap_int_base<W, S>& x, const u64* w) {
    for (int lo = 0; lo < W; lo += 64) { int hi = lo + 63 < W - 1 ? lo + 63 : W - 1; x.range(hi, lo) = ap_uint<64>(w[lo / 64]); }
}
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N> inline void set_bits(ap_fixed_base<W, I, S, Q, O, N>& x, const u64* w) {
    for (int lo = 0; lo < W; lo += 64) { int hi = lo + 63 < W - 1 ? lo + 63 : W - 1; x.range(hi, lo) = ap_uint<64>(w[lo / 64]); }
}
inline void set_bits(bool& x, const u64* w) { x = w[0] & 1; }
template <class T> inline typename std::enable_if<std::is_integral<T>::value && !std::is_same<T, bool>::value>::type
set_bits(T& x, const u64* w) { x = (T)w[0]; }

template <int W, bool S> inline void get_bits(const ap_int_base<W, S>& x, u64* w) {
    for (int lo = 0; lo < W; lo += 64) { int hi = lo + 63 < W - 1 ? lo + 63 : W - 1; w[lo / 64] = x.range(hi, lo).to_uint64(); }
}
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N> inline void get_bits(const ap_fixed_base<W, I, S, Q, O, N>& x, u64* w) {
    for (int lo = 0; lo < W; lo += 64) { int hi = lo + 63 < W - 1 ? lo + 63 : W - 1; w[lo / 64] = x.range(hi, lo).to_uint64(); }
}
inline void get_bits(const bool& x, u64* w) { w[0] = x ? 1 : 0; }
template <class T> inline typename std::enable_if<std::is_integral<T>::value && !std::is_same<T, bool>::value>::type
get_bits(const T& x, u64* w) {
    w[0] = (u64)x;
    if (sizeof(T) < 8) w[0] &= (1ull << (8 * sizeof(T))) - 1;
}

// ---- the stimulus: exhaustive, corners, or random with corners mixed in ----
struct generator {
    int mode;          // 0 random (first calls are corners), 1 exhaustive
    u64 call, counter, state;
    int offset, element;
    void start(u64 k) { call = k; counter = k; offset = 0; element = 0; }
    u64 next() { u64 z = (state += 0x9E3779B97F4A7C15ull); z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull; z = (z ^ (z >> 27)) * 0x94D049BB133111EBull; return z ^ (z >> 31); }
    // One element's bits: corner 0 zero, 1 all ones, 2 only the top bit (most negative), 3 all but the top bit (most positive).
    void corner(u64* w, int width, int c) {
        int n = (width + 63) / 64;
        for (int i = 0; i < n; ++i) w[i] = (c == 1 || c == 3) ? ~0ull : 0;
        if (c == 2) w[(width - 1) / 64] |= 1ull << ((width - 1) % 64);
        if (c == 3) w[(width - 1) / 64] &= ~(1ull << ((width - 1) % 64));
    }
    void fill(u64* w, int width) {
        int n = (width + 63) / 64;
        if (mode == 1) {
            for (int i = 0; i < n; ++i) w[i] = 0;
            for (int b = 0; b < width; ++b) if ((counter >> (offset + b)) & 1) w[b / 64] |= 1ull << (b % 64);
            offset += width;
        } else if (call < 4) corner(w, width, (int)call);
        else if (call < 8) corner(w, width, (int)((call + element) % 4));
        else if ((next() & 7) == 0) corner(w, width, (int)(next() & 3));
        else for (int i = 0; i < n; ++i) w[i] = next();
        if (width % 64) w[n - 1] &= (1ull << (width % 64)) - 1;
        ++element;
    }
};

struct log_file {
    FILE* f;
    void open(const char* path) { f = std::fopen(path, "w"); if (!f) std::abort(); }
    void hex(const u64* w, int width) {
        int digits = (width + 3) / 4;
        for (int d = digits - 1; d >= 0; --d) { int b = d * 4; std::fputc("0123456789abcdef"[(w[b / 64] >> (b % 64)) & 15], f); }
    }
};

// Scalars and (nested) arrays alike: count elements, generate, log.
template <class T> struct shape {
    static int elements() { return 1; }
    static int width() { return width_of((const T*)nullptr); }
    static void generate(T& x, generator& g) { u64 w[64] = {0}; g.fill(w, width()); set_bits(x, w); }
    static void log(const T& x, log_file& l, bool& first) {
        u64 w[64] = {0}; get_bits(x, w);
        if (!first) std::fputc(',', l.f);
        first = false; l.hex(w, width());
    }
};
template <class T, std::size_t N> struct shape<T[N]> {
    static int elements() { return (int)N * shape<T>::elements(); }
    static int width() { return shape<T>::width(); }
    static void generate(T (&x)[N], generator& g) { for (std::size_t i = 0; i < N; ++i) shape<T>::generate(x[i], g); }
    static void log(const T (&x)[N], log_file& l, bool& first) { for (std::size_t i = 0; i < N; ++i) shape<T>::log(x[i], l, first); }
};
template <class T> inline void generate(T& x, generator& g) { shape<T>::generate(x, g); }
template <class T> inline void log_value(log_file& l, char kind, int index, const T& x) {
    bool first = true;
    std::fprintf(l.f, "%c %d ", kind, index);
    shape<T>::log(x, l, first);
    std::fputc('\n', l.f);
}
template <class T> inline void declare(log_file& l, const char* role, const char* name, int& input_bits, bool generated) {
    std::fprintf(l.f, "S %s %s %d %d\n", role, name, shape<T>::width(), shape<T>::elements());
    if (generated) input_bits += shape<T>::width() * shape<T>::elements();
}

} // namespace hwforge_csim

#endif
