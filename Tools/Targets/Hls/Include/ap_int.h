// HwForge's arbitrary-precision integers for C simulation of HLS kernels: ap_int<W> and ap_uint<W>.
// Written for HwForge from the documented semantics of the Vitis HLS types (UG1399, "Arbitrary Precision Data
// Types"); no vendor code. Values are two's complement at their declared width, kept in 64-bit words (any W >= 1),
// and every assignment wraps to that width. See docs/HLS.md for what is and is not provided.
#ifndef HWFORGE_AP_INT_H
#define HWFORGE_AP_INT_H

#include <cstdint>
#include <cstring>
#include <cmath>
#include <string>
#include <ostream>
#include <type_traits>

// The word helpers use arrays sized by their word count; GCC cannot always see they are filled.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wvla"

namespace hwforge_ap {

// ---- word-array arithmetic, two's complement over n words ----
typedef uint64_t word;

inline void w_copy_ext(word* r, int rn, const word* a, int an, bool neg) {
    for (int i = 0; i < rn; ++i) r[i] = i < an ? a[i] : (neg ? ~0ull : 0ull);
}
inline void w_add(word* r, const word* a, const word* b, int n) {
    unsigned __int128 c = 0;
    for (int i = 0; i < n; ++i) { c += (unsigned __int128)a[i] + b[i]; r[i] = (word)c; c >>= 64; }
}
inline void w_sub(word* r, const word* a, const word* b, int n) {
    unsigned __int128 c = 1;
    for (int i = 0; i < n; ++i) { c += (unsigned __int128)a[i] + (word)~b[i]; r[i] = (word)c; c >>= 64; }
}
inline void w_neg(word* r, const word* a, int n) {
    unsigned __int128 c = 1;
    for (int i = 0; i < n; ++i) { c += (word)~a[i]; r[i] = (word)c; c >>= 64; }
}
inline void w_mul(word* r, const word* a, const word* b, int n) {
    word t[n > 0 ? n : 1];
    for (int i = 0; i < n; ++i) t[i] = 0;
    for (int i = 0; i < n; ++i) {
        unsigned __int128 c = 0;
        if (a[i] == 0) continue;
        for (int j = 0; i + j < n; ++j) {
            c += (unsigned __int128)a[i] * b[j] + t[i + j];
            t[i + j] = (word)c; c >>= 64;
        }
    }
    for (int i = 0; i < n; ++i) r[i] = t[i];
}
// Logical or arithmetic shift; sh may exceed the width.
inline void w_shr(word* r, const word* a, int n, long sh, bool arith) {
    word fill = (arith && (a[n - 1] >> 63)) ? ~0ull : 0ull;
    word t[n > 0 ? n : 1];
    long ws = sh / 64; int bs = (int)(sh % 64);
    for (int i = 0; i < n; ++i) {
        long s = i + ws;
        word lo = s < n ? a[s] : fill, hi = s + 1 < n ? a[s + 1] : fill;
        t[i] = bs == 0 ? lo : (lo >> bs) | (hi << (64 - bs));
    }
    for (int i = 0; i < n; ++i) r[i] = t[i];
}
inline void w_shl(word* r, const word* a, int n, long sh) {
    word t[n > 0 ? n : 1];
    long ws = sh / 64; int bs = (int)(sh % 64);
    for (int i = 0; i < n; ++i) {
        long s = i - ws;
        word lo = s >= 0 && s < n ? a[s] : 0, lo1 = s - 1 >= 0 && s - 1 < n ? a[s - 1] : 0;
        t[i] = bs == 0 ? lo : (lo << bs) | (lo1 >> (64 - bs));
    }
    for (int i = 0; i < n; ++i) r[i] = t[i];
}
inline bool w_is_zero(const word* a, int n) { for (int i = 0; i < n; ++i) if (a[i]) return false; return true; }
inline int w_cmp_u(const word* a, const word* b, int n) {
    for (int i = n - 1; i >= 0; --i) if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
}
inline int w_cmp_s(const word* a, const word* b, int n) {
    bool na = a[n - 1] >> 63, nb = b[n - 1] >> 63;
    if (na != nb) return na ? -1 : 1;
    return w_cmp_u(a, b, n);
}
inline bool w_bit(const word* a, int n, long i) { return i / 64 < n ? (a[i / 64] >> (i % 64)) & 1 : (a[n - 1] >> 63); }
// Unsigned long division: q = a / b, m = a % b (b != 0).
inline void w_divmod_u(word* q, word* m, const word* a, const word* b, int n) {
    word qt[n > 0 ? n : 1], rt[n > 0 ? n : 1];
    for (int i = 0; i < n; ++i) { qt[i] = 0; rt[i] = 0; }
    for (long i = 64L * n - 1; i >= 0; --i) {
        w_shl(rt, rt, n, 1);
        rt[0] |= (a[i / 64] >> (i % 64)) & 1;
        if (w_cmp_u(rt, b, n) >= 0) { w_sub(rt, rt, b, n); qt[i / 64] |= 1ull << (i % 64); }
    }
    for (int i = 0; i < n; ++i) { if (q) q[i] = qt[i]; if (m) m[i] = rt[i]; }
}
// Truncated (C-style) signed or unsigned division.
inline void w_div(word* q, word* m, const word* a, const word* b, int n, bool sgn) {
    if (!sgn) { w_divmod_u(q, m, a, b, n); return; }
    bool na = a[n - 1] >> 63, nb = b[n - 1] >> 63;
    word ua[n], ub[n];
    if (na) w_neg(ua, a, n); else for (int i = 0; i < n; ++i) ua[i] = a[i];
    if (nb) w_neg(ub, b, n); else for (int i = 0; i < n; ++i) ub[i] = b[i];
    w_divmod_u(q, m, ua, ub, n);
    if (q && na != nb) w_neg(q, q, n);
    if (m && na) w_neg(m, m, n);
}

constexpr int words_for(int w) { return w <= 0 ? 1 : (w + 63) / 64; }
constexpr int cmax(int a, int b) { return a > b ? a : b; }
constexpr int cmin(int a, int b) { return a < b ? a : b; }

} // namespace hwforge_ap

