#include "ap_int.h"
void satadd5(ap_uint<5> a, ap_uint<5> b, ap_uint<5> &y) {
    ap_uint<6> s = a + b;
    y = s >= 31 ? ap_uint<6>(30) : s;
}
