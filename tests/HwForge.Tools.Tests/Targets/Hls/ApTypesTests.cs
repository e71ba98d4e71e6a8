using System.Numerics;
using System.Text;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Programs.Gcc;
using HwForge.Tools.Targets.Hls;

namespace HwForge.Tools.Tests.Targets.Hls;

/// <summary>
/// HwForge's ap_int.h / ap_fixed.h pinned by real g++ in the sandbox: one program prints every case, and each
/// printed value is checked against a value computed here independently, with BigInteger, from the documented
/// semantics (wrap-around at the declared width, result widths of mixed operands, quantisation and overflow modes).
/// </summary>
public sealed class ApTypesTests : IDisposable
{
    private static readonly int[] Widths = [1, 7, 8, 17, 64, 65, 128, 200];

    private readonly TestHost _test = new();
    private readonly List<(string Name, string Code, string Expected)> _cases = [];

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task Integers_wrap_extend_and_combine_at_their_declared_widths()
    {
        foreach (var w in Widths)
        {
            // Patterns that fill every word: 0xA5A5... and a value with the sign bit set.
            var pattern = Pattern(w, 0xA5);
            var other = Pattern(w, 0x3C) | 1;
            Int(w, $"wrap_max_plus_one_s{w}", $"ap_int<{w}> x = {Lit(Max(w, true))}; x += 1; R(x);", Min(w, true));
            Int(w, $"wrap_max_plus_one_u{w}", $"ap_uint<{w}> x = {Lit(Max(w, false))}; x++; R(x);", 0);
            Int(w, $"sign_extend_{w}", $"ap_int<{w}> x = ap_uint<{w}>({Lit(pattern)}); R(x);", Wrap(pattern, w, true));
            Int(w, $"mul_wrap_u{w}", $"ap_uint<{w}> a = {Lit(pattern)}, b = {Lit(other)}; ap_uint<{w}> p = a * b; R(p);", Wrap(pattern * other, w, false));
            Int(w, $"mul_full_s{w}", $"ap_int<{w}> a = {Lit(pattern)}, b = {Lit(other)}; R(a * b);", Wrap(pattern, w, true) * Wrap(other, w, true));
            Int(w, $"add_mixed_{w}", $"ap_int<{w}> a = {Lit(pattern)}; ap_uint<{w}> b = {Lit(other)}; auto s = a + b; R(s);",
                Wrap(pattern, w, true) + Wrap(other, w, false));
            Int(w, $"add_mixed_extremes_{w}", $"ap_int<{w}> a = {Lit(Max(w, true))}; ap_uint<{w}> b = {Lit(Max(w, false))}; R(a + b);", Max(w, true) + Max(w, false));
            Int(w, $"sub_mixed_extremes_{w}", $"ap_int<{w}> a = {Lit(Min(w, true))}; ap_uint<{w}> b = {Lit(Max(w, false))}; R(a - b);", Min(w, true) - Max(w, false));
            Int(w, $"add_mixed_width_{w}", $"ap_int<{w}> a; ap_uint<{w}> b; R(ap_int<16>((a + b).length()));", w + 2);
            Int(w, $"sub_unsigned_{w}", $"ap_uint<{w}> a = 0, b = 1; ap_uint<{w}> d = a - b; R(d);", Max(w, false));
            Int(w, $"shl_{w}", $"ap_int<{w}> a = {Lit(pattern)}; R(a << 3);", Wrap(Wrap(pattern, w, true) << 3, w, true));
            Int(w, $"sar_{w}", $"ap_int<{w}> a = {Lit(Min(w, true))}; R(a >> 5);", Min(w, true) >> 5);
            Int(w, $"shr_u{w}", $"ap_uint<{w}> a = {Lit(Max(w, false))}; R(a >> 5);", Max(w, false) >> 5);
            Int(w, $"cmp_mixed_{w}", $"ap_int<{w}> a = -1; ap_uint<{w}> b = 1; R(ap_uint<1>(a < b));", w == 1 ? 1 : 1);
            Int(w, $"bit_read_{w}", $"ap_uint<{w}> a = {Lit(pattern)}; R(ap_uint<1>(a[{w - 1}]));", (pattern >> (w - 1)) & 1);
            Int(w, $"bit_write_{w}", $"ap_uint<{w}> a = 0; a[{w - 1}] = 1; a[0] = 1; R(a);", (BigInteger.One << (w - 1)) | 1);
            Int(w, $"neg_{w}", $"ap_int<{w}> a = {Lit(pattern)}; ap_int<{w}> n = -a; R(n);", Wrap(-Wrap(pattern, w, true), w, true));
            Int(w, $"not_{w}", $"ap_uint<{w}> a = {Lit(pattern)}; R(~a);", Max(w, false) ^ pattern);
            Int(w, $"concat_{w}", $"ap_uint<{w}> a = {Lit(pattern)}; ap_uint<3> b = 5; R((a, b));", (pattern << 3) | 5);
            Int(w, $"to_uint64_{w}", $"ap_int<{w}> a = {Lit(Min(w, true))}; R(ap_uint<64>(a.to_uint64()));", Wrap(Min(w, true), 64, false));
            if (w >= 8)
            {
                Int(w, $"range_read_{w}", $"ap_uint<{w}> a = {Lit(pattern)}; R(a.range({w - 2}, 1));", (pattern >> 1) & ((BigInteger.One << (w - 2)) - 1));
                Int(w, $"range_write_{w}", $"ap_uint<{w}> a = 0; a.range({w - 1}, {w - 4}) = 0xB; a.range(3, 0) = -1; R(a);", (BigInteger.Parse("11") << (w - 4)) | 15);
                Int(w, $"div_{w}", $"ap_int<{w}> a = {Lit(Min(w, true))}; ap_int<{w}> b = 3; R(a / b);", BigInteger.Divide(Min(w, true), 3));
                Int(w, $"mod_{w}", $"ap_int<{w}> a = {Lit(Min(w, true) + 1)}; ap_int<{w}> b = 7; R(a % b);", BigInteger.Remainder(Min(w, true) + 1, 7));
                Int(w, $"to_double_{w}", $"ap_int<{w}> a = -100; R(ap_int<16>((int)a.to_double()));", -100);
            }
        }
        Int(16, "concat_assign", "ap_uint<4> h = 0, l = 0; (h, l) = ap_uint<8>(0x5A); R(ap_uint<8>(h * 16 + l));", 0x5A);
        Int(16, "from_double_trunc", "ap_int<16> x = -3.75; R(x);", -3);
        Int(16, "int_index", "int t[4] = {10, 20, 30, 40}; ap_uint<2> i = 3; R(ap_int<8>(t[i]));", 40);
        Int(16, "uint_minus_int", "ap_uint<8> a = 3; R(a - 5);", -2);
        Int(16, "pragma_ignored", "ap_int<8> acc = 0;\n#pragma HLS PIPELINE II=1\n for (int i = 0; i < 4; i++) {\n#pragma HLS UNROLL\n acc += i; } R(acc);", 6);

        await RunAndCheckAsync();
    }