#pragma GCC diagnostic pop

template <int W, bool S> struct ap_int_base;
template <int W> struct ap_int;
template <int W> struct ap_uint;
template <int W, bool S> struct ap_bit_ref;
template <int W, bool S> struct ap_range_ref;
template <class A, class B> struct ap_concat_ref;

// ---- what an operand is: its width and sign, and its value as an ap_int_base ----
template <class T, class = void> struct ap_traits { static const bool is_ap = false; static const bool is_int = false; };
#define HWFORGE_C_INT(T, W_, S_) template <> struct ap_traits<T> { \
    static const bool is_ap = false; static const bool is_int = true; static const int W = W_; static const bool S = S_; \
    static ap_int_base<W_, S_> get(T v); };
HWFORGE_C_INT(bool, 1, false)
HWFORGE_C_INT(char, 8, std::is_signed<char>::value)
HWFORGE_C_INT(signed char, 8, true)
HWFORGE_C_INT(unsigned char, 8, false)
HWFORGE_C_INT(short, 16, true)
HWFORGE_C_INT(unsigned short, 16, false)
HWFORGE_C_INT(int, 32, true)
HWFORGE_C_INT(unsigned int, 32, false)
HWFORGE_C_INT(long, (int)(8 * sizeof(long)), true)
HWFORGE_C_INT(unsigned long, (int)(8 * sizeof(long)), false)
HWFORGE_C_INT(long long, 64, true)
HWFORGE_C_INT(unsigned long long, 64, false)
#undef HWFORGE_C_INT

/// The common base of ap_int<W> and ap_uint<W>: W bits, signed when S. Words above bit W-1 always hold the sign
/// extension (signed) or zeros (unsigned), so comparisons and conversions can read whole words.
template <int W, bool S>
struct ap_int_base {
    static_assert(W >= 1, "an ap_int has at least one bit");
    static const int width = W;
    static const bool sign_flag = S;
    static const int N = hwforge_ap::words_for(W);
    hwforge_ap::word w[N];

    void normalize() {
        const int top = W - 64 * (N - 1);
        if (top < 64) {
            hwforge_ap::word mask = (1ull << top) - 1;
            bool neg = S && ((w[N - 1] >> (top - 1)) & 1);
            w[N - 1] = neg ? (w[N - 1] | ~mask) : (w[N - 1] & mask);
        }
    }
    bool is_neg() const { return S && (w[N - 1] >> 63); }

    ap_int_base() { for (int i = 0; i < N; ++i) w[i] = 0; }
    template <int W2, bool S2> ap_int_base(const ap_int_base<W2, S2>& o) { assign(o); }
    template <class T, class = typename std::enable_if<ap_traits<T>::is_int>::type>
    ap_int_base(T v) { assign(ap_traits<T>::get(v)); }
    template <int W2, bool S2> ap_int_base(const ap_bit_ref<W2, S2>& r) { assign(ap_int_base<1, false>((bool)r)); }
    template <int W2, bool S2> ap_int_base(const ap_range_ref<W2, S2>& r) { assign(r.get()); }
    template <class A, class B> ap_int_base(const ap_concat_ref<A, B>& r) { assign(r.get()); }
    ap_int_base(double d) { from_double(d); }
    ap_int_base(float f) { from_double(f); }
    ap_int_base(const char* s, int radix = 0) { from_string(s, radix); }

