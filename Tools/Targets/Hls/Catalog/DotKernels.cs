using System.Text;

namespace HwForge.Tools.Targets.Hls.Catalog;

/// <summary>
/// A signed dot product of two arrays, y = Σ a[i]·b[i], exact (the output is 2·width + ⌈log2 length⌉ bits, so it never
/// wraps). Parameters: the element width and the length (not searched: they change the function). Choices: a
/// pipelined function or not, the loop unrolled fully, by 2 or not, the arrays partitioned or not. Its RTL follows the
/// pipeline choice: pipelined, every product at once and the sum registered (latency 1, a call every cycle); not
/// pipelined, one multiplier over <c>length</c> cycles and a new call when one is done.
/// </summary>
internal sealed class DotKernels : IHlsKernelFamily
{
    public string Family => "dot";

    public string Summary => "signed dot product of two arrays (width and length parameters), exact sum";

    public IReadOnlyList<string> Keywords { get; } = ["dot product", "dot-product", "inner product", "scalar product", "dot"];

    public IReadOnlyList<HlsChoice> Choices { get; } =
    [
        new("width", "bits of each element (signed)", ["8", "4", "12", "16"]) { Searched = false },
        new("length", "elements in each array", ["8", "2", "4", "16"]) { Searched = false },
        new("pipeline", "PIPELINE II=1 on the function", ["on", "off"]),
        new("unroll", "UNROLL of the product loop: full, factor 2, or none", ["full", "2", "none"]),
        new("partition", "ARRAY_PARTITION of a and b", ["complete", "none"]),
    ];

    public IReadOnlyDictionary<string, string> ParametersIn(string request)
    {
        var found = new Dictionary<string, string>();
        HlsChoices.FromRequest(this, request, "width", @"\b(\d+)[- ]?bits?\b", found);
        HlsChoices.FromRequest(this, request, "width", @"\bint(\d+)\b", found);
        HlsChoices.FromRequest(this, request, "length", @"\b(?:length|size|of)\s+(\d+)\b", found);
        HlsChoices.FromRequest(this, request, "length", @"\b(\d+)[- ](?:elements?|terms?|entries|wide|long)\b", found);
        return found;
    }

    public HlsKernel Generate(IReadOnlyDictionary<string, string> given)
    {
        var choices = HlsChoices.Resolved(this, given);
        var w = int.Parse(choices["width"]);
        var n = int.Parse(choices["length"]);
        var ow = 2 * w + (int)Math.Ceiling(Math.Log2(n));
        var k = new StringBuilder();
        k.AppendLine("#include \"ap_int.h\"");
        k.AppendLine($"#define LEN {n}");
        k.AppendLine($"typedef ap_int<{w}> data_t;");
        k.AppendLine($"typedef ap_int<{ow}> acc_t;");
        k.AppendLine();
        k.AppendLine("void dot(const data_t a[LEN], const data_t b[LEN], acc_t &y) {");
        if (choices["pipeline"] == "on") k.AppendLine("#pragma HLS PIPELINE II=1");
        if (choices["partition"] == "complete")
        {
            k.AppendLine("#pragma HLS ARRAY_PARTITION variable=a complete");
            k.AppendLine("#pragma HLS ARRAY_PARTITION variable=b complete");
        }
        k.AppendLine("    acc_t sum = 0;");
        k.AppendLine("PRODUCTS:");
        k.AppendLine("    for (int i = 0; i < LEN; i++) {");
        if (choices["unroll"] == "full") k.AppendLine("#pragma HLS UNROLL");
        else if (choices["unroll"] == "2") k.AppendLine("#pragma HLS UNROLL factor=2");
        k.AppendLine("        sum += a[i] * b[i];");
        k.AppendLine("    }");
        k.AppendLine("    y = sum;");
        k.AppendLine("}");

        var reference = $$"""
            // Dot product of two {{n}}-element int{{w}} arrays, exact: the plain reference.
            #include "ap_int.h"
            void dot_ref(const ap_int<{{w}}> a[{{n}}], const ap_int<{{w}}> b[{{n}}], ap_int<{{ow}}> &y) {
                long long s = 0;
                for (int i = 0; i < {{n}}; i++) s += a[i].to_int64() * b[i].to_int64();
                y = s;
            }
            """;
        var description = $"signed dot product of two {n}-element {w}-bit arrays into {ow} bits";
        return new HlsKernel(Family, "dot", description, choices, k.ToString(), reference + "\n", "dot_ref",
            (choices["pipeline"] == "on" ? Pipelined(w, n, ow) : Sequential(w, n, ow)) + "\n");
    }

