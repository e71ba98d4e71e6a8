// HwForge's arbitrary-precision fixed point for C simulation of HLS kernels: ap_fixed<W,I,Q,O,N> and
// ap_ufixed<W,I,Q,O,N>. Written for HwForge from the documented semantics of the Vitis HLS types (UG1399); no
// vendor code. A value is a W-bit two's complement integer V scaled by 2^(I-W): I integer bits (sign included
// when signed), W-I fraction bits. Converting to a type quantises by its Q mode and then handles overflow by its
// O mode; arithmetic results are exact (their types are wide enough). N, the saturation bits of the wrap modes,
// is accepted and ignored (AP_WRAP_SM is not provided). See docs/HLS.md.
#ifndef HWFORGE_AP_FIXED_H
#define HWFORGE_AP_FIXED_H

#include "ap_int.h"

enum ap_q_mode { AP_RND, AP_RND_ZERO, AP_RND_MIN_INF, AP_RND_INF, AP_RND_CONV, AP_TRN, AP_TRN_ZERO };
enum ap_o_mode { AP_SAT, AP_SAT_ZERO, AP_SAT_SYM, AP_WRAP, AP_WRAP_SM };

template <int W, int I, bool S, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP, int N = 0> struct ap_fixed_base;

namespace hwforge_ap {
template <class T> struct fv { static const bool ok = false; };  // the fixed-point view of an operand
template <int W_, int I_, bool S_, ap_q_mode Q_, ap_o_mode O_, int N_> struct fixed_probe {
    static const int W = W_, I = I_; static const bool S = S_;
};
template <int W_, int I_, bool S_, ap_q_mode Q_, ap_o_mode O_, int N_>
fixed_probe<W_, I_, S_, Q_, O_, N_> fixed_base_probe(const ap_fixed_base<W_, I_, S_, Q_, O_, N_>*);
template <class T> struct is_fixed {
    template <int W_, int I_, bool S_, ap_q_mode Q_, ap_o_mode O_, int N_> static std::true_type p(const ap_fixed_base<W_, I_, S_, Q_, O_, N_>*);
    static std::false_type p(...);
    static const bool value = decltype(p((typename std::decay<T>::type*)nullptr))::value;
};
template <class T, class = void> struct fview { static const bool ok = false; };
template <class T> struct fview<T, typename std::enable_if<is_fixed<T>::value>::type> {
    typedef decltype(fixed_base_probe((T*)nullptr)) P;
    static const bool ok = true; static const int W = P::W, I = P::I; static const bool S = P::S;
    static const ap_int_base<W, S>& raw(const T& v) { return v.V; }
};
template <class T> struct fview<T, typename std::enable_if<!is_fixed<T>::value && iv<T>::ok>::type> {
    static const bool ok = true; static const int W = iv<T>::W, I = iv<T>::W; static const bool S = iv<T>::S;
    static ap_int_base<W, S> raw(const T& v) { return iv<T>::get(v); }
};
template <class A, class B> struct both_fixed {
    static const bool value = fview<A>::ok && fview<B>::ok && (is_fixed<A>::value || is_fixed<B>::value);
};
} // namespace hwforge_ap

/// The common base of ap_fixed and ap_ufixed: the raw bits are V, scaled by 2^(I-W).
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
struct ap_fixed_base {
    static const int width = W, iwidth = I, F = W - I;
    static const ap_q_mode qmode = Q;
    static const ap_o_mode omode = O;
    ap_int_base<W, S> V;

    ap_fixed_base() {}
    template <int W2, int I2, bool S2, ap_q_mode Q2, ap_o_mode O2, int N2>
    ap_fixed_base(const ap_fixed_base<W2, I2, S2, Q2, O2, N2>& o) { set_raw<W2, S2, W2 - I2>(o.V); }
    template <int W2, bool S2> ap_fixed_base(const ap_int_base<W2, S2>& v) { set_raw<W2, S2, 0>(v); }
    template <class T, class = typename std::enable_if<ap_traits<T>::is_int>::type>
    ap_fixed_base(T v) { set_raw<ap_traits<T>::W, ap_traits<T>::S, 0>(ap_traits<T>::get(v)); }
    template <int W2, bool S2> ap_fixed_base(const ap_bit_ref<W2, S2>& b) { set_raw<1, false, 0>(ap_int_base<1, false>((bool)b)); }
    template <int W2, bool S2> ap_fixed_base(const ap_range_ref<W2, S2>& r) { set_raw<W2, false, 0>(r.get()); }
    ap_fixed_base(double d) { from_double(d); }
    ap_fixed_base(float f) { from_double(f); }

    /// The raw bits as they are, without scaling (for tests and harnesses that move bit patterns).
    static ap_fixed_base from_bits(const ap_int_base<W, S>& bits) { ap_fixed_base r; r.V = bits; return r; }