    template <int W2, bool S2> void assign(const ap_int_base<W2, S2>& o) {
        hwforge_ap::w_copy_ext(w, N, o.w, ap_int_base<W2, S2>::N, o.is_neg());
        normalize();
    }
    void from_double(double d) {
        for (int i = 0; i < N; ++i) w[i] = 0;
        if (!(d == d) || d == 0) return;
        bool neg = d < 0; d = std::trunc(std::fabs(d));
        int e; double m = std::frexp(d, &e);                  // d = m * 2^e, 0.5 <= m < 1
        hwforge_ap::word mant = (hwforge_ap::word)std::ldexp(m, 64); // 64 significant bits
        ap_int_base<W + 64, false> t; t.w[0] = mant;
        long sh = (long)e - 64;
        if (sh >= 0) hwforge_ap::w_shl(t.w, t.w, t.N, sh); else hwforge_ap::w_shr(t.w, t.w, t.N, -sh, false);
        if (neg) hwforge_ap::w_neg(t.w, t.w, t.N);
        for (int i = 0; i < N; ++i) w[i] = t.w[i];
        normalize();
    }
    void from_string(const char* s, int radix) {
        for (int i = 0; i < N; ++i) w[i] = 0;
        bool neg = false;
        while (*s == ' ') ++s;
        if (*s == '-') { neg = true; ++s; } else if (*s == '+') ++s;
        if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && (radix == 0 || radix == 16)) { radix = 16; s += 2; }
        else if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B') && (radix == 0 || radix == 2)) { radix = 2; s += 2; }
        else if (s[0] == '0' && (s[1] == 'o' || s[1] == 'O') && (radix == 0 || radix == 8)) { radix = 8; s += 2; }
        if (radix == 0) radix = 10;
        ap_int_base<W + 64, false> acc, r((unsigned)radix);
        for (; *s; ++s) {
            int d = *s >= '0' && *s <= '9' ? *s - '0' : *s >= 'a' && *s <= 'z' ? *s - 'a' + 10 : *s >= 'A' && *s <= 'Z' ? *s - 'A' + 10 : 99;
            if (*s == '_' || *s == '\'') continue;
            if (d >= radix) break;
            hwforge_ap::w_mul(acc.w, acc.w, r.w, acc.N);
            ap_int_base<W + 64, false> dv((unsigned)d);
            hwforge_ap::w_add(acc.w, acc.w, dv.w, acc.N);
        }
        if (neg) hwforge_ap::w_neg(acc.w, acc.w, acc.N);
        for (int i = 0; i < N; ++i) w[i] = acc.w[i];
        normalize();
    }

    template <class T> ap_int_base& operator=(const T& v) { ap_int_base t(v); for (int i = 0; i < N; ++i) w[i] = t.w[i]; return *this; }
    ap_int_base& operator=(const ap_int_base& o) = default;

    // ---- conversions ----
    long long to_int64() const { return (long long)w[0]; }
    unsigned long long to_uint64() const { return w[0]; }
    int to_int() const { return (int)w[0]; }
    unsigned to_uint() const { return (unsigned)w[0]; }
    long to_long() const { return (long)w[0]; }
    unsigned long to_ulong() const { return (unsigned long)w[0]; }
    bool to_bool() const { return !hwforge_ap::w_is_zero(w, N); }
    double to_double() const {
        ap_int_base m = *this; bool neg = is_neg();
        if (neg) hwforge_ap::w_neg(m.w, m.w, N);
        double d = 0;
        for (int i = N - 1; i >= 0; --i) d = d * 18446744073709551616.0 + (double)m.w[i];

        return neg ? -d : d;
    }
    float to_float() const { return (float)to_double(); }
    // The value as the C integer type of its size, so it indexes arrays and mixes with C code.
    typedef typename std::conditional<(W <= 32), typename std::conditional<S, int, unsigned>::type,
        typename std::conditional<S, long long, unsigned long long>::type>::type c_type;
    operator c_type() const { return (c_type)w[0]; }

    std::string to_string(int radix = 2, bool sign = false) const {
        if (radix == 10) {
            ap_int_base<W + 1, S> m(*this); bool neg = m.is_neg();
            if (neg) hwforge_ap::w_neg(m.w, m.w, m.N);
            std::string out;
            ap_int_base<W + 1, false> u(m), ten(10u), q, r;
            if (hwforge_ap::w_is_zero(u.w, u.N)) return "0";
            while (!hwforge_ap::w_is_zero(u.w, u.N)) {
                hwforge_ap::w_divmod_u(q.w, r.w, u.w, ten.w, u.N);
                out.insert(out.begin(), (char)('0' + r.w[0])); u = q;
            }
            return neg ? "-" + out : out;
        }
        int bits = radix == 16 ? 4 : radix == 8 ? 3 : 1;
        std::string out;
        int digits = (W + bits - 1) / bits;
        for (int d = digits - 1; d >= 0; --d) {
            int v = 0;
            for (int b = bits - 1; b >= 0; --b) { long i = (long)d * bits + b; v = v * 2 + (i < W ? (int)get_bit(i) : 0); }
            out += "0123456789abcdef"[v];
        }
        (void)sign;
        return (radix == 16 ? "0x" : radix == 8 ? "0o" : "0b") + out;
    }

    // ---- bits ----
    static int length() { return W; }
    bool get_bit(int i) const { return (w[i / 64] >> (i % 64)) & 1; }
    void set_bit(int i, bool v) {
        if (v) w[i / 64] |= 1ull << (i % 64); else w[i / 64] &= ~(1ull << (i % 64));
        normalize();
    }
    bool test(int i) const { return get_bit(i); }
    void set(int i) { set_bit(i, true); }
    void clear(int i) { set_bit(i, false); }
    void invert(int i) { set_bit(i, !get_bit(i)); }
    bool sign() const { return S && get_bit(W - 1); }
    bool is_zero() const { return hwforge_ap::w_is_zero(w, N); }
    bool and_reduce() const { for (int i = 0; i < W; ++i) if (!get_bit(i)) return false; return true; }
    bool or_reduce() const { return !is_zero(); }
    bool xor_reduce() const { bool x = false; for (int i = 0; i < W; ++i) x ^= get_bit(i); return x; }
    bool nand_reduce() const { return !and_reduce(); }
    bool nor_reduce() const { return !or_reduce(); }
    bool xnor_reduce() const { return !xor_reduce(); }
    void reverse() { ap_int_base t; for (int i = 0; i < W; ++i) t.set_bit(i, get_bit(W - 1 - i)); *this = t; }
    int countLeadingZeros() const { int c = 0; for (int i = W - 1; i >= 0 && !get_bit(i); --i) ++c; return c; }

    ap_bit_ref<W, S> operator[](int i) { return ap_bit_ref<W, S>(*this, i); }
    bool operator[](int i) const { return get_bit(i); }
    ap_bit_ref<W, S> bit(int i) { return ap_bit_ref<W, S>(*this, i); }
    bool bit(int i) const { return get_bit(i); }
    ap_range_ref<W, S> range(int hi, int lo) { return ap_range_ref<W, S>(this, hi, lo); }
    ap_range_ref<W, S> range() { return ap_range_ref<W, S>(this, W - 1, 0); }
    ap_int_base<W, false> range(int hi, int lo) const { return ap_range_ref<W, S>(const_cast<ap_int_base*>(this), hi, lo).get(); }
    ap_int_base<W, false> range() const { return range(W - 1, 0); }
    ap_range_ref<W, S> operator()(int hi, int lo) { return range(hi, lo); }
    ap_int_base<W, false> operator()(int hi, int lo) const { return range(hi, lo); }
    template <int W2, bool S2> ap_int_base<W + W2, false> concat(const ap_int_base<W2, S2>& lo) const;

    // ---- unary ----
    ap_int_base<W + 1, true> operator-() const { ap_int_base<W + 1, true> r(*this); hwforge_ap::w_neg(r.w, r.w, r.N); r.normalize(); return r; }
    ap_int_base operator+() const { return *this; }
    ap_int_base operator~() const { ap_int_base r; for (int i = 0; i < N; ++i) r.w[i] = ~w[i]; r.normalize(); return r; }
    bool operator!() const { return is_zero(); }
    ap_int_base& operator++() { ap_int_base<W, S> one(1); hwforge_ap::w_add(w, w, one.w, N); normalize(); return *this; }
    ap_int_base& operator--() { ap_int_base<W, S> one(1); hwforge_ap::w_sub(w, w, one.w, N); normalize(); return *this; }
    ap_int_base operator++(int) { ap_int_base t = *this; ++*this; return t; }
    ap_int_base operator--(int) { ap_int_base t = *this; --*this; return t; }

    // Shifts keep the operand's type: bits shifted past the width are lost. A negative count of a signed
    // count type shifts the other way.
    ap_int_base shl(long n) const { ap_int_base r; if (n < 0) return shr(-n); hwforge_ap::w_shl(r.w, w, N, n); r.normalize(); return r; }
    ap_int_base shr(long n) const { ap_int_base r; if (n < 0) return shl(-n); hwforge_ap::w_shr(r.w, w, N, n, S); r.normalize(); return r; }
    template <class T> ap_int_base operator<<(const T& n) const { return shl(shift_count(n)); }
    template <class T> ap_int_base operator>>(const T& n) const { return shr(shift_count(n)); }
    template <class T> ap_int_base& operator<<=(const T& n) { return *this = shl(shift_count(n)); }
    template <class T> ap_int_base& operator>>=(const T& n) { return *this = shr(shift_count(n)); }
    template <class T> static long shift_count(const T& n) {
        typedef ap_traits<T> tr;
        ap_int_base<tr::W, tr::S> c = tr::get(n);
        if (c.is_neg()) { ap_int_base<tr::W + 1, true> m(c); hwforge_ap::w_neg(m.w, m.w, m.N); return -(long)clampw(m); }
        return (long)clampw(c);
    }
    template <int W2, bool S2> static unsigned long clampw(const ap_int_base<W2, S2>& c) {
        for (int i = 1; i < ap_int_base<W2, S2>::N; ++i) if (c.w[i]) return 1ul << 20;
        return c.w[0] > (1ul << 20) ? 1ul << 20 : c.w[0];
    }

