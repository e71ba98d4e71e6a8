using System.Globalization;
using System.Text;

namespace HwForge.Tools.Targets.Hls.Catalog;

/// <summary>
/// Softmax of one row of four 4-bit logits into 8-bit probabilities (<c>ap_ufixed&lt;8,0&gt;</c>, truncated, saturated at
/// 255/256): the row's maximum subtracted, exp(−d) from a 16-entry Q1.15 table, the sum, then each share. The kernel
/// is written in ap_fixed, the reference in plain integers, the RTL with a table and dividers: pipelined, four at
/// once and registered (latency 1, a call every cycle); not, one divider over four cycles. Choices: a
/// pipelined function or not, its loops unrolled or not, the arrays partitioned or not.
/// </summary>
internal sealed class SoftmaxKernels : IHlsKernelFamily
{
    private const int N = 4;

    /// <summary>exp(−d) for d = 0..15 in Q1.15, rounded to nearest: exp(0) = 32768 … exp(−15) = 0.</summary>
    private static readonly int[] Table = [.. Enumerable.Range(0, 16).Select(d => (int)Math.Round(Math.Exp(-d) * 32768))];

    public string Family => "softmax_row";

    public string Summary => "softmax of a row of four 4-bit logits into 8-bit fixed-point probabilities (exp by table)";

    public IReadOnlyList<string> Keywords { get; } = ["softmax"];

    public IReadOnlyList<HlsChoice> Choices { get; } =
    [
        new("pipeline", "PIPELINE II=1 on the function", ["on", "off"]),
        new("unroll", "UNROLL of the max, exp and normalise loops", ["full", "none"]),
        new("partition", "ARRAY_PARTITION of x, y and the exponentials", ["complete", "none"]),
    ];

    public HlsKernel Generate(IReadOnlyDictionary<string, string> given)
    {
        var choices = HlsChoices.Resolved(this, given);
        var unroll = choices["unroll"] == "full" ? "#pragma HLS UNROLL\n" : "";
        var k = new StringBuilder();
        k.AppendLine("#include \"ap_fixed.h\"");
        k.AppendLine($"#define N {N}");
        k.AppendLine("typedef ap_int<4> logit_t;");
        k.AppendLine("typedef ap_ufixed<16, 1> exp_t;");
        k.AppendLine("typedef ap_ufixed<18, 3> sum_t;");
        k.AppendLine("typedef ap_ufixed<8, 0, AP_TRN, AP_SAT> prob_t;");
        k.AppendLine();
        k.AppendLine("// exp(-d), d = 0..15, each an exact multiple of 2^-15.");
        k.AppendLine($"static const exp_t exp_lut[16] = {{{string.Join(", ", Table.Select(t => (t / 32768.0).ToString("R", CultureInfo.InvariantCulture)))}}};");
        k.AppendLine();
        k.AppendLine("void softmax_row(const logit_t x[N], prob_t y[N]) {");
        if (choices["pipeline"] == "on") k.AppendLine("#pragma HLS PIPELINE II=1");
        if (choices["partition"] == "complete")
        {
            k.AppendLine("#pragma HLS ARRAY_PARTITION variable=x complete");
            k.AppendLine("#pragma HLS ARRAY_PARTITION variable=y complete");
        }
        k.AppendLine("    logit_t m = x[0];");
        k.AppendLine("MAX:");
        k.AppendLine("    for (int i = 1; i < N; i++) {");
        k.Append(unroll);
        k.AppendLine("        if (x[i] > m) m = x[i];");
        k.AppendLine("    }");
        k.AppendLine("    exp_t e[N];");
        if (choices["partition"] == "complete") k.AppendLine("#pragma HLS ARRAY_PARTITION variable=e complete");
        k.AppendLine("    sum_t sum = 0;");
        k.AppendLine("EXP:");
        k.AppendLine("    for (int i = 0; i < N; i++) {");
        k.Append(unroll);
        k.AppendLine("        ap_uint<4> d = m - x[i];");
        k.AppendLine("        e[i] = exp_lut[d];");
        k.AppendLine("        sum += e[i];");
        k.AppendLine("    }");
        k.AppendLine("NORM:");
        k.AppendLine("    for (int i = 0; i < N; i++) {");
        k.Append(unroll);
        k.AppendLine("        y[i] = e[i] / sum;");
        k.AppendLine("    }");
        k.AppendLine("}");

        var reference = $$"""
            // Softmax of four 4-bit logits: the plain reference, in integers (Q1.15 exponentials, 8-bit shares).
            #include "ap_fixed.h"
            void softmax_row_ref(const ap_int<4> x[{{N}}], ap_ufixed<8, 0> y[{{N}}]) {
                static const unsigned lut[16] = {{{string.Join(", ", Table)}}};
                int m = x[0].to_int();
                for (int i = 1; i < {{N}}; i++) if (x[i].to_int() > m) m = x[i].to_int();
                unsigned e[{{N}}], s = 0;
                for (int i = 0; i < {{N}}; i++) { e[i] = lut[m - x[i].to_int()]; s += e[i]; }
                for (int i = 0; i < {{N}}; i++) {
                    unsigned q = (e[i] << 8) / s;
                    y[i].range(7, 0) = q > 255 ? 255u : q;
                }
            }
            """;
        return new HlsKernel(Family, "softmax_row", Summary, choices, k.ToString(), reference + "\n", "softmax_row_ref",
            choices["pipeline"] == "on" ? Pipelined() : Sequential());
    }

