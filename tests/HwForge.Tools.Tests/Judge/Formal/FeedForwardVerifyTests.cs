using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Tools.Tests.Judge.Formal;

/// <summary>
/// A multiplier retimed across a register (the reference registers the product, the design its operands,
/// with a gate-level multiplier behind them): the two sides' registers hold different functions, so neither
/// the sweep nor register correspondence can match them; neither side has register feedback, so the first
/// cycles from reset, each enumerated, prove it for every cycle. A multiplier wrong on one operand pair
/// of 2^16 is found in the cycle it shows, and the counterexample is replayed.
/// </summary>
public sealed class FeedForwardVerifyTests : IDisposable
{
    private readonly TestHost _test = new(useCache: false);

    private const string Reference = """
        module pmul8(input wire clk, input wire rst, input wire [7:0] a, input wire [7:0] b, output reg [15:0] p);
            reg [15:0] q;
            always @(posedge clk) if (rst) begin q <= 16'd0; p <= 16'd0; end else begin q <= a * b; p <= q; end
        endmodule
        """;

    private static string Design(string product) => GateLevelMultiplier.Array8 + $$"""
        module pmul8(input wire clk, input wire rst, input wire [7:0] a, input wire [7:0] b, output reg [15:0] p);
            reg [7:0] ra, rb;
            wire [15:0] m;
            mul8_array mul(.a(ra), .b(rb), .p(m));
            wire [15:0] product = {{product}};
            always @(posedge clk) if (rst) begin ra <= 8'd0; rb <= 8'd0; p <= 16'd0; end else begin ra <= a; rb <= b; p <= product; end
        endmodule
        """;

    [Fact]
    public async Task A_multiplier_retimed_across_a_register_is_proven_for_every_cycle()
    {
        var report = await VerifyAsync(Design("m"));
        Assert.True(report.Verified, report.Summary);
        Assert.Equal(Assurance.Proven, report.Assurance);
        Assert.Contains("neither side has register feedback", report.Formal.Detail);
    }

    [Fact]
    public async Task A_retimed_multiplier_wrong_on_one_operand_pair_fails_with_a_replayed_counterexample()
    {
        var report = await VerifyAsync(Design("(ra == 8'hA5 && rb == 8'h3C) ? m + 16'd1 : m"));
        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.NotEqual(Assurance.Proven, report.Assurance);
        Assert.NotNull(report.FirstMismatch);
    }

    private const string SumReference = """
        module sum5(input wire clk, input wire rst, input wire [7:0] a, input wire [7:0] b, input wire [7:0] c, input wire [7:0] d, input wire [7:0] e, output reg [10:0] s);
            reg [10:0] q;
            always @(posedge clk) if (rst) begin q <= 11'd0; s <= 11'd0; end else begin q <= a + b + c + d + e; s <= q; end
        endmodule
        """;

    private static string SumDesign(string last) => $$"""
        module sum5(input wire clk, input wire rst, input wire [7:0] a, input wire [7:0] b, input wire [7:0] c, input wire [7:0] d, input wire [7:0] e, output reg [10:0] s);
            reg [9:0] ab, cd;
            reg [7:0] e1;
            always @(posedge clk) if (rst) begin ab <= 10'd0; cd <= 10'd0; e1 <= 8'd0; s <= 11'd0; end
                else begin ab <= a + b; cd <= c + d; e1 <= e; s <= {{last}}; end
        endmodule
        """;

    /// <summary>
    /// 40 input bits in the cycle that matters, past what is enumerated: the unrolled cycles' output words are rewritten
    /// into polynomials (the sums regrouped: the same a + b + c + d + e on both sides).
    /// </summary>
    [Fact]
    public async Task A_pipelined_sum_of_forty_input_bits_is_proven_by_rewriting_its_unrolled_cycles()
    {
        var report = await new Verifier(_test.Host, _test.Versions).VerifyAsync(new VerifyRequest(
            [SourceLoader.FromText("design.v", SumDesign("ab + cd + e1"))], "sum5", [SourceLoader.FromText("ref.v", SumReference)], "sum5"));
        Assert.True(report.Verified, report.Summary);
        Assert.Contains("algebraic rewriting", report.Formal.Detail);
    }

    private const string EqualReference = """
        module eq20(input wire clk, input wire rst, input wire [19:0] a, input wire [19:0] b, output reg y);
            reg [19:0] ra, rb;
            always @(posedge clk) if (rst) begin ra <= 20'd0; rb <= 20'd0; y <= 1'b0; end else begin ra <= a; rb <= b; y <= ra == rb; end
        endmodule
        """;

    private const string EqualDesign = """
        module eq20(input wire clk, input wire rst, input wire [19:0] a, input wire [19:0] b, output reg y);
            reg [19:0] diff;
            always @(posedge clk) if (rst) begin diff <= 20'd0; y <= 1'b0; end else begin diff <= a ^ b; y <= ~|diff; end
        endmodule
        """;

    /// <summary>
    /// A 20-bit comparator registered at another place: 40 input bits, and as a polynomial the equality is a product of
    /// 20 factors (3^20 monomials), past the rewriting's budget; SAT on the unrolled cycles settles it.
    /// </summary>
    [Fact]
    public async Task A_pipelined_comparator_of_forty_input_bits_is_proven_by_sat_on_its_unrolled_cycles()
    {
        var report = await new Verifier(_test.Host, _test.Versions).VerifyAsync(new VerifyRequest(
            [SourceLoader.FromText("design.v", EqualDesign)], "eq20", [SourceLoader.FromText("ref.v", EqualReference)], "eq20"));
        Assert.True(report.Verified, report.Summary);
        Assert.Contains("SAT proved the outputs equal", report.Formal.Detail);
    }

    [Fact]
    public async Task A_pipelined_sum_wrong_for_one_value_of_forty_bits_fails()
    {
        var report = await new Verifier(_test.Host, _test.Versions).VerifyAsync(new VerifyRequest(
            [SourceLoader.FromText("design.v", SumDesign("(ab == 10'd300 && e1 == 8'd7) ? ab + cd : ab + cd + e1"))], "sum5", [SourceLoader.FromText("ref.v", SumReference)], "sum5"));
        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.NotEqual(Assurance.Proven, report.Assurance);
        Assert.NotNull(report.FirstMismatch);
    }

    private Task<VerifyReport> VerifyAsync(string design) =>
        new Verifier(_test.Host, _test.Versions).VerifyAsync(new VerifyRequest(
            [SourceLoader.FromText("design.v", design)], "pmul8", [SourceLoader.FromText("ref.v", Reference)], "pmul8"));

    public void Dispose() => _test.Dispose();
}