#define HWFORGE_COMPOUND(op) template <class T> ap_int_base& operator op##=(const T& v) { return *this = (*this op v); }
    HWFORGE_COMPOUND(+) HWFORGE_COMPOUND(-) HWFORGE_COMPOUND(*) HWFORGE_COMPOUND(/) HWFORGE_COMPOUND(%)
    HWFORGE_COMPOUND(&) HWFORGE_COMPOUND(|) HWFORGE_COMPOUND(^)
#undef HWFORGE_COMPOUND
};

#define HWFORGE_C_INT_GET(T) inline ap_int_base<ap_traits<T>::W, ap_traits<T>::S> ap_traits<T>::get(T v) { \
    ap_int_base<ap_traits<T>::W, ap_traits<T>::S> r; \
    r.w[0] = ap_traits<T>::S ? (hwforge_ap::word)(long long)v : (hwforge_ap::word)(unsigned long long)v; \
    r.normalize(); return r; }
HWFORGE_C_INT_GET(bool) HWFORGE_C_INT_GET(char) HWFORGE_C_INT_GET(signed char) HWFORGE_C_INT_GET(unsigned char)
HWFORGE_C_INT_GET(short) HWFORGE_C_INT_GET(unsigned short) HWFORGE_C_INT_GET(int) HWFORGE_C_INT_GET(unsigned int)
HWFORGE_C_INT_GET(long) HWFORGE_C_INT_GET(unsigned long) HWFORGE_C_INT_GET(long long) HWFORGE_C_INT_GET(unsigned long long)
#undef HWFORGE_C_INT_GET

