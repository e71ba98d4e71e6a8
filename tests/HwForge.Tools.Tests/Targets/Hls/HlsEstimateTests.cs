using HwForge.Tools.Targets.Hls.Estimate;

namespace HwForge.Tools.Tests.Targets.Hls;

/// <summary>The estimate from source: trip counts and pragmas give latency, interval and operator counts, and say when they cannot.</summary>
public sealed class HlsEstimateTests
{
    private static string Example(string kernel, string file) => File.ReadAllText(Path.Combine(Repository.Root, "examples", "hls", kernel, file));

    [Fact]
    public void A_pipelined_fir_unrolls_its_four_taps_into_four_multipliers_and_starts_a_call_every_cycle()
    {
        var estimate = HlsEstimator.Estimate(Example("fir4", "equiv.cpp"), "fir4");

        Assert.Equal(4, estimate.Multipliers);
        Assert.Equal(4, estimate.Adders);
        Assert.Equal(1, estimate.Interval);
        Assert.Equal(4, estimate.Latency);   // one multiply stage, then a 3-level adder tree over 4 additions
        Assert.Contains(estimate.Notes, n => n.Contains("function pipelined (II=1)"));
    }

    [Fact]
    public void The_same_fir_without_pragmas_reuses_one_multiplier_over_sequential_iterations()
    {
        var estimate = HlsEstimator.Estimate(Example("fir4", "ref.cpp"), "fir4");

        Assert.Equal(1, estimate.Multipliers);
        Assert.Equal(1, estimate.Adders);
        Assert.Equal(3 * 1 + 4 * 3, estimate.Latency);   // shift loop: 3 × (0 + 1); MAC loop: 4 × (2 + 1)
        Assert.Equal(estimate.Latency + 1, estimate.Interval);
    }

    [Fact]
    public void A_partial_unroll_and_a_pipelined_loop_change_the_estimate_as_the_pragmas_say()
    {
        const string kernel = """
            #include "ap_int.h"
            #define N 16
            void dot(const ap_int<8> a[N], const ap_int<8> b[N], ap_int<24> &y) {
                ap_int<24> s = 0;
            MAC:
                for (int i = 0; i < N; i++) {
            #pragma HLS UNROLL factor=4
            #pragma HLS PIPELINE II=2
                    s += a[i] * b[i];
                }
                y = s;
            }
            """;
        var estimate = HlsEstimator.Estimate(kernel, "dot");

        Assert.Equal(4, estimate.Multipliers);
        Assert.Equal((4 - 1) * 2 + 4, estimate.Latency);   // 4 iterations II=2 apart, each 1 + ceil(log2(5)) deep
        Assert.Contains(estimate.Notes, n => n.StartsWith("MAC: 16 trip(s), unroll 4, 4 iteration(s), pipelined II=2"));
    }

    [Fact]
    public void A_loop_bound_by_an_argument_leaves_the_latency_unknown_and_says_why()
    {
        const string kernel = """
            int sum(const int a[64], int n) {
                int s = 0;
                for (int i = 0; i < n; i++) s += a[i];
                return s;
            }
            """;
        var estimate = HlsEstimator.Estimate(kernel, "sum");

        Assert.Null(estimate.Latency);
        Assert.Null(estimate.Interval);
        Assert.Contains(estimate.Notes, n => n.Contains("trip count not constant"));
    }

    [Fact]
    public void Pragmas_vitis_would_reject_are_named_with_their_line_and_correct_ones_pass()
    {
        var good = Example("fir4", "equiv.cpp");
        var bad = good
            .Replace("variable=shift_reg complete", "variable=shift complete")
            .Replace("#pragma HLS PIPELINE II=1", "#pragma HLS PIPELINE II=0")
            .Replace("#pragma HLS UNROLL", "#pragma HLS UNROL");

        Assert.Empty(PragmaCheck.Problems(good, "fir4"));
        var problems = PragmaCheck.Problems(bad, "fir4");
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("II=0 is not a positive integer"));
        Assert.Contains(problems, p => p.Contains("variable=shift is not an array of fir4"));
        Assert.Contains(problems, p => p.Contains("UNROL: not an HLS directive") && p.StartsWith("line "));
    }
}
