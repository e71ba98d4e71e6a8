#include "ap_fixed.h"
void satadd5(ap_uint<5> a, ap_uint<5> b, ap_uint<5> &y) {
#pragma HLS INLINE off
    ap_ufixed<5, 5, AP_TRN, AP_WRAP> s = a + b;
    y = s.range(4, 0);
}
