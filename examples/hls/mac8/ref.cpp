// Multiply-accumulate with a clear: acc = (clear ? 0 : acc) + (a * b) / 4, rounded toward minus infinity.
#include "ap_int.h"
void mac8(ap_int<8> a, ap_int<8> b, bool clear, ap_int<24> &out) {
    static ap_int<24> acc = 0;
    if (clear) acc = 0;
    acc += (a * b) >> 2;
    out = acc;
}