    [Fact]
    public async Task Fixed_point_quantises_and_overflows_by_its_modes()
    {
        // ap_fixed<8,4>: 4 fraction bits. Values as sixteenths, and below the LSB as 1/32 (ties) and 1/64.
        var modes = new[] { "AP_TRN", "AP_TRN_ZERO", "AP_RND", "AP_RND_ZERO", "AP_RND_INF", "AP_RND_MIN_INF", "AP_RND_CONV" };
        var values = new[] { 5, -5, 3, -3, 7, -7, 1, -1, 13, -13, 0 };  // in 1/32: odd ones are ties at 4 fraction bits
        foreach (var mode in modes)
            foreach (var v in values)
            {
                var name = $"q_{mode}_{v}".Replace('-', 'm');
                Fixed(name, $"ap_fixed<8,4,{mode}> x = {v}.0 / 32; R(x);", Quantise(v, 5, 4, mode), 8);
                Fixed(name + "_from_fixed", $"ap_fixed<16,8> s = {v}.0 / 32; ap_fixed<8,4,{mode}> x = s; R(x);", Quantise(v, 5, 4, mode), 8);
            }
        foreach (var v in new[] { 3, -3, 11, -11 })  // in 1/64 below a 1/16 LSB: not ties
            Fixed($"q_rnd_near_{v}".Replace('-', 'm'), $"ap_fixed<8,4,AP_RND> x = {v}.0 / 64; R(x);", Quantise(v, 6, 4, "AP_RND"), 8);

        // Overflow of ap_fixed<8,4> (range -8 .. 7.9375) and ap_ufixed<8,4> (0 .. 15.9375).
        foreach (var (mode, big, small, ubig, usmall) in new[]
        {
            ("AP_WRAP", Wrap(100 * 16, 8, true), Wrap(-100 * 16, 8, true), Wrap(100 * 16, 8, false), Wrap(-3 * 16, 8, false)),
            ("AP_SAT", (BigInteger)127, (BigInteger)(-128), (BigInteger)255, BigInteger.Zero),
            ("AP_SAT_ZERO", BigInteger.Zero, BigInteger.Zero, BigInteger.Zero, BigInteger.Zero),
            ("AP_SAT_SYM", (BigInteger)127, (BigInteger)(-127), (BigInteger)255, BigInteger.Zero),
        })
        {
            Fixed($"o_{mode}_big", $"ap_fixed<8,4,AP_TRN,{mode}> x = 100.0; R(x);", big, 8);
            Fixed($"o_{mode}_small", $"ap_fixed<8,4,AP_TRN,{mode}> x = -100; R(x);", small, 8);
            Fixed($"o_{mode}_ubig", $"ap_ufixed<8,4,AP_TRN,{mode}> x = ap_fixed<16,12>(100); R(x);", ubig, 8);
            Fixed($"o_{mode}_uneg", $"ap_ufixed<8,4,AP_TRN,{mode}> x = -3; R(x);", usmall, 8);
        }
        // Arithmetic is exact; the assignment quantises. 2.75 * -1.5 = -4.125 in ap_fixed<8,4> truncates to -4.125 (exact).
        Fixed("mul_exact", "ap_fixed<8,4> a = 2.75, b = -1.5; ap_fixed<16,8> p = a * b; R(p);", -1056, 16);   // -4.125 with 8 fraction bits
        Int(16, "mul_width", "ap_fixed<8,4> a; ap_ufixed<6,2> b; R(ap_int<16>((a * b).length()));", 14);
        Fixed("add_aligned", "ap_fixed<8,4> a = 1.5; ap_fixed<10,2> b = 0.25; ap_fixed<12,6> s = a + b; R(s);", (BigInteger)(1.75 * 64), 12);
        Fixed("wide_fixed", "ap_fixed<100,60> a = -1; a = a >> 30; ap_fixed<100,60> b = a * 3; R(b);", Wrap(-3 * (BigInteger.One << 10), 100, true), 100);
        Int(16, "to_int_toward_zero", "ap_fixed<8,4> a = -2.25; R(ap_int<8>(a.to_int()));", -2);
        Int(16, "to_double", "ap_fixed<12,4> a = -2.6875; R(ap_int<16>((int)(a.to_double() * 64)));", -172);

        await RunAndCheckAsync();
    }