template <class T> struct ap_int_view {
    typedef typename std::decay<T>::type D;
    template <int W, bool S> static std::true_type probe(const ap_int_base<W, S>*);
    static std::false_type probe(...);
    static const bool derived = decltype(probe((D*)nullptr))::value;
};

template <int W_, bool S_> struct ap_base_of { static const int W = W_; static const bool S = S_; };
template <int W_, bool S_> ap_base_of<W_, S_> ap_base_probe(const ap_int_base<W_, S_>*);

template <int W> struct ap_int : ap_int_base<W, true> {
    typedef ap_int_base<W, true> Base;
    ap_int() {}
    template <class T> ap_int(const T& v) : Base(v) {}
    ap_int(double d) : Base(d) {}
    ap_int(const char* s, int radix = 0) : Base(s, radix) {}
    template <class T> ap_int& operator=(const T& v) { Base::operator=(v); return *this; }
};
template <int W> struct ap_uint : ap_int_base<W, false> {
    typedef ap_int_base<W, false> Base;
    ap_uint() {}
    template <class T> ap_uint(const T& v) : Base(v) {}
    ap_uint(double d) : Base(d) {}
    ap_uint(const char* s, int radix = 0) : Base(s, radix) {}
    template <class T> ap_uint& operator=(const T& v) { Base::operator=(v); return *this; }
};