    template <class T> ap_fixed_base& operator=(const T& v) { ap_fixed_base t(v); V = t.V; return *this; }
    ap_fixed_base& operator=(const ap_fixed_base&) = default;

    // Quantise a source value (src with FS fraction bits) to F fraction bits by Q, then fit it into W bits by O.
    template <int WS, bool SS, int FS> void set_raw(const ap_int_base<WS, SS>& src) {
        const int grow = F > FS ? F - FS : 0;
        const int WW = hwforge_ap::cmax(W, WS + grow) + 3;
        ap_int_base<WW, true> t(src);
        set_scaled(t, (long)FS - F);
    }
    // t holds the exact value times 2^(d+F); shift right by d (d > 0, rounding) or left by -d.
    template <int WW> void set_scaled(ap_int_base<WW, true> t, long d) {
        using namespace hwforge_ap;
        const int n = ap_int_base<WW, true>::N;
        if (d > 0) {
            bool neg = t.is_neg();
            bool half = w_bit(t.w, n, d - 1), rest = false;
            for (long i = 0; i + 1 < d && !rest; ++i) rest = w_bit(t.w, n, i);
            w_shr(t.w, t.w, n, d, true);
            bool odd = t.w[0] & 1, up = false;
            switch (Q) {
                case AP_TRN: up = false; break;
                case AP_TRN_ZERO: up = neg && (half || rest); break;
                case AP_RND: up = half; break;
                case AP_RND_ZERO: up = half && (rest || neg); break;
                case AP_RND_MIN_INF: up = half && rest; break;
                case AP_RND_INF: up = half && (rest || !neg); break;
                case AP_RND_CONV: up = half && (rest || odd); break;
            }
            if (up) ++t;
        } else if (d < 0) {
            w_shl(t.w, t.w, n, -d);
        }
        // Overflow: does t fit in W bits of this signedness?
        bool neg = t.is_neg(), fits = true;
        if (S) { for (long i = W - 1; i < 64L * n; ++i) if (w_bit(t.w, n, i) != neg) { fits = false; break; } }
        else { if (neg) fits = false; else for (long i = W; i < 64L * n; ++i) if (w_bit(t.w, n, i)) { fits = false; break; } }
        if (fits || O == AP_WRAP || O == AP_WRAP_SM) { V = ap_int_base<W, S>(t); return; }
        if (O == AP_SAT_ZERO) { V = ap_int_base<W, S>(); return; }
        ap_int_base<W, S> mx, mn;
        for (int i = 0; i < W - (S ? 1 : 0); ++i) mx.set_bit(i, true);
        if (S) { mn.set_bit(W - 1, true); }
        if (!neg) V = mx;
        else if (O == AP_SAT_SYM && S) { mn = mx; hwforge_ap::w_neg(mn.w, mn.w, mn.N); mn.normalize(); V = mn; }
        else V = mn;
    }
    void from_double(double d) {
        V = ap_int_base<W, S>();
        if (!(d == d) || d == 0) return;
        int e; double m = std::frexp(d, &e);                         // d = m 2^e, 0.5 <= |m| < 1
        long long mant = (long long)std::ldexp(m, 62);               // exact: 53 significant bits
        long left = (long)e - 62 + F;                                // V = mant * 2^left
        const int WW = W + 70;
        ap_int_base<WW, true> t(mant);
        if (left >= 0) { if (left > W + 2) left = W + 2; set_scaled(t, -left); }
        else set_scaled(t, -left);   // bits past the width read as the sign, so any shift rounds right
    }

    // ---- conversions ----
    double to_double() const { return std::ldexp(V.to_double(), -F); }
    float to_float() const { return (float)to_double(); }
    operator double() const { return to_double(); }
    // The integer part, truncated toward zero as a C cast would.
    ap_int_base<(I > 1 ? I : 1) + 1, S> to_ap_int_base() const {
        const int WI = (I > 1 ? I : 1) + 1;
        ap_int_base<W + 2 + (F < 0 ? -F : 0), S> t(V);
        if (F > 0) {
            bool neg = t.is_neg(), frac = false;
            for (int i = 0; i < F && i < W; ++i) frac = frac || V.get_bit(i);
            t = t.shr(F);
            if (neg && frac) ++t;
        } else if (F < 0) t = t.shl(-F);
        return ap_int_base<WI, S>(t);
    }
    int to_int() const { return to_ap_int_base().to_int(); }
    unsigned to_uint() const { return to_ap_int_base().to_uint(); }
    long long to_int64() const { return to_ap_int_base().to_int64(); }
    unsigned long long to_uint64() const { return to_ap_int_base().to_uint64(); }
    long to_long() const { return to_ap_int_base().to_long(); }
    std::string to_string(int radix = 10) const {
        if (radix != 10) return V.to_string(radix);
        ap_int_base<W + 1, S> m(V); bool neg = m.is_neg();
        if (neg) hwforge_ap::w_neg(m.w, m.w, m.N);
        ap_int_base<W + 1, false> mag(m);
        std::string out = neg ? "-" : "";
        if (F <= 0) return out + ap_int_base<W + 1 + (F < 0 ? -F : 0), false>(mag).shl(F < 0 ? -F : 0).to_string(10);
        out += mag.shr(F).to_string(10);
        ap_int_base<(F > 0 ? F : 1) + 5, false> frac(mag), ten(10u);
        for (int i = F; i < (F > 0 ? F : 1) + 5; ++i) frac.clear(i);
        if (frac.is_zero()) return out;
        out += ".";
        while (!frac.is_zero()) {
            ap_int_base<(F > 0 ? F : 1) + 5, false> p(frac * ten);
            out += (char)('0' + p.shr(F).to_int());
            for (int i = F; i < (F > 0 ? F : 1) + 5; ++i) p.clear(i);
            frac = p;
        }
        return out;
    }