    // ---- the expected values, computed here ----

    private static BigInteger Max(int w, bool signed) => signed ? (BigInteger.One << (w - 1)) - 1 : (BigInteger.One << w) - 1;

    private static BigInteger Min(int w, bool signed) => signed ? -(BigInteger.One << (w - 1)) : 0;

    /// <summary>The value of the low <paramref name="w"/> bits, read signed or unsigned.</summary>
    private static BigInteger Wrap(BigInteger v, int w, bool signed)
    {
        var m = BigInteger.One << w;
        var r = ((v % m) + m) % m;
        return signed && r >= m >> 1 ? r - m : r;
    }

    private static BigInteger Pattern(int w, byte b)
    {
        var v = BigInteger.Zero;
        for (var i = 0; i < w; i += 8) v |= (BigInteger)b << i;
        return v & ((BigInteger.One << w) - 1);
    }

    /// <summary>
    /// The raw value (in units of 2^-f) of v·2^-s quantised to f fraction bits: TRN floors, TRN_ZERO truncates toward
    /// zero; the RND modes round to nearest and differ on ties (+∞, toward 0, away from 0, −∞, to even).
    /// </summary>
    private static BigInteger Quantise(int v, int s, int f, string mode)
    {
        var d = s - f;
        var unit = BigInteger.One << d;
        var floor = BigInteger.Divide(v - (v < 0 ? unit - 1 : 0), unit);   // floor division
        var rem = v - floor * unit;                                          // 0 <= rem < unit
        var half = unit / 2;
        var up = mode switch
        {
            "AP_TRN" => false,
            "AP_TRN_ZERO" => v < 0 && rem != 0,
            "AP_RND" => rem >= half,
            "AP_RND_ZERO" => rem > half || (rem == half && v < 0),
            "AP_RND_INF" => rem > half || (rem == half && v > 0),
            "AP_RND_MIN_INF" => rem > half,
            "AP_RND_CONV" => rem > half || (rem == half && !floor.IsEven),
            _ => throw new ArgumentException(mode),
        };
        return floor + (up ? 1 : 0);
    }