/// x[i]: reads as bool, assigns one bit.
template <int W, bool S> struct ap_bit_ref {
    ap_int_base<W, S>* p; int i;
    ap_bit_ref(ap_int_base<W, S>& b, int idx) : p(&b), i(idx) {}
    operator bool() const { return p->get_bit(i); }
    bool to_bool() const { return p->get_bit(i); }
    ap_bit_ref& operator=(bool v) { p->set_bit(i, v); return *this; }
    ap_bit_ref& operator=(const ap_bit_ref& o) { p->set_bit(i, (bool)o); return *this; }
    template <int W2, bool S2> ap_bit_ref& operator=(const ap_int_base<W2, S2>& v) { p->set_bit(i, v.get_bit(0)); return *this; }
    bool operator~() const { return !p->get_bit(i); }
};

/// x.range(hi, lo): reads as ap_uint<W> (bits hi..lo, reversed when hi < lo), assigns those bits.
template <int W, bool S> struct ap_range_ref {
    ap_int_base<W, S>* p; int hi, lo;
    ap_range_ref(ap_int_base<W, S>* b, int h, int l) : p(b), hi(h), lo(l) {}
    ap_int_base<W, false> get() const {
        ap_int_base<W, false> r;
        if (hi >= lo) { for (int i = lo, j = 0; i <= hi; ++i, ++j) r.set_bit(j, p->get_bit(i)); }
        else { for (int i = lo, j = 0; i >= hi; --i, ++j) r.set_bit(j, p->get_bit(i)); }
        return r;
    }
    template <int W2, bool S2> void put(const ap_int_base<W2, S2>& v) {
        if (hi >= lo) { for (int i = lo, j = 0; i <= hi; ++i, ++j) p->set_bit(i, v.get_bit(j < W2 ? j : W2 - 1) && (j < W2 || v.is_neg())); }
        else { for (int i = lo, j = 0; i >= hi; --i, ++j) p->set_bit(i, v.get_bit(j < W2 ? j : W2 - 1) && (j < W2 || v.is_neg())); }
    }
    template <class T> ap_range_ref& operator=(const T& v) { put(ap_int_base<W, false>(v)); return *this; }
    ap_range_ref& operator=(const ap_range_ref& o) { put(o.get()); return *this; }
    operator ap_int_base<W, false>() const { return get(); }
    operator unsigned long long() const { return get().to_uint64(); }
    unsigned long long to_uint64() const { return get().to_uint64(); }
    long long to_int64() const { return get().to_int64(); }
    int to_int() const { return get().to_int(); }
    unsigned to_uint() const { return get().to_uint(); }
    double to_double() const { return get().to_double(); }
    std::string to_string(int radix = 2) const { return get().to_string(radix); }
    int length() const { return (hi >= lo ? hi - lo : lo - hi) + 1; }
    bool operator[](int i) const { return get().get_bit(i); }
};

namespace hwforge_ap {
// The integer view of an operand (C integer, ap_int_base child, bit/range/concat reference).
template <class T, class = void> struct iv { static const bool ok = false; };
template <class T> struct iv<T, typename std::enable_if<ap_traits<T>::is_int>::type> {
    static const bool ok = true; static const int W = ap_traits<T>::W; static const bool S = ap_traits<T>::S;
    static ap_int_base<W, S> get(const T& v) { return ap_traits<T>::get(v); }
};
template <class T> struct iv<T, typename std::enable_if<ap_int_view<T>::derived>::type> {
    typedef decltype(ap_base_probe((T*)nullptr)) B;
    static const bool ok = true; static const int W = B::W; static const bool S = B::S;
    static const ap_int_base<W, S>& get(const T& v) { return v; }
};
template <int W_, bool S_> struct iv<ap_bit_ref<W_, S_> > {
    static const bool ok = true; static const int W = 1; static const bool S = false;
    static ap_int_base<1, false> get(const ap_bit_ref<W_, S_>& r) { return ap_int_base<1, false>((bool)r); }
};
template <int W_, bool S_> struct iv<ap_range_ref<W_, S_> > {
    static const bool ok = true; static const int W = W_; static const bool S = false;
    static ap_int_base<W_, false> get(const ap_range_ref<W_, S_>& r) { return r.get(); }
};
template <class A, class B> struct iv<ap_concat_ref<A, B> > {
    static const bool ok = true; static const int W = ap_concat_ref<A, B>::W; static const bool S = false;
    static ap_int_base<W, false> get(const ap_concat_ref<A, B>& r) { return r.get(); }
};
template <class A, class B> struct both_int {
    static const bool value = iv<A>::ok && iv<B>::ok && (!ap_traits<A>::is_int || !ap_traits<B>::is_int);
};
// Result widths of the documented rules: + and - grow by one bit past the wider operand (an unsigned operand
// mixed with a signed one counts one bit more), * adds the widths, / grows by the divisor's sign, % is no wider
// than either, bitwise operators take the wider width.
template <class A, class B> struct rt {
    static const int W1 = iv<A>::W, W2 = iv<B>::W; static const bool S1 = iv<A>::S, S2 = iv<B>::S;
    static const bool S = S1 || S2;
    static const int plus_w = cmax(W1 + (S2 && !S1), W2 + (S1 && !S2)) + 1;
    static const int mult_w = W1 + W2;
    static const int div_w = W1 + S2;
    static const int mod_w = cmin(W1, W2 + (!S2 && S1));
    static const int logic_w = cmax(W1 + (S2 && !S1), W2 + (S1 && !S2));
    static const int cmp_w = logic_w + 1;
};
} // namespace hwforge_ap

