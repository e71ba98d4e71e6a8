using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Tools.Tests.Judge.Formal;

/// <summary>
/// A multiply-accumulate retimed across a register: the reference registers the product, the design its
/// operands, with a gate-level multiplier behind them, and both accumulate (register feedback, so the
/// pipeline proof does not apply). The design's multiplier output equals the reference's product register in
/// every reachable state, not in every state: signal correspondence proves that by induction, each step
/// enumerated, and the accumulators then match. A multiplier wrong on one operand pair of 2^16 is not merged.
/// </summary>
public sealed class SignalCorrespondenceTests : IDisposable
{
    private readonly TestHost _test = new(useCache: false);

    private const string Reference = """
        module pmac8(input wire clk, input wire rst, input wire [7:0] a, input wire [7:0] b, output reg [19:0] acc);
            reg [15:0] q;
            always @(posedge clk) if (rst) begin q <= 16'd0; acc <= 20'd0; end else begin q <= a * b; acc <= acc + {4'd0, q}; end
        endmodule
        """;

    private static string Design(string product) => GateLevelMultiplier.Array8 + $$"""
        module pmac8(input wire clk, input wire rst, input wire [7:0] a, input wire [7:0] b, output reg [19:0] acc);
            reg [7:0] ra, rb;
            wire [15:0] m;
            mul8_array mul(.a(ra), .b(rb), .p(m));
            wire [15:0] product = {{product}};
            always @(posedge clk) if (rst) begin ra <= 8'd0; rb <= 8'd0; acc <= 20'd0; end else begin ra <= a; rb <= b; acc <= acc + {4'd0, product}; end
        endmodule
        """;

    [Fact]
    public async Task An_accumulator_behind_a_retimed_multiplier_is_proven_by_induction_over_reachable_states()
    {
        var report = await VerifyAsync(Design("m"));
        Assert.True(report.Verified, report.Summary);
        Assert.Equal(Assurance.Proven, report.Assurance);
        Assert.Contains("in every reachable state", report.Formal.Detail);
    }

    [Fact]
    public async Task A_retimed_multiplier_wrong_on_one_operand_pair_is_not_proven_and_fails()
    {
        var report = await VerifyAsync(Design("(ra == 8'hA5 && rb == 8'h3C) ? m + 16'd1 : m"));
        Assert.NotEqual(Assurance.Proven, report.Assurance);
        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.NotNull(report.FirstMismatch);
    }

    /// <summary>
    /// 12×12 with Yosys's multiplier on both sides: the reset mux sits before the design's multiplier and after the
    /// reference's, so the step's obligation reads 25 bits, past the 24 enumerated; split on the reset, each half
    /// matches gate for gate. (Without the split this pair timed out.)
    /// </summary>
    [Fact]
    public async Task A_wider_retimed_multiplier_is_proven_by_splitting_the_obligation_on_its_reset()
    {
        const string reference = """
            module pmac12(input wire clk, input wire rst, input wire [11:0] a, input wire [11:0] b, output reg [27:0] acc);
                reg [23:0] q;
                always @(posedge clk) if (rst) begin q <= 24'd0; acc <= 28'd0; end else begin q <= a * b; acc <= acc + {4'd0, q}; end
            endmodule
            """;
        const string design = """
            module pmac12(input wire clk, input wire rst, input wire [11:0] a, input wire [11:0] b, output reg [27:0] acc);
                reg [11:0] ra, rb;
                wire [23:0] m = ra * rb;
                always @(posedge clk) if (rst) begin ra <= 12'd0; rb <= 12'd0; acc <= 28'd0; end else begin ra <= a; rb <= b; acc <= acc + {4'd0, m}; end
            endmodule
            """;
        // A generous budget: the proof takes a few seconds, and this machine may be busy with other tests.
        var report = await new Verifier(_test.Host, _test.Versions).VerifyAsync(new VerifyRequest(
            [SourceLoader.FromText("design.v", design)], "pmac12", [SourceLoader.FromText("ref.v", reference)], "pmac12") { FormalTimeout = TimeSpan.FromSeconds(120) });
        Assert.True(report.Verified, report.Summary);
        Assert.Contains("in every reachable state", report.Formal.Detail);
    }

    /// <summary>
    /// The same MAC with a 32-bit accumulator: in the candidates' simulation its top bits may stay 0, or all equal,
    /// so they first share one class (with the constant, or with each other) and are refuted in the step; split by
    /// their values, not dropped (see SignalCorrespondenceGraphTests), each meets the same bit of the other side.
    /// </summary>
    private static string WideAccumulator(string design, string accumulate) => design
        .Replace("output reg [19:0] acc", "output reg [31:0] acc")
        .Replace("acc <= 20'd0", "acc <= 32'd0")
        .Replace("acc <= acc + {4'd0, q}", "acc <= acc + {16'd0, q}")
        .Replace("acc <= acc + {4'd0, product}", accumulate);

    [Fact]
    public async Task An_accumulator_with_16_guard_bits_behind_a_retimed_multiplier_is_proven()
    {
        var report = await new Verifier(_test.Host, _test.Versions).VerifyAsync(new VerifyRequest(
            [SourceLoader.FromText("design.v", WideAccumulator(Design("m"), "acc <= acc + {16'd0, product}"))], "pmac8",
            [SourceLoader.FromText("ref.v", WideAccumulator(Reference, ""))], "pmac8") { FormalTimeout = TimeSpan.FromSeconds(120) });
        Assert.Equal(Assurance.Proven, report.Assurance);
        Assert.Contains("in every reachable state", report.Formal.Detail);
    }

    [Fact]
    public async Task An_accumulator_whose_top_bit_never_carries_is_never_proven_although_no_run_of_thousands_of_cycles_reaches_it()
    {
        // Wrong only once the sum passes 2^31: 2^15 cycles of the largest product. No candidate may pair its top bit.
        var report = await new Verifier(_test.Host, _test.Versions).VerifyAsync(new VerifyRequest(
            [SourceLoader.FromText("design.v", WideAccumulator(Design("m"), "acc <= {1'b0, acc[30:0] + {15'd0, product}}"))], "pmac8",
            [SourceLoader.FromText("ref.v", WideAccumulator(Reference, ""))], "pmac8") { FormalTimeout = TimeSpan.FromSeconds(60) });
        Assert.NotEqual(Assurance.Proven, report.Assurance);
        Assert.False(report.Verified, report.Summary);
    }

    // A generous budget: the proof takes 5-11 s here, but the CI machine, busy with other test classes, once needed
    // more than the default 30 s and the pair ended bounded. A proof that needs more time is not a wrong design.
    private Task<VerifyReport> VerifyAsync(string design) =>
        new Verifier(_test.Host, _test.Versions).VerifyAsync(new VerifyRequest(
            [SourceLoader.FromText("design.v", design)], "pmac8", [SourceLoader.FromText("ref.v", Reference)], "pmac8")
            { FormalTimeout = TimeSpan.FromSeconds(120) });

    public void Dispose() => _test.Dispose();
}
