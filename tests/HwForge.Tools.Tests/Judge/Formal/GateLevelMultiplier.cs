namespace HwForge.Tools.Tests.Judge.Formal;

/// <summary>A gate-level 8×8 array multiplier (module <c>mul8_array</c>): a structure SAT cannot match against <c>*</c>, shared by the formal tests.</summary>
internal static class GateLevelMultiplier
{
    /// <summary>Row i adds a &amp; b[i] to the previous row's upper bits with a ripple of full adders.</summary>
    public const string Array8 = """
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
}
