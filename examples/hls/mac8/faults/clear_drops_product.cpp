#include "ap_int.h"

typedef ap_int<8> in_t;
typedef ap_int<24> acc_t;

static acc_t scale(ap_int<16> p) {
#pragma HLS INLINE
    return p >> 2;
}

void mac8(in_t a, in_t b, bool clear, acc_t &out) {
#pragma HLS PIPELINE II=1
    static acc_t acc = 0;
    ap_int<16> product = a * b;
    acc = clear ? acc_t(0) : acc_t(acc + scale(product));
    out = acc;
}