    private static string Lit(BigInteger v) => $"\"{v}\"";

    private void Int(int w, string name, string code, BigInteger expected) => _cases.Add((name, code, expected.ToString()));

    /// <summary>A fixed-point case: its raw bits, <paramref name="w"/> wide, read as unsigned.</summary>
    private void Fixed(string name, string code, BigInteger raw, int w) =>
        _cases.Add((name, code.Replace("R(x);", "RB(x);").Replace("R(p);", "RB(p);").Replace("R(s);", "RB(s);").Replace("R(b);", "RB(b);"), Wrap(raw, w, false).ToString()));

    private async Task RunAndCheckAsync()
    {
        var program = new StringBuilder("""
            #include "ap_int.h"
            #include "ap_fixed.h"
            #include <cstdio>
            template <int W, bool S> void R_(const char* n, const ap_int_base<W, S>& v) { std::printf("%s=%s\n", n, v.to_string(10).c_str()); }
            template <int W, bool S> void R_(const char* n, const ap_range_ref<W, S>& v) { R_(n, v.get()); }
            template <class A, class B> void R_(const char* n, const ap_concat_ref<A, B>& v) { R_(n, v.get()); }
            template <class T> void RB_(const char* n, const T& v) { std::printf("%s=%s\n", n, v.range().to_string(10).c_str()); }
            #define R(v) R_(hwforge_case, v)
            #define RB(v) RB_(hwforge_case, v)
            int main() {

            """);
        foreach (var (name, code, _) in _cases)
            program.Append($"    {{ const char* hwforge_case = \"{name}\"; {code} }}\n");
        program.Append("    std::printf(\"done\\n\");\n    return 0;\n}\n");

        var version = await _test.Versions.RequireAsync(CompilerTools.Gxx);
        var step = new ToolStep("g++-ap-types", version, new ToolInvocation("sh", ["-c",
            "g++ -std=c++17 -O1 -Wall -Werror -Wno-unknown-pragmas -I. -o ap_types ap_types.cpp 2>&1 && ./ap_types"]))
        {
            Inputs = [.. CSimHarness.Headers(), InputFile.FromText("ap_types.cpp", program.ToString())],
        };
        var result = await _test.Host.RunAsync(step);
        Assert.True(result.Run.ExitCode == 0, result.Run.StandardOutput + result.Run.StandardError);
        var printed = result.Run.StandardOutput.Split('\n').Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1].Trim());
        Assert.Contains("done", result.Run.StandardOutput);
        var wrong = _cases.Where(c => !printed.TryGetValue(c.Name, out var got) || got != c.Expected)
            .Select(c => $"{c.Name}: expected {c.Expected}, printed {printed.GetValueOrDefault(c.Name, "nothing")}").ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {_cases.Count} cases differ:\n{string.Join("\n", wrong.Take(40))}");
    }
}
