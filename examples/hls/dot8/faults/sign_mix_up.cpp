#include "ap_int.h"
const int LEN = 8;

void dot8(const ap_int<8> a[LEN], const ap_int<8> b[LEN], ap_int<19> &y) {
#pragma HLS ARRAY_PARTITION variable=a complete
#pragma HLS ARRAY_PARTITION variable=b complete
#pragma HLS PIPELINE II=1
    ap_int<16> prod[LEN];
#pragma HLS ARRAY_PARTITION variable=prod complete
    for (int i = 0; i < LEN; i++) {
#pragma HLS UNROLL
        ap_uint<8> ua = a[i];
        prod[i] = ua * b[i];
    }
    // Adder tree.
    ap_int<17> s1[4];
    ap_int<18> s2[2];
    for (int i = 0; i < 4; i++) s1[i] = prod[2 * i] + prod[2 * i + 1];
    for (int i = 0; i < 2; i++) s2[i] = s1[2 * i] + s1[2 * i + 1];
    y = s2[0] + s2[1];
}
