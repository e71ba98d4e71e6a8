using System.Text;

namespace HwForge.Tools.Targets.Hls.Catalog;

/// <summary>
/// A 4-tap FIR, one int8 sample per call (coefficients 31, -57, 93, 20; 20-bit output), with the shift register as
/// static state. Choices: a pipelined function or not, the tap loop unrolled fully, by 2 or not, the shift register
/// partitioned or not. Its RTL follows the pipeline choice: pipelined, a sample every cycle answered one cycle
/// later (four multipliers); not pipelined, one multiplier used over four cycles and a new call when one is done.
/// </summary>
internal sealed class FirKernels : IHlsKernelFamily
{
    private static readonly int[] Coefficients = [31, -57, 93, 20];

    public string Family => "fir";

    public string Summary => "4-tap FIR filter, int8 samples, one per call, 20-bit output (static shift register)";

    public IReadOnlyList<string> Keywords { get; } = ["fir", "filter", "taps"];

    public IReadOnlyList<HlsChoice> Choices { get; } =
    [
        new("pipeline", "PIPELINE II=1 on the function", ["on", "off"]),
        new("unroll", "UNROLL of the tap loop: full, factor 2, or none", ["full", "2", "none"]),
        new("partition", "ARRAY_PARTITION of the shift register", ["complete", "none"]),
    ];

    public HlsKernel Generate(IReadOnlyDictionary<string, string> given)
    {
        var choices = HlsChoices.Resolved(this, given);
        var n = Coefficients.Length;
        var k = new StringBuilder();
        k.AppendLine("#include \"ap_int.h\"");
        k.AppendLine($"#define N {n}");
        k.AppendLine("typedef ap_int<8> data_t;");
        k.AppendLine("typedef ap_int<8> coef_t;");
        k.AppendLine("typedef ap_int<20> acc_t;");
        k.AppendLine();
        k.AppendLine("void fir(data_t x, acc_t &y) {");
        if (choices["pipeline"] == "on") k.AppendLine("#pragma HLS PIPELINE II=1");
        k.AppendLine("    static data_t shift_reg[N];");
        if (choices["partition"] == "complete") k.AppendLine("#pragma HLS ARRAY_PARTITION variable=shift_reg complete dim=1");
        k.AppendLine($"    const coef_t coef[N] = {{{string.Join(", ", Coefficients)}}};");
        k.AppendLine("    acc_t acc = 0;");
        k.AppendLine("SHIFT_ACC:");
        k.AppendLine("    for (int i = N - 1; i >= 0; i--) {");
        if (choices["unroll"] == "full") k.AppendLine("#pragma HLS UNROLL");
        else if (choices["unroll"] == "2") k.AppendLine("#pragma HLS UNROLL factor=2");
        k.AppendLine("        if (i == 0) shift_reg[0] = x;");
        k.AppendLine("        else shift_reg[i] = shift_reg[i - 1];");
        k.AppendLine("        acc += shift_reg[i] * coef[i];");
        k.AppendLine("    }");
        k.AppendLine("    y = acc;");
        k.AppendLine("}");

        var reference = $$"""
            // 4-tap FIR, one sample per call: the plain reference.
            #include "ap_int.h"
            void fir_ref(ap_int<8> x, ap_int<20> &y) {
                static ap_int<8> shift[{{n}}];
                const int c[{{n}}] = {{{string.Join(", ", Coefficients)}}};
                for (int i = {{n - 1}}; i > 0; i--) shift[i] = shift[i - 1];
                shift[0] = x;
                long acc = 0;
                for (int i = 0; i < {{n}}; i++) acc += shift[i].to_int() * c[i];
                y = acc;
            }
            """;
        var rtl = $$"""
            // fir behind the ap_ctrl_hs interface: a sample taken every cycle, y one cycle later.
            module fir (
                input  wire        ap_clk,
                input  wire        ap_rst,
                input  wire        ap_start,
                output wire        ap_done,
                output wire        ap_idle,
                output wire        ap_ready,
                input  wire [7:0]  x,
                output reg  [19:0] y,
                output reg         y_ap_vld
            );
                reg signed [7:0] s0, s1, s2;
                reg busy;
                wire signed [7:0] xs = x;
                assign ap_ready = ap_start;
                assign ap_done  = busy;
                assign ap_idle  = !ap_start && !busy;
                always @(posedge ap_clk) begin
                    if (ap_rst) begin
                        s0 <= 0; s1 <= 0; s2 <= 0; busy <= 1'b0; y_ap_vld <= 1'b0;
                    end else begin
                        busy <= ap_start;
                        y_ap_vld <= ap_start;
                        if (ap_start) begin
                            y  <= xs * {{Coefficients[0]}} + s0 * {{Coefficients[1]}} + s1 * {{Coefficients[2]}} + s2 * {{Coefficients[3]}};
                            s0 <= xs; s1 <= s0; s2 <= s1;
                        end
                    end
                end
            endmodule
            """;
        return new HlsKernel(Family, "fir", Summary, choices, k.ToString(), reference + "\n", "fir_ref",
            (choices["pipeline"] == "on" ? rtl : Sequential()) + "\n");
    }

    /// <summary>One multiply-accumulate per cycle over the four taps: the RTL a non-pipelined schedule would give.</summary>
    private static string Sequential() => $$"""
        // fir behind the ap_ctrl_hs interface, sequential: one multiplier, one tap per cycle, done after four
        // cycles; ap_ready comes with ap_done, so a new call starts only when the last one is done.
        module fir (
            input  wire        ap_clk,
            input  wire        ap_rst,
            input  wire        ap_start,
            output wire        ap_done,
            output wire        ap_idle,
            output wire        ap_ready,
            input  wire [7:0]  x,
            output reg  [19:0] y,
            output reg         y_ap_vld
        );
            reg signed [7:0] s0, s1, s2;     // the last three samples, newest first
            reg signed [7:0] tap [0:3];      // this call's samples: x, s0, s1, s2
            reg signed [19:0] acc;
            reg [2:0] step;                  // 0: idle; 1..4: tap step-1; 5: done
            wire signed [7:0] coef = step == 1 ? 8'sd{{Coefficients[0]}} : step == 2 ? -8'sd{{-Coefficients[1]}} : step == 3 ? 8'sd{{Coefficients[2]}} : 8'sd{{Coefficients[3]}};

            assign ap_done  = step == 5;
            assign ap_ready = step == 5;
            assign ap_idle  = step == 0 && !ap_start;

            always @(posedge ap_clk) begin
                if (ap_rst) begin
                    s0 <= 0; s1 <= 0; s2 <= 0; step <= 0; y_ap_vld <= 1'b0;
                end else begin
                    y_ap_vld <= 1'b0;
                    case (step)
                        0: if (ap_start) begin
                               tap[0] <= x; tap[1] <= s0; tap[2] <= s1; tap[3] <= s2;
                               acc <= 0; step <= 1;
                           end
                        1, 2, 3, 4: begin
                               acc <= acc + tap[step - 1] * coef;
                               if (step == 4) begin y_ap_vld <= 1'b1; y <= acc + tap[3] * coef; end
                               step <= step + 1;
                           end
                        default: begin
                               s0 <= tap[0]; s1 <= tap[1]; s2 <= tap[2];
                               step <= 0;
                           end
                    endcase
                end
            end
        endmodule
        """;
}
