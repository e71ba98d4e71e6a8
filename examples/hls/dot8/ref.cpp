#include "ap_int.h"
void dot8(const ap_int<8> a[8], const ap_int<8> b[8], ap_int<19> &y) {
    ap_int<19> s = 0;
    for (int i = 0; i < 8; i++) s += a[i] * b[i];
    y = s;
}
