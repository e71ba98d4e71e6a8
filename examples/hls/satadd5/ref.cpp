#include "ap_int.h"
void satadd5(ap_uint<5> a, ap_uint<5> b, ap_uint<5> &y) {
    unsigned s = a.to_uint() + b.to_uint();
    y = s > 31 ? 31 : s;
}
