using HwForge.Tools.Foundation;
namespace HwForge.Catalog.Tests;

/// <summary>Requests in plain words become a family and its parameters; what is not said is assumed out loud.</summary>
public sealed class RequestMatcherTests
{
    private static CatalogMatch Matched(string request)
    {
        var match = RequestMatcher.Match(request);
        Assert.True(match.Matched, $"'{request}' was not matched: {match.Refusal}");
        Assert.Null(match.Refusal);
        return match;
    }

    private static void AssertValues(CatalogMatch match, string family, params (string Name, string Value)[] values)
    {
        Assert.Equal(family, match.Generator!.Family);
        foreach (var (name, value) in values) Assert.True(match.Parameters!.Text(name) == value, $"{name}: expected {value}, got {match.Parameters!.Text(name)} ({match.Parameters})");
    }

    [Fact]
    public void A_signed_mac_with_two_pipeline_stages()
    {
        var match = Matched("a 16-bit signed MAC with 2 pipeline stages");
        AssertValues(match, "mac", ("width", "16"), ("signed", "true"), ("pipeline", "2"));
        Assert.Contains(match.Assumptions, a => a.StartsWith("guard_bits not given"));
    }

    [Fact]
    public void An_eight_tap_fir_with_twelve_bit_samples_says_which_coefficients_it_assumed()
    {
        var match = Matched("8-tap FIR, 12-bit samples");
        AssertValues(match, "fir", ("taps", "8"), ("width", "12"), ("coefficients", "symmetric"));
        Assert.Contains(match.Assumptions, a => a.StartsWith("coefficients not given") && a.Contains("symmetric"));
    }

    [Fact]
    public void A_fir_with_its_own_coefficients() =>
        AssertValues(Matched("a transposed 4-tap FIR with coefficients 1, -2, 3, 5 and 8-bit samples"), "fir",
            ("taps", "4"), ("coefficients", "1,-2,3,5"), ("architecture", "transposed"), ("width", "8"));

    [Theory]
    [InlineData("a first-in first-out buffer 32 deep and 16 bits wide", "fifo", "depth", "32")]
    [InlineData("a first in, first out queue of 8 entries", "fifo", "depth", "8")]
    [InlineData("an 8-bit circular buffer with 16 slots", "fifo", "depth", "16")]
    [InlineData("a 4x4 matrix product tile for int8", "gemm_tile", "rows", "4")]
    [InlineData("a scalar product of 4 elements, 8 bits", "dot_product", "lanes", "4")]
    [InlineData("a 16-bit multiply-add unit with 1 pipeline stage", "mac", "width", "16")]
    [InlineData("a finite impulse response, 12-bit samples", "fir", "width", "12")]
    [InlineData("a sequence recognizer for 1101", "fsm", "pattern", "1101")]
    [InlineData("a frequency divider that counts 0 to 9", "counter", "modulus", "10")]
    public void Families_by_their_other_names(string request, string family, string parameter, string value)
    {
        AssertValues(Matched(request), family, (parameter, value));
        if (family == "fifo" && request.Contains("16 bits wide")) AssertValues(Matched(request), family, ("width", "16"));
    }

    [Fact]
    public void A_kogge_stone_adder() =>
        AssertValues(Matched("32-bit Kogge-Stone adder"), "adder", ("width", "32"), ("architecture", "kogge_stone"));

    [Theory]
    [InlineData("a 64 bit brent kung adder", "brent_kung", "64")]
    [InlineData("ripple-carry adder, 8 bits", "ripple", "8")]
    [InlineData("a carry-lookahead adder for sixteen-bit operands", "carry_lookahead", "16")]
    public void Adder_architectures_by_name(string request, string architecture, string width) =>
        AssertValues(Matched(request), "adder", ("architecture", architecture), ("width", width));

    [Fact]
    public void An_unsigned_booth_multiplier() =>
        AssertValues(Matched("an 8-bit unsigned Booth multiplier"), "multiplier", ("width", "8"), ("signed", "false"), ("architecture", "booth_radix4"));

    [Theory]
    [InlineData("a Wallace tree multiplier for int16", "wallace", "16", "true")]
    [InlineData("eight-bit dadda multiplier", "dadda", "8", "false")]
    [InlineData("a uint4 array multiplier", "array", "4", "false")]
    public void Multipliers_by_name_with_word_numbers_and_int_types(string request, string architecture, string width, string signed) =>
        AssertValues(Matched(request), "multiplier", ("architecture", architecture), ("width", width), ("signed", signed));

    [Fact]
    public void A_systolic_gemm_tile() =>
        AssertValues(Matched("a 4x4 int8 systolic GEMM tile"), "gemm_tile", ("rows", "4"), ("cols", "4"), ("width", "8"), ("signed", "true"));

    [Fact]
    public void A_sync_fifo() =>
        AssertValues(Matched("a sync FIFO 16 deep 8 bits wide"), "fifo", ("depth", "16"), ("width", "8"));

    [Fact]
    public void A_mod_10_counter() => AssertValues(Matched("a mod-10 counter"), "counter", ("modulus", "10"));

    [Fact]
    public void A_counter_that_counts_to_59() => AssertValues(Matched("a counter that counts from 0 to 59"), "counter", ("modulus", "60"));

    [Fact]
    public void A_sequence_detector() =>
        AssertValues(Matched("a sequence detector for 1011"), "fsm", ("pattern", "1011"), ("overlapping", "true"));

    [Fact]
    public void A_non_overlapping_one_hot_detector() =>
        AssertValues(Matched("detect the pattern 0110, non-overlapping, one-hot FSM"), "fsm", ("pattern", "0110"), ("overlapping", "false"), ("encoding", "one_hot"));

    [Fact]
    public void A_dot_product_of_int8_vectors() =>
        AssertValues(Matched("dot product of 4 int8 vectors"), "dot_product", ("lanes", "4"), ("width", "8"), ("signed", "true"));

    [Theory]
    [InlineData("a RISC-V core")]
    [InlineData("an AES engine")]
    [InlineData("a floating-point adder")]
    [InlineData("something nice")]
    public void Requests_outside_the_catalog_are_refused_with_what_to_configure(string request)
    {
        var match = RequestMatcher.Match(request);
        Assert.False(match.Matched);
        Assert.Null(match.Generator);
        Assert.Contains(LlmSetupAdvice.Where, match.Refusal);
        Assert.DoesNotContain("--llm-endpoint", match.Refusal); // the CLI adds its flags
    }

    [Fact]
    public void An_impossible_width_is_refused_with_the_allowed_range()
    {
        var match = RequestMatcher.Match("a 1000-bit ripple adder");
        Assert.False(match.Matched);
        Assert.Equal("adder", match.Generator?.Family);
        Assert.Contains("width=1000", match.Refusal);
        Assert.Contains("2..128", match.Refusal);
    }

    [Fact]
    public void Unstated_parameters_are_listed_as_assumptions()
    {
        var match = Matched("an adder");
        Assert.Contains("width not given: 16 bits (default)", match.Assumptions);
        Assert.Contains(match.Assumptions, a => a.StartsWith("architecture not given: kogge_stone"));
    }
}