    // ---- bits of V ----
    static int length() { return W; }
    ap_bit_ref<W, S> operator[](int i) { return V[i]; }
    bool operator[](int i) const { return V.get_bit(i); }
    ap_bit_ref<W, S> bit(int i) { return V[i]; }
    bool bit(int i) const { return V.get_bit(i); }
    ap_range_ref<W, S> range(int hi, int lo) { return V.range(hi, lo); }
    ap_range_ref<W, S> range() { return V.range(); }
    ap_int_base<W, false> range(int hi, int lo) const { return V.range(hi, lo); }
    ap_int_base<W, false> range() const { return V.range(); }
    bool is_neg() const { return V.is_neg(); }
    bool sign() const { return V.sign(); }

    // ---- unary ----
    ap_fixed_base<W + 1, I + 1, true> operator-() const {
        ap_fixed_base<W + 1, I + 1, true> r; r.V = V; hwforge_ap::w_neg(r.V.w, r.V.w, r.V.N); r.V.normalize(); return r;
    }
    ap_fixed_base operator+() const { return *this; }
    ap_fixed_base operator~() const { return from_bits(~V); }
    bool operator!() const { return V.is_zero(); }
    ap_fixed_base& operator++() { return *this = *this + 1; }
    ap_fixed_base& operator--() { return *this = *this - 1; }
    ap_fixed_base operator++(int) { ap_fixed_base t = *this; ++*this; return t; }
    ap_fixed_base operator--(int) { ap_fixed_base t = *this; --*this; return t; }

    // Shifts move the raw bits within the same type (bits past the width are lost).
    template <class T> ap_fixed_base operator<<(const T& n) const { return from_bits(V << n); }
    template <class T> ap_fixed_base operator>>(const T& n) const { return from_bits(V >> n); }
    template <class T> ap_fixed_base& operator<<=(const T& n) { V <<= n; return *this; }
    template <class T> ap_fixed_base& operator>>=(const T& n) { V >>= n; return *this; }

#define HWFORGE_FCOMPOUND(op) template <class T> ap_fixed_base& operator op##=(const T& v) { return *this = (*this op v); }
    HWFORGE_FCOMPOUND(+) HWFORGE_FCOMPOUND(-) HWFORGE_FCOMPOUND(*) HWFORGE_FCOMPOUND(/)
#undef HWFORGE_FCOMPOUND
};

template <int W, int I, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP, int N = 0>
struct ap_fixed : ap_fixed_base<W, I, true, Q, O, N> {
    typedef ap_fixed_base<W, I, true, Q, O, N> Base;
    ap_fixed() {}
    template <class T> ap_fixed(const T& v) : Base(v) {}
    ap_fixed(double d) : Base(d) {}
    ap_fixed(float f) : Base(f) {}
    template <class T> ap_fixed& operator=(const T& v) { Base::operator=(v); return *this; }
};
template <int W, int I, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP, int N = 0>
struct ap_ufixed : ap_fixed_base<W, I, false, Q, O, N> {
    typedef ap_fixed_base<W, I, false, Q, O, N> Base;
    ap_ufixed() {}
    template <class T> ap_ufixed(const T& v) : Base(v) {}
    ap_ufixed(double d) : Base(d) {}
    ap_ufixed(float f) : Base(f) {}
    template <class T> ap_ufixed& operator=(const T& v) { Base::operator=(v); return *this; }
};