    // The ports, the exp table and the row's maximum, exponentials and sum from x_0..x_3 (inputs, or the registers
    // a sequential call keeps them in, named by prefix).
    private static string Datapath(string comment, bool registered, string x)
    {
        var rtl = new StringBuilder();
        rtl.AppendLine(comment);
        rtl.AppendLine("module softmax_row (");
        rtl.AppendLine("    input  wire ap_clk, input wire ap_rst, input wire ap_start,");
        rtl.AppendLine("    output wire ap_done, output wire ap_idle, output wire ap_ready,");
        rtl.AppendLine(string.Join(",\n", Enumerable.Range(0, N).Select(i => $"    input  wire [3:0] x_{i}")
            .Concat(Enumerable.Range(0, N).SelectMany(i => new[] { $"    output {(registered ? "reg " : "wire")} [7:0] y_{i}", $"    output wire y_{i}_ap_vld" }))));
        rtl.AppendLine(");");
        rtl.AppendLine("    function [15:0] exp_q15(input [3:0] d);");
        rtl.AppendLine("        case (d)");
        for (var d = 0; d < 16; d++) rtl.AppendLine($"            4'd{d}: exp_q15 = 16'd{Table[d]};");
        rtl.AppendLine("            default: exp_q15 = 16'd0;");
        rtl.AppendLine("        endcase");
        rtl.AppendLine("    endfunction");
        if (x != "x") rtl.AppendLine(string.Concat(Enumerable.Range(0, N).Select(i => $"    reg [3:0] {x}_{i};\n")).TrimEnd());
        rtl.AppendLine($"    wire signed [3:0] m01 = $signed({x}_0) > $signed({x}_1) ? {x}_0 : {x}_1;");
        rtl.AppendLine($"    wire signed [3:0] m23 = $signed({x}_2) > $signed({x}_3) ? {x}_2 : {x}_3;");
        rtl.AppendLine("    wire signed [3:0] m = m01 > m23 ? m01 : m23;");
        for (var i = 0; i < N; i++)
        {
            rtl.AppendLine($"    wire [3:0] d_{i} = m - $signed({x}_{i});");
            rtl.AppendLine($"    wire [15:0] e_{i} = exp_q15(d_{i});");
        }
        rtl.AppendLine($"    wire [17:0] s = {string.Join(" + ", Enumerable.Range(0, N).Select(i => $"e_{i}"))};");
        return rtl.ToString();
    }

    /// <summary>Four dividers at once, the shares registered: a call taken every cycle, done one cycle later.</summary>
    private static string Pipelined()
    {
        var rtl = new StringBuilder(Datapath("// softmax_row behind the ap_ctrl_hs interface: x_0..x_3 in, y_k with y_k_ap_vld out; pipelined: the\n// four shares computed at once and registered, a call taken every cycle and done one cycle later.", registered: true, "x"));
        rtl.AppendLine("    reg busy;");
        rtl.AppendLine("    assign ap_done = busy;");
        rtl.AppendLine("    assign ap_ready = ap_start;");
        rtl.AppendLine("    assign ap_idle = !ap_start && !busy;");
        for (var i = 0; i < N; i++)
        {
            rtl.AppendLine($"    wire [23:0] q_{i} = {{e_{i}, 8'd0}} / s;");
            rtl.AppendLine($"    assign y_{i}_ap_vld = busy;");
        }
        rtl.AppendLine("    always @(posedge ap_clk) begin");
        rtl.AppendLine("        if (ap_rst) busy <= 1'b0;");
        rtl.AppendLine("        else begin");
        rtl.AppendLine("            busy <= ap_start;");
        rtl.AppendLine("            if (ap_start) begin");
        for (var i = 0; i < N; i++) rtl.AppendLine($"                y_{i} <= q_{i} > 24'd255 ? 8'd255 : q_{i}[7:0];");
        rtl.AppendLine("            end");
        rtl.AppendLine("        end");
        rtl.AppendLine("    end");
        rtl.AppendLine("endmodule");
        return rtl.ToString();
    }

    /// <summary>The row kept in registers, one divider over four cycles: done after four, a new call when one is done.</summary>
    private static string Sequential()
    {
        var rtl = new StringBuilder(Datapath("// softmax_row behind the ap_ctrl_hs interface, sequential: the row taken at the start, one divider giving one\n// share per cycle, done after four cycles; ap_ready comes with ap_done.", registered: false, "xr"));
        rtl.AppendLine("    reg [2:0] step;   // 0: idle; 1..4: share step-1; 5: done");
        rtl.AppendLine("    reg [7:0] share [0:3];");
        rtl.AppendLine("    wire [15:0] e_now = step == 1 ? e_0 : step == 2 ? e_1 : step == 3 ? e_2 : e_3;");
        rtl.AppendLine("    wire [23:0] q = {e_now, 8'd0} / s;");
        rtl.AppendLine("    assign ap_done = step == 5;");
        rtl.AppendLine("    assign ap_ready = step == 5;");
        rtl.AppendLine("    assign ap_idle = step == 0 && !ap_start;");
        for (var i = 0; i < N; i++)
        {
            rtl.AppendLine($"    assign y_{i} = share[{i}];");
            rtl.AppendLine($"    assign y_{i}_ap_vld = step == 5;");
        }
        rtl.AppendLine("    always @(posedge ap_clk) begin");
        rtl.AppendLine("        if (ap_rst) step <= 0;");
        rtl.AppendLine("        else if (step == 0) begin");
        rtl.AppendLine($"            if (ap_start) begin {string.Concat(Enumerable.Range(0, N).Select(i => $"xr_{i} <= x_{i}; "))}step <= 1; end");
        rtl.AppendLine("        end else if (step <= 4) begin");
        rtl.AppendLine("            share[step - 1] <= q > 24'd255 ? 8'd255 : q[7:0];");
        rtl.AppendLine("            step <= step + 1;");
        rtl.AppendLine("        end else step <= 0;");
        rtl.AppendLine("    end");
        rtl.AppendLine("endmodule");
        return rtl.ToString();
    }
}
