// Vitis style: one unrolled loop shifts and accumulates, the shift register fully partitioned.
#include <ap_int.h>
#define N 4
typedef ap_int<8> data_t;
typedef ap_int<8> coef_t;
typedef ap_int<20> acc_t;

void fir4(data_t x, acc_t &y) {
#pragma HLS INTERFACE ap_ctrl_hs port=return
#pragma HLS PIPELINE II=1
    static data_t shift_reg[N];
#pragma HLS ARRAY_PARTITION variable=shift_reg complete dim=1
    const coef_t coef[N] = {31, -57, 93, 20};
    acc_t acc = 0;
SHIFT_ACC:
    for (int i = N - 1; i > 0; i--) {
#pragma HLS UNROLL
        if (i == 0) shift_reg[0] = x;
        else shift_reg[i] = shift_reg[i - 1];
        acc += shift_reg[i] * coef[i];
    }
    y = acc;
}
