// 4-tap FIR, one sample per call: the plain reference.
#include "ap_int.h"
typedef ap_int<8> data_t;
typedef ap_int<20> acc_t;
const int N = 4;

void fir4(data_t x, acc_t &y) {
    static data_t shift[N];
    const ap_int<8> c[N] = {31, -57, 93, 20};
    for (int i = N - 1; i > 0; i--) shift[i] = shift[i - 1];
    shift[0] = x;
    acc_t acc = 0;
    for (int i = 0; i < N; i++) acc += shift[i] * c[i];
    y = acc;
}
