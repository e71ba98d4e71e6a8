using HwForge.Tools.Targets.Hls;

namespace HwForge.Tools.Tests.Targets.Hls;

/// <summary>Reading a top function's arguments from Vitis-style source, without a compiler.</summary>
public sealed class KernelSignatureTests
{
    [Fact]
    public void I_can_read_scalars_arrays_references_and_a_return_value_with_template_commas_and_comments()
    {
        const string source = """
            #include "ap_fixed.h"
            typedef ap_fixed<16, 8, AP_RND, AP_SAT> data_t;   // commas inside <> are not argument separators
            static int helper(int x) { return x; }
            /* fir(int bogus) in a comment */
            data_t fir(const data_t x[N], ap_uint<4> sel, data_t &y, ap_int<8> taps[2][N], bool en = true) {
            #pragma HLS PIPELINE
                return x[0];
            }
            """;

        var (signature, problem) = KernelSignature.Read(source, "fir");

        Assert.Null(problem);
        Assert.Equal("data_t", signature!.ReturnType);
        Assert.Equal(
            [("data_t", "x", "N", ArgumentRole.In), ("ap_uint<4>", "sel", "", ArgumentRole.In), ("data_t", "y", "", ArgumentRole.InOut),
             ("ap_int<8>", "taps", "2,N", ArgumentRole.InOut), ("bool", "en", "", ArgumentRole.In)],
            signature.Arguments.Select(a => (a.Type, a.Name, string.Join(",", a.Dimensions), a.Role)));
    }

    [Fact]
    public void Pointers_streams_and_missing_tops_are_refused_with_the_reason()
    {
        Assert.Contains("pointer", KernelSignature.Read("void k(int *p) {}", "k").Problem);
        Assert.Contains("stream", KernelSignature.Read("void k(hls::stream<int> &s) {}", "k").Problem);
        Assert.Contains("no function named top", KernelSignature.Read("void k(int a) {}", "top").Problem);
    }

    [Fact]
    public void State_is_assumed_wherever_a_call_could_leave_some_behind()
    {
        Assert.False(CppText.MayKeepState("const int N = 4;\nvoid f(int a, int &y) { const int t[2] = {1, 2}; y = a + t[0]; }"));
        Assert.True(CppText.MayKeepState("void f(int a, int &y) { static int acc; acc += a; y = acc; }"));
        Assert.True(CppText.MayKeepState("int acc;\nvoid f(int a, int &y) { acc += a; y = acc; }"));
        Assert.True(CppText.MayKeepState("ap_int<8> table[2] = {1, 2};\nvoid f(int a, int &y) { y = table[a & 1]++; }"));
        Assert.False(CppText.MayKeepState("// static in a comment\nvoid f(int a, int &y) { y = a; }"));
    }
}