    private static string Ports(int w, int n, int ow, string output) =>
        "module dot (\n    input  wire ap_clk, input wire ap_rst, input wire ap_start,\n    output wire ap_done, output wire ap_idle, output wire ap_ready,\n"
        + string.Concat(Enumerable.Range(0, n).Select(i => $"    input  wire [{w - 1}:0] a_{i},\n"))
        + string.Concat(Enumerable.Range(0, n).Select(i => $"    input  wire [{w - 1}:0] b_{i},\n"))
        + $"    {output} [{ow - 1}:0] y,\n    output wire y_ap_vld\n);\n";

    private static string Pipelined(int w, int n, int ow)
    {
        var rtl = new StringBuilder("// dot behind the ap_ctrl_hs interface, pipelined: every product at once, the sum registered;\n// a call taken every cycle, done one cycle later.\n");
        rtl.Append(Ports(w, n, ow, "output reg "));
        rtl.AppendLine("    reg busy;");
        // Each product at its own width (2·width bits): in the sum's context Verilog would multiply at the sum's width.
        for (var i = 0; i < n; i++) rtl.AppendLine($"    wire signed [{2 * w - 1}:0] p_{i} = $signed(a_{i}) * $signed(b_{i});");
        rtl.AppendLine($"    wire signed [{ow - 1}:0] sum = {string.Join(" + ", Enumerable.Range(0, n).Select(i => $"p_{i}"))};");
        rtl.AppendLine("    assign ap_ready = ap_start;");
        rtl.AppendLine("    assign ap_done  = busy;");
        rtl.AppendLine("    assign ap_idle  = !ap_start && !busy;");
        rtl.AppendLine("    assign y_ap_vld = busy;");
        rtl.AppendLine("    always @(posedge ap_clk) begin");
        rtl.AppendLine("        if (ap_rst) busy <= 1'b0;");
        rtl.AppendLine("        else begin");
        rtl.AppendLine("            busy <= ap_start;");
        rtl.AppendLine("            if (ap_start) y <= sum;");
        rtl.AppendLine("        end");
        rtl.AppendLine("    end");
        rtl.AppendLine("endmodule");
        return rtl.ToString();
    }

    private static string Sequential(int w, int n, int ow)
    {
        var bits = (int)Math.Ceiling(Math.Log2(n + 2));
        var rtl = new StringBuilder($"// dot behind the ap_ctrl_hs interface, sequential: one multiplier, one element per cycle, done after {n}\n// cycles; ap_ready comes with ap_done, so a new call starts only when the last one is done.\n");
        rtl.Append(Ports(w, n, ow, "output wire"));
        rtl.AppendLine($"    reg signed [{w - 1}:0] ar [0:{n - 1}];");
        rtl.AppendLine($"    reg signed [{w - 1}:0] br [0:{n - 1}];");
        rtl.AppendLine($"    reg signed [{ow - 1}:0] acc;");
        rtl.AppendLine($"    reg [{bits - 1}:0] step;   // 0: idle; 1..{n}: element step-1; {n + 1}: done");
        rtl.AppendLine($"    wire signed [{2 * w - 1}:0] product = ar[step - 1] * br[step - 1];   // at its own width, not the sum's");
        rtl.AppendLine($"    assign ap_done  = step == {n + 1};");
        rtl.AppendLine($"    assign ap_ready = step == {n + 1};");
        rtl.AppendLine("    assign ap_idle  = step == 0 && !ap_start;");
        rtl.AppendLine("    assign y        = acc;");
        rtl.AppendLine($"    assign y_ap_vld = step == {n + 1};");
        rtl.AppendLine("    always @(posedge ap_clk) begin");
        rtl.AppendLine("        if (ap_rst) step <= 0;");
        rtl.AppendLine("        else if (step == 0) begin");
        rtl.AppendLine("            if (ap_start) begin");
        for (var i = 0; i < n; i++) rtl.AppendLine($"                ar[{i}] <= a_{i}; br[{i}] <= b_{i};");
        rtl.AppendLine("                acc <= 0; step <= 1;");
        rtl.AppendLine("            end");
        rtl.AppendLine($"        end else if (step <= {n}) begin");
        rtl.AppendLine("            acc <= acc + product;");
        rtl.AppendLine("            step <= step + 1;");
        rtl.AppendLine("        end else step <= 0;");
        rtl.AppendLine("    end");
        rtl.AppendLine("endmodule");
        return rtl.ToString();
    }
}