#define HWFORGE_BINOP(op, WIDTH, SIGN, BODY) \
template <class A, class B, typename std::enable_if<hwforge_ap::both_int<A, B>::value, int>::type = 0> \
inline ap_int_base<hwforge_ap::rt<A, B>::WIDTH, SIGN> operator op(const A& a, const B& b) { \
    typedef hwforge_ap::rt<A, B> R; const int RW = R::WIDTH; (void)RW; \
    ap_int_base<R::WIDTH, SIGN> x(hwforge_ap::iv<A>::get(a)), y(hwforge_ap::iv<B>::get(b)), r; \
    BODY; r.normalize(); return r; }

HWFORGE_BINOP(+, plus_w, (hwforge_ap::rt<A, B>::S), hwforge_ap::w_add(r.w, x.w, y.w, r.N))
HWFORGE_BINOP(-, plus_w, (hwforge_ap::rt<A, B>::S), hwforge_ap::w_sub(r.w, x.w, y.w, r.N))
HWFORGE_BINOP(*, mult_w, (hwforge_ap::rt<A, B>::S), hwforge_ap::w_mul(r.w, x.w, y.w, r.N))
HWFORGE_BINOP(&, logic_w, (hwforge_ap::rt<A, B>::S), for (int i = 0; i < r.N; ++i) r.w[i] = x.w[i] & y.w[i])
HWFORGE_BINOP(|, logic_w, (hwforge_ap::rt<A, B>::S), for (int i = 0; i < r.N; ++i) r.w[i] = x.w[i] | y.w[i])
HWFORGE_BINOP(^, logic_w, (hwforge_ap::rt<A, B>::S), for (int i = 0; i < r.N; ++i) r.w[i] = x.w[i] ^ y.w[i])
#undef HWFORGE_BINOP

namespace hwforge_ap {
// Division and remainder at a common width wide enough for both operands, truncated as in C.
template <class A, class B> struct divw { static const int W = cmax(iv<A>::W, iv<B>::W) + 2; };
}
template <class A, class B, typename std::enable_if<hwforge_ap::both_int<A, B>::value, int>::type = 0>
inline ap_int_base<hwforge_ap::rt<A, B>::div_w, hwforge_ap::rt<A, B>::S> operator/(const A& a, const B& b) {
    typedef hwforge_ap::rt<A, B> R; const int CW = hwforge_ap::divw<A, B>::W;
    ap_int_base<CW, true> x(hwforge_ap::iv<A>::get(a)), y(hwforge_ap::iv<B>::get(b)), q;
    if (y.is_zero()) return ap_int_base<R::div_w, R::S>();   // hardware has no trap; C simulation returns 0
    hwforge_ap::w_div(q.w, nullptr, x.w, y.w, q.N, true);
    return ap_int_base<R::div_w, R::S>(q);
}
template <class A, class B, typename std::enable_if<hwforge_ap::both_int<A, B>::value, int>::type = 0>
inline ap_int_base<hwforge_ap::rt<A, B>::mod_w, hwforge_ap::iv<A>::S> operator%(const A& a, const B& b) {
    const int CW = hwforge_ap::divw<A, B>::W;
    ap_int_base<CW, true> x(hwforge_ap::iv<A>::get(a)), y(hwforge_ap::iv<B>::get(b)), m;
    if (y.is_zero()) return ap_int_base<hwforge_ap::rt<A, B>::mod_w, hwforge_ap::iv<A>::S>(x);
    hwforge_ap::w_div(nullptr, m.w, x.w, y.w, m.N, true);
    return ap_int_base<hwforge_ap::rt<A, B>::mod_w, hwforge_ap::iv<A>::S>(m);
}