namespace hwforge_ap {
// Result types, as documented: + and - keep the finer fraction and one more integer bit than the wider
// integer part; * adds widths and integer widths; / keeps the dividend's fraction.
template <class A, class B> struct frt {
    typedef fview<A> X; typedef fview<B> Y;
    static const int F1 = X::W - X::I, F2 = Y::W - Y::I;
    static const bool S = X::S || Y::S;
    static const int F = cmax(F1, F2);
    static const int plus_i = cmax(X::I + (Y::S && !X::S), Y::I + (X::S && !Y::S)) + 1;
    static const int plus_w = plus_i + F;
    static const int mult_w = X::W + Y::W, mult_i = X::I + Y::I;
    static const int div_w = X::W + cmax(F2, 0) + Y::S, div_i = X::I + F2 + Y::S;
    static const int cmp_w = cmax(X::I + (Y::S && !X::S), Y::I + (X::S && !Y::S)) + 1 + F + 1;
};
// An operand's raw bits aligned to F fraction bits at width RW (exact: RW is wide enough).
template <int RW, int F, class T> ap_int_base<RW, true> aligned(const T& v) {
    ap_int_base<RW, true> r(fview<T>::raw(v));
    return r.shl(F - (fview<T>::W - fview<T>::I));
}
} // namespace hwforge_ap

template <class A, class B, typename std::enable_if<hwforge_ap::both_fixed<A, B>::value, int>::type = 0>
inline ap_fixed_base<hwforge_ap::frt<A, B>::plus_w, hwforge_ap::frt<A, B>::plus_i, hwforge_ap::frt<A, B>::S> operator+(const A& a, const B& b) {
    typedef hwforge_ap::frt<A, B> R;
    ap_int_base<R::plus_w + 1, true> x = hwforge_ap::aligned<R::plus_w + 1, R::F>(a), y = hwforge_ap::aligned<R::plus_w + 1, R::F>(b);
    ap_fixed_base<R::plus_w, R::plus_i, R::S> r; r.V = x + y; return r;
}
template <class A, class B, typename std::enable_if<hwforge_ap::both_fixed<A, B>::value, int>::type = 0>
inline ap_fixed_base<hwforge_ap::frt<A, B>::plus_w, hwforge_ap::frt<A, B>::plus_i, hwforge_ap::frt<A, B>::S> operator-(const A& a, const B& b) {
    typedef hwforge_ap::frt<A, B> R;
    ap_int_base<R::plus_w + 1, true> x = hwforge_ap::aligned<R::plus_w + 1, R::F>(a), y = hwforge_ap::aligned<R::plus_w + 1, R::F>(b);
    ap_fixed_base<R::plus_w, R::plus_i, R::S> r; r.V = x - y; return r;
}
template <class A, class B, typename std::enable_if<hwforge_ap::both_fixed<A, B>::value, int>::type = 0>
inline ap_fixed_base<hwforge_ap::frt<A, B>::mult_w, hwforge_ap::frt<A, B>::mult_i, hwforge_ap::frt<A, B>::S> operator*(const A& a, const B& b) {
    typedef hwforge_ap::frt<A, B> R;
    ap_fixed_base<R::mult_w, R::mult_i, R::S> r; r.V = hwforge_ap::fview<A>::raw(a) * hwforge_ap::fview<B>::raw(b); return r;
}
template <class A, class B, typename std::enable_if<hwforge_ap::both_fixed<A, B>::value, int>::type = 0>
inline ap_fixed_base<hwforge_ap::frt<A, B>::div_w, hwforge_ap::frt<A, B>::div_i, hwforge_ap::frt<A, B>::S> operator/(const A& a, const B& b) {
    typedef hwforge_ap::frt<A, B> R;
    const int CW = R::div_w + hwforge_ap::fview<B>::W + 2;
    ap_int_base<CW, true> x(hwforge_ap::fview<A>::raw(a)), y(hwforge_ap::fview<B>::raw(b));
    x = x.shl(R::F2 > 0 ? R::F2 : 0);
    if (R::F2 < 0) y = y.shl(-R::F2);
    ap_fixed_base<R::div_w, R::div_i, R::S> r;
    if (!y.is_zero()) r.V = x / y;
    return r;
}
#define HWFORGE_FCMP(op) \
template <class A, class B, typename std::enable_if<hwforge_ap::both_fixed<A, B>::value, int>::type = 0> \
inline bool operator op(const A& a, const B& b) { \
    typedef hwforge_ap::frt<A, B> R; \
    return hwforge_ap::aligned<R::cmp_w, R::F>(a) op hwforge_ap::aligned<R::cmp_w, R::F>(b); }
HWFORGE_FCMP(==) HWFORGE_FCMP(!=) HWFORGE_FCMP(<) HWFORGE_FCMP(<=) HWFORGE_FCMP(>) HWFORGE_FCMP(>=)
#undef HWFORGE_FCMP

template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
inline std::ostream& operator<<(std::ostream& os, const ap_fixed_base<W, I, S, Q, O, N>& v) { return os << v.to_double(); }

#endif
