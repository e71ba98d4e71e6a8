namespace HwForge.Tools.Tests.Targets.Hls;

/// <summary>HLS C++ kernels in ordinary Vitis style, each with a plain reference and realistic faulty variants.</summary>
internal static class HlsKernels
{
    public const string FirReference = """
        #include "ap_int.h"
        typedef ap_int<8> data_t;
        typedef ap_int<20> acc_t;
        const int N = 4;

        void fir_ref(data_t x, acc_t &y) {
            static data_t shift[N];
            const ap_int<8> c[N] = {31, -57, 93, 20};
            for (int i = N - 1; i > 0; i--) shift[i] = shift[i - 1];
            shift[0] = x;
            acc_t acc = 0;
            for (int i = 0; i < N; i++) acc += shift[i] * c[i];
            y = acc;
        }
        """;

    public const string Fir = """
        #include <ap_int.h>
        #define N 4
        typedef ap_int<8> data_t;
        typedef ap_int<8> coef_t;
        typedef ap_int<20> acc_t;

        // Transposed shift register, fully partitioned so one sample is taken per clock.
        void fir(data_t x, acc_t &y) {
        #pragma HLS INTERFACE ap_ctrl_hs port=return
        #pragma HLS PIPELINE II=1
            static data_t shift_reg[N];
        #pragma HLS ARRAY_PARTITION variable=shift_reg complete dim=1
            const coef_t coef[N] = {31, -57, 93, 20};
            acc_t acc = 0;
        SHIFT_ACC:
            for (int i = N - 1; i >= 0; i--) {
        #pragma HLS UNROLL
                if (i == 0) shift_reg[0] = x;
                else shift_reg[i] = shift_reg[i - 1];
                acc += shift_reg[i] * coef[i];
            }
            y = acc;
        }
        """;

    /// <summary>The loop stops one tap early: the newest sample never enters.</summary>
    public static string FirOffByOne => Fir.Replace("i >= 0; i--", "i > 0; i--");

    /// <summary>The loop starts one past the end of the shift register and the coefficients.</summary>
    public static string FirOutOfBounds => Fir.Replace("int i = N - 1; i >= 0; i--", "int i = N; i >= 0; i--");

    /// <summary>A 12-bit accumulator where the sum needs 16.</summary>
    public static string FirNarrowAccumulator => Fir.Replace("acc_t acc = 0;", "ap_int<12> acc = 0;");

    public const string MacReference = """
        #include "ap_int.h"
        void mac_ref(ap_int<8> a, ap_int<8> b, bool clear, ap_int<24> &out) {
            static ap_int<24> acc = 0;
            if (clear) acc = 0;
            acc += (a * b) >> 2;
            out = acc;
        }
        """;

    public const string Mac = """
        #include "ap_int.h"
        #include <cstdio>

        typedef ap_int<8> in_t;
        typedef ap_int<24> acc_t;

        static acc_t scale(ap_int<16> p) {
        #pragma HLS INLINE
            return p >> 2;
        }

        void mac(in_t a, in_t b, bool clear, acc_t &out) {
        #pragma HLS PIPELINE II=1
            static acc_t acc = 0;
            ap_int<16> product = a * b;
            acc = clear ? acc_t(scale(product)) : acc_t(acc + scale(product));
            out = acc;
        }
        """;

    /// <summary>The accumulator is an ordinary local: reset on every call instead of on clear.</summary>
    public static string MacWrongStaticReset => Mac.Replace("static acc_t acc = 0;", "acc_t acc = 0;");

    /// <summary>Scales up instead of down.</summary>
    public static string MacWrongShift => Mac.Replace("return p >> 2;", "return p << 2;");

    public const string DotReference = """
        #include "ap_int.h"
        void dot_ref(const ap_int<8> a[8], const ap_int<8> b[8], ap_int<19> &y) {
            ap_int<19> s = 0;
            for (int i = 0; i < 8; i++) s += a[i] * b[i];
            y = s;
        }
        """;

    public const string Dot = """
        #include "ap_int.h"
        #include "ap_fixed.h"
        const int LEN = 8;

        void dot(const ap_int<8> a[LEN], const ap_int<8> b[LEN], ap_int<19> &y) {
        #pragma HLS ARRAY_PARTITION variable=a complete
        #pragma HLS ARRAY_PARTITION variable=b complete
        #pragma HLS PIPELINE II=1
            ap_int<16> prod[LEN];
        #pragma HLS ARRAY_PARTITION variable=prod complete
            for (int i = 0; i < LEN; i++) {
        #pragma HLS UNROLL
                prod[i] = a[i] * b[i];
            }
            // Adder tree.
            ap_int<17> s1[4];
            ap_int<18> s2[2];
            for (int i = 0; i < 4; i++) s1[i] = prod[2 * i] + prod[2 * i + 1];
            for (int i = 0; i < 2; i++) s2[i] = s1[2 * i] + s1[2 * i + 1];
            y = s2[0] + s2[1];
        }
        """;

    /// <summary>One operand read as unsigned.</summary>
    public static string DotSignMixUp => Dot.Replace("prod[i] = a[i] * b[i];", "ap_uint<8> ua = a[i];\n        prod[i] = ua * b[i];");

    public const string SaturatingAddReference = """
        #include "ap_int.h"
        void satadd_ref(ap_uint<5> a, ap_uint<5> b, ap_uint<5> &y) {
            unsigned s = a.to_uint() + b.to_uint();
            y = s > 31 ? 31 : s;
        }
        """;

    public const string SaturatingAdd = """
        #include "ap_fixed.h"
        void satadd(ap_uint<5> a, ap_uint<5> b, ap_uint<5> &y) {
        #pragma HLS INLINE off
            ap_ufixed<5, 5, AP_TRN, AP_SAT> s = a + b;
            y = s.range(4, 0);
        }
        """;
}
