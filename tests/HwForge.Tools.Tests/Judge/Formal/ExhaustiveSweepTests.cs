using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Tools.Tests.Judge.Formal;

/// <summary>
/// A sequential pair whose multipliers differ in structure (a gate-level array multiplier against <c>*</c>):
/// SAT cannot match them within the budget, enumeration of their 16 input bits can, and then the
/// accumulators close. A multiplier wrong on one operand pair is not merged, and its counterexample is replayed.
/// </summary>
public sealed class ExhaustiveSweepTests : IDisposable
{
    private readonly TestHost _test = new(useCache: false);

    /// <summary>Row i adds a &amp; b[i] to the previous row's upper bits with a ripple of full adders.</summary>
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
        module macc8(input wire clk, input wire rst, input wire [7:0] a, input wire [7:0] b, output reg [19:0] acc);
            always @(posedge clk) if (rst) acc <= 20'd0; else acc <= acc + a * b;
        endmodule
        """;

    private static string Design(string product) => ArrayMultiplier + $$"""
        module macc8(input wire clk, input wire rst, input wire [7:0] a, input wire [7:0] b, output reg [19:0] acc);
            wire [15:0] m;
            mul8_array mul(.a(a), .b(b), .p(m));
            wire [15:0] p = {{product}};
            always @(posedge clk) if (rst) acc <= 20'd0; else acc <= acc + {4'd0, p};
        endmodule
        """;

    [Fact]
    public async Task An_accumulator_fed_by_a_gate_level_multiplier_is_proven_once_the_multipliers_are_merged()
    {
        var report = await VerifyAsync(Design("m"));
        Assert.True(report.Verified, report.Summary);
        Assert.Contains("proven equal by enumeration", report.Formal.Detail);
    }

    [Fact]
    public async Task A_multiplier_wrong_on_one_operand_pair_is_not_merged_and_its_counterexample_is_replayed()
    {
        var report = await VerifyAsync(Design("(a == 8'hA5 && b == 8'h3C) ? m + 16'd1 : m"));
        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.NotEqual(Assurance.Proven, report.Assurance);
        if (report.DecidedBy == StageName.Formal) Assert.NotNull(report.Formal.Counterexample);
        Assert.NotNull(report.FirstMismatch);
    }

    private Task<VerifyReport> VerifyAsync(string design) =>
        new Verifier(_test.Host, _test.Versions).VerifyAsync(new VerifyRequest(
            [SourceLoader.FromText("design.v", design)], "macc8", [SourceLoader.FromText("ref.v", Reference)], "macc8"));

    public void Dispose() => _test.Dispose();
}