// Comparisons are of values: both operands are extended (by their own signs) to a width holding either.
#define HWFORGE_CMP(op) \
template <class A, class B, typename std::enable_if<hwforge_ap::both_int<A, B>::value, int>::type = 0> \
inline bool operator op(const A& a, const B& b) { \
    ap_int_base<hwforge_ap::rt<A, B>::cmp_w, true> x(hwforge_ap::iv<A>::get(a)), y(hwforge_ap::iv<B>::get(b)); \
    return hwforge_ap::w_cmp_s(x.w, y.w, x.N) op 0; }
HWFORGE_CMP(==) HWFORGE_CMP(!=) HWFORGE_CMP(<) HWFORGE_CMP(<=) HWFORGE_CMP(>) HWFORGE_CMP(>=)
#undef HWFORGE_CMP

/// (hi, lo) and hi.concat(lo): the bits of hi above the bits of lo, unsigned. Both lvalues: it can be assigned.
template <class A, class B> struct ap_concat_ref {
    static const int WA = hwforge_ap::iv<A>::W, WB = hwforge_ap::iv<B>::W, W = WA + WB;
    A* a; B* b;
    ap_concat_ref(A& x, B& y) : a(&x), b(&y) {}
    ap_int_base<W, false> get() const {
        ap_int_base<W, false> hi(ap_int_base<WA, false>(hwforge_ap::iv<A>::get(*a))), lo(ap_int_base<WB, false>(hwforge_ap::iv<B>::get(*b)));
        hwforge_ap::w_shl(hi.w, hi.w, hi.N, WB);
        for (int i = 0; i < hi.N; ++i) hi.w[i] |= lo.w[i];
        return hi;
    }
    template <class T> ap_concat_ref& operator=(const T& v) {
        ap_int_base<W, false> x(v);
        ap_int_base<WB, false> lo(x);
        ap_int_base<WA, false> hi(x.shr(WB));
        *b = lo; *a = hi;
        return *this;
    }
    ap_concat_ref& operator=(const ap_concat_ref& o) { return *this = o.get(); }
    operator ap_int_base<W, false>() const { return get(); }
    unsigned long long to_uint64() const { return get().to_uint64(); }
    std::string to_string(int radix = 2) const { return get().to_string(radix); }
};

namespace hwforge_ap {
template <class T> struct is_ap_operand { static const bool value = iv<T>::ok && !ap_traits<T>::is_int; };
template <class A, class B> ap_int_base<iv<A>::W + iv<B>::W, false> concat_value(const A& a, const B& b) {
    ap_int_base<iv<A>::W + iv<B>::W, false> hi(ap_int_base<iv<A>::W, false>(iv<A>::get(a))), lo(ap_int_base<iv<B>::W, false>(iv<B>::get(b)));
    w_shl(hi.w, hi.w, hi.N, iv<B>::W);
    for (int i = 0; i < hi.N; ++i) hi.w[i] |= lo.w[i];
    return hi;
}
}
template <class A, class B, typename std::enable_if<hwforge_ap::is_ap_operand<A>::value && hwforge_ap::is_ap_operand<B>::value && !std::is_const<A>::value && !std::is_const<B>::value, int>::type = 0>
inline ap_concat_ref<A, B> operator,(A& a, B& b) { return ap_concat_ref<A, B>(a, b); }
template <class A, class B, typename std::enable_if<hwforge_ap::is_ap_operand<A>::value && hwforge_ap::is_ap_operand<B>::value, int>::type = 0>
inline ap_int_base<hwforge_ap::iv<A>::W + hwforge_ap::iv<B>::W, false> operator,(const A& a, const B& b) { return hwforge_ap::concat_value(a, b); }

template <int W, bool S> template <int W2, bool S2>
inline ap_int_base<W + W2, false> ap_int_base<W, S>::concat(const ap_int_base<W2, S2>& lo) const { return hwforge_ap::concat_value(*this, lo); }

template <int W, bool S> inline std::ostream& operator<<(std::ostream& os, const ap_int_base<W, S>& v) {
    if (os.flags() & std::ios::hex) return os << v.to_string(16).substr(2);
    return os << v.to_string(10);
}
template <int W, bool S> inline std::ostream& operator<<(std::ostream& os, const ap_range_ref<W, S>& v) { return os << v.get(); }

#endif
