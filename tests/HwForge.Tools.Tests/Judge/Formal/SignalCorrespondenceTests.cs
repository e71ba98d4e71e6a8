using HwForge.Tools.Judge;
using HwForge.Tools.Sources;

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

    private const string ArrayMultiplier = """
        /* verilator lint_off UNOPTFLAT */
        module mul8_array(input wire [7:0] a, input wire [7:0] b, output wire [15:0] p);
            wire [8*9-1:0] acc;
            assign acc[7:0] = 8'd0;
            genvar i, j;
            generate
                for (i = 0; i < 8; i = i + 1) begin : g_row
                    wire [7:0] x  = acc[8*i +: 8];
                    wire [7:0] pp = a & {8{b[i]}};
                    wire [7:0] s;
                    wire [8:0] c;
                    assign c[0] = 1'b0;
                    for (j = 0; j < 8; j = j + 1) begin : g_col
                        assign s[j]   = x[j] ^ pp[j] ^ c[j];
                        assign c[j+1] = (x[j] & pp[j]) | (c[j] & (x[j] ^ pp[j]));
                    end
                    assign p[i] = s[0];
                    assign acc[8*(i+1) +: 8] = {c[8], s[7:1]};
                end
            endgenerate
            assign p[15:8] = acc[8*8 +: 8];
        endmodule
        /* verilator lint_on UNOPTFLAT */

        """;

    private const string Reference = """
        module pmac8(input wire clk, input wire rst, input wire [7:0] a, input wire [7:0] b, output reg [19:0] acc);
            reg [15:0] q;
            always @(posedge clk) if (rst) begin q <= 16'd0; acc <= 20'd0; end else begin q <= a * b; acc <= acc + {4'd0, q}; end
        endmodule
        """;

    private static string Design(string product) => ArrayMultiplier + $$"""
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

    private Task<VerifyReport> VerifyAsync(string design) =>
        new Verifier(_test.Host, _test.Versions).VerifyAsync(new VerifyRequest(
            [SourceLoader.FromText("design.v", design)], "pmac8", [SourceLoader.FromText("ref.v", Reference)], "pmac8"));

    public void Dispose() => _test.Dispose();
}
