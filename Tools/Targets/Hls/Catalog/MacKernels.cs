using System.Text;

namespace HwForge.Tools.Targets.Hls.Catalog;

/// <summary>
/// A signed multiply-accumulate over calls: <c>acc = (clear ? 0 : acc) + a·b</c>, the accumulator a <c>static</c> of
/// 2·width + ⌈log2 length⌉ bits (exact for <c>length</c> products between clears, wrapping after, in the C++ and the
/// RTL alike). Parameters: width and length (not searched). Choices: a pipelined function or not, the product's
/// helper inlined or not. Its RTL follows the pipeline choice: pipelined, multiply then accumulate in two stages, a
/// call every cycle; not pipelined, the same two steps and a done cycle, a new call when one is done.
/// </summary>
internal sealed class MacKernels : IHlsKernelFamily
{
    public string Family => "mac";

    public string Summary => "signed multiply-accumulate with clear (width and length parameters), static accumulator";

    public IReadOnlyList<string> Keywords { get; } = ["mac", "multiply-accumulate", "multiply accumulate", "multiply-add", "accumulator"];

    public IReadOnlyList<HlsChoice> Choices { get; } =
    [
        new("width", "bits of each operand (signed)", ["8", "4", "12", "16"]) { Searched = false },
        new("length", "products the accumulator holds exactly between clears", ["256", "16", "1024", "65536"]) { Searched = false },
        new("pipeline", "PIPELINE II=1 on the function", ["on", "off"]),
        new("inline", "INLINE of the product helper", ["on", "off"]),
    ];

    public IReadOnlyDictionary<string, string> ParametersIn(string request)
    {
        var found = new Dictionary<string, string>();
        HlsChoices.FromRequest(this, request, "width", @"\b(\d+)[- ]?bits?\b", found);
        HlsChoices.FromRequest(this, request, "width", @"\bint(\d+)\b", found);
        HlsChoices.FromRequest(this, request, "length", @"\b(?:length|of)\s+(\d+)\b", found);
        HlsChoices.FromRequest(this, request, "length", @"\b(\d+)[- ](?:products|terms|samples)\b", found);
        return found;
    }

    public HlsKernel Generate(IReadOnlyDictionary<string, string> given)
    {
        var choices = HlsChoices.Resolved(this, given);
        var w = int.Parse(choices["width"]);
        var n = int.Parse(choices["length"]);
        var aw = 2 * w + (int)Math.Ceiling(Math.Log2(n));
        var k = new StringBuilder();
        k.AppendLine("#include \"ap_int.h\"");
        k.AppendLine($"typedef ap_int<{w}> data_t;");
        k.AppendLine($"typedef ap_int<{2 * w}> prod_t;");
        k.AppendLine($"typedef ap_int<{aw}> acc_t;");
        k.AppendLine();
        k.AppendLine("static prod_t product(data_t a, data_t b) {");
        if (choices["inline"] == "on") k.AppendLine("#pragma HLS INLINE");
        else k.AppendLine("#pragma HLS INLINE off");
        k.AppendLine("    return a * b;");
        k.AppendLine("}");
        k.AppendLine();
        k.AppendLine("void mac(data_t a, data_t b, bool clear, acc_t &y) {");
        if (choices["pipeline"] == "on") k.AppendLine("#pragma HLS PIPELINE II=1");
        k.AppendLine("    static acc_t acc = 0;");
        k.AppendLine("    prod_t p = product(a, b);");
        k.AppendLine("    acc = clear ? acc_t(p) : acc_t(acc + p);");
        k.AppendLine("    y = acc;");
        k.AppendLine("}");

        var reference = $$"""
            // Multiply-accumulate with a clear (a clear call restarts the sum with its own product): the plain reference.
            #include "ap_int.h"
            void mac_ref(ap_int<{{w}}> a, ap_int<{{w}}> b, bool clear, ap_int<{{aw}}> &y) {
                static long long acc = 0;
                if (clear) acc = 0;
                acc += a.to_int64() * b.to_int64();
                y = acc;
            }
            """;
        var description = $"signed {w}x{w} multiply-accumulate with clear into a {aw}-bit accumulator (exact for {n} products)";
        return new HlsKernel(Family, "mac", description, choices, k.ToString(), reference + "\n", "mac_ref",
            (choices["pipeline"] == "on" ? Pipelined(w, aw) : Sequential(w, aw)) + "\n");
    }

    private static string Ports(int w, int aw) => $$"""
        module mac (
            input  wire ap_clk, input wire ap_rst, input wire ap_start,
            output wire ap_done, output wire ap_idle, output wire ap_ready,
            input  wire [{{w - 1}}:0] a,
            input  wire [{{w - 1}}:0] b,
            input  wire clear,
            output wire [{{aw - 1}}:0] y,
            output wire y_ap_vld
        );
            reg signed [{{2 * w - 1}}:0] product;
            reg clear_1;
            reg signed [{{aw - 1}}:0] acc;   // the C kernel's static accumulator
            assign y = acc;

        """;

    private static string Pipelined(int w, int aw) => "// mac behind the ap_ctrl_hs interface, pipelined: multiply, then accumulate; a call taken every cycle,\n// each done two cycles after it is taken.\n"
        + Ports(w, aw) + """
            reg valid_1, valid_2;
            assign ap_ready = ap_start;
            assign ap_done  = valid_2;
            assign ap_idle  = !ap_start && !valid_1 && !valid_2;
            assign y_ap_vld = valid_2;
            always @(posedge ap_clk) begin
                if (ap_rst) begin
                    valid_1 <= 1'b0; valid_2 <= 1'b0; acc <= 0;
                end else begin
                    valid_1 <= ap_start;
                    valid_2 <= valid_1;
                    if (ap_start) begin
                        product <= $signed(a) * $signed(b);
                        clear_1 <= clear;
                    end
                    if (valid_1) acc <= (clear_1 ? 0 : acc) + product;
                end
            end
        endmodule
        """;

    private static string Sequential(int w, int aw) => "// mac behind the ap_ctrl_hs interface, not pipelined: multiply, accumulate, then done; ap_ready comes with\n// ap_done, so a new call starts only when the last one is done.\n"
        + Ports(w, aw) + """
            reg [1:0] step;   // 0: idle or multiplying; 1: accumulating; 2: done
            reg taken;
            assign ap_ready = step == 2;
            assign ap_done  = step == 2;
            assign ap_idle  = step == 0 && !ap_start && !taken;
            assign y_ap_vld = step == 2;
            always @(posedge ap_clk) begin
                if (ap_rst) begin
                    step <= 0; taken <= 1'b0; acc <= 0;
                end else if (step == 0 && !taken) begin
                    if (ap_start) begin
                        product <= $signed(a) * $signed(b);
                        clear_1 <= clear;
                        taken <= 1'b1;
                    end
                end else if (taken) begin
                    acc <= (clear_1 ? 0 : acc) + product;
                    taken <= 1'b0;
                    step <= 2;
                end else step <= 0;
            end
        endmodule
        """;
}
