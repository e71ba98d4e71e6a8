// The conformance harness that loads a candidate library and runs it, inside the sandbox: it reads the cases
// (Kernels/Conformance/CaseFile.cs documents the format), runs each through the exported functions as
// NativeKernels.cs calls them, splitting columns and heads over slices as threads would, and writes the answers
// for C# to judge against the reference. A crash or a hang stops it midway; the answers before it still count.
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <dlfcn.h>

// The library under test is loaded at run time, so one harness binary checks every variant.
#define HWF_FUNCTIONS(X) \
    X(hwf_matmul, void, const float*, const float*, const float*, float*, int, int, int, int, int) \
    X(hwf_gemv, void, const float*, const float*, const float*, float*, int, int, int, int) \
    X(hwf_add, void, const float*, const float*, float*, long) \
    X(hwf_layernorm, void, const float*, const float*, const float*, float*, int, int, float) \
    X(hwf_rmsnorm, void, const float*, const float*, float*, int, int, float) \
    X(hwf_softmax, void, const float*, float*, int, int) \
    X(hwf_gelu, void, const float*, float*, long) \
    X(hwf_silu, void, const float*, float*, long) \
    X(hwf_swiglu, void, const float*, const float*, float*, long) \
    X(hwf_rope, void, float*, int, int, int, int, float) \
    X(hwf_attention, void, const float*, const float*, const float*, float*, int, int, int, int, int, int, int, int, int) \
    X(hwf_embedding, void, const float*, int, const int*, int, float*) \
    X(hwf_tile_cols, int) \
    X(hwf_packed_size, long, int, int) \
    X(hwf_pack_weights, void, const float*, int, int, float*) \
    X(hwf_matmul_packed, void, const float*, const float*, const float*, float*, int, int, int, int, int)
#define HWF_POINTER(name, ret, ...) ret (*name)(__VA_ARGS__);
HWF_FUNCTIONS(HWF_POINTER)

namespace {

FILE* in;

template <typename T> T read()
{
    T value;
    if (std::fread(&value, sizeof value, 1, in) != 1) { std::fprintf(stderr, "cases file ends early\n"); std::exit(3); }
    return value;
}

std::vector<float> read_floats(long n)
{
    std::vector<float> v(n);
    if (n > 0 && std::fread(v.data(), sizeof(float), n, in) != (std::size_t)n) { std::fprintf(stderr, "cases file ends early\n"); std::exit(3); }
    return v;
}

const float* or_null(const std::vector<float>& v) { return v.empty() ? nullptr : v.data(); }

// Three column slices at tile (or 64-column) boundaries, as three threads would take them; the middle one through
// pre-packed weights, so that both GEMM paths answer part of every case.
void matmul(const std::vector<std::vector<float>>& x, std::vector<float>& c, int m, int n, int k)
{
    c = x[3];
    std::vector<float> packed(hwf_packed_size(n, k));
    hwf_pack_weights(x[1].data(), n, k, packed.data());
    int unit = m == 1 ? 64 : hwf_tile_cols(), units = (n + unit - 1) / unit;
    for (int part = 0; part < 3; part++)
    {
        int j0 = units * part / 3 * unit, j1 = units * (part + 1) / 3 * unit;
        if (j1 > n) j1 = n;
        if (j0 >= j1) continue;
        if (m == 1) hwf_gemv(x[0].data(), x[1].data(), or_null(x[2]), c.data(), n, k, j0, j1);
        else if (part == 1) hwf_matmul_packed(x[0].data(), packed.data(), or_null(x[2]), c.data(), m, n, k, j0, j1);
        else hwf_matmul(x[0].data(), x[1].data(), or_null(x[2]), c.data(), m, n, k, j0, j1);
    }
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 4) { std::fprintf(stderr, "usage: check library.so cases.bin answers.bin\n"); return 2; }
    void* library = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (!library) { std::fprintf(stderr, "cannot load %s: %s\n", argv[1], dlerror()); return 2; }
#define HWF_RESOLVE(name, ret, ...) \
    if (!(name = reinterpret_cast<ret (*)(__VA_ARGS__)>(dlsym(library, #name)))) { std::fprintf(stderr, "%s lacks %s\n", argv[1], #name); return 2; }
    HWF_FUNCTIONS(HWF_RESOLVE)
    in = std::fopen(argv[2], "rb");
    FILE* out = std::fopen(argv[3], "wb");
    if (!in || !out) { std::fprintf(stderr, "cannot open the cases or answers file\n"); return 2; }
    int count = read<int>();
    for (int c = 0; c < count; c++)
    {
        int op = read<int>();
        std::vector<int> a(read<int>());
        for (auto& v : a) v = read<int>();
        std::vector<float> s(read<int>());
        for (auto& v : s) v = read<float>();
        std::vector<std::vector<float>> x(read<int>());
        for (auto& v : x) v = read_floats(read<long long>());
        std::vector<float> y;
        switch (op)
        {
        case 0: matmul(x, y, a[0], a[1], a[2]); break;
        case 1: y.resize(x[0].size()); hwf_add(x[0].data(), x[1].data(), y.data(), (long)y.size()); break;
        case 2: y.resize(x[0].size()); hwf_layernorm(x[0].data(), x[1].data(), x[2].data(), y.data(), a[0], a[1], s[0]); break;
        case 3: y.resize(x[0].size()); hwf_rmsnorm(x[0].data(), x[1].data(), y.data(), a[0], a[1], s[0]); break;
        case 4: y.resize(x[0].size()); hwf_softmax(x[0].data(), y.data(), a[0], a[1]); break;
        case 5: y.resize(x[0].size()); hwf_gelu(x[0].data(), y.data(), (long)y.size()); break;
        case 6: y.resize(x[0].size()); hwf_silu(x[0].data(), y.data(), (long)y.size()); break;
        case 7: y.resize(x[0].size()); hwf_swiglu(x[0].data(), x[1].data(), y.data(), (long)y.size()); break;
        case 8: y = x[0]; hwf_rope(y.data(), a[0], a[1], a[2], a[3], s[0]); break;
        case 9:
        {
            // Two head ranges, as two threads would take them.
            y.resize(x[0].size());
            int half = a[2] / 2;
            hwf_attention(x[0].data(), x[1].data(), x[2].data(), y.data(), a[0], a[1], a[2], a[3], a[4], a[5], a[6], 0, half);
            hwf_attention(x[0].data(), x[1].data(), x[2].data(), y.data(), a[0], a[1], a[2], a[3], a[4], a[5], a[6], half, a[2]);
            break;
        }
        case 10:
        {
            std::vector<int> ids(x[1].size());
            for (size_t i = 0; i < ids.size(); i++) ids[i] = (int)x[1][i];
            y.resize((size_t)a[0] * a[1]);
            hwf_embedding(x[0].data(), a[1], ids.data(), a[0], y.data());
            break;
        }
        default: std::fprintf(stderr, "unknown op %d\n", op); return 2;
        }
        long long length = (long long)y.size();
        std::fwrite(&length, sizeof length, 1, out);
        std::fwrite(y.data(), sizeof(float), y.size(), out);
        std::fflush(out);
    }
    std::fclose(out);
    return 0;
}
