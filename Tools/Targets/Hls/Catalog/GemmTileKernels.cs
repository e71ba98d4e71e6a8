using System.Text;

namespace HwForge.Tools.Targets.Hls.Catalog;

/// <summary>
/// An int8 GEMM tile that accumulates: C[2][2] += A[2][4] · B[4][2], 32-bit accumulators read and written (so its
/// RTL has Vitis's <c>C_k_i</c> / <c>C_k_o</c> split). Choices: a pipelined function or not, the inner product
/// loop unrolled or not, the arrays partitioned or not. Its RTL follows the pipeline choice: pipelined, the 16
/// products at once and the sums registered (latency 1, a call every cycle); not, one multiplier over 16 cycles.
/// </summary>
internal sealed class GemmTileKernels : IHlsKernelFamily
{
    private const int M = 2, K = 4, N = 2;

    public string Family => "gemm_tile";

    public string Summary => "int8 GEMM tile C[2][2] += A[2][4] x B[4][2] with 32-bit accumulators";

    public IReadOnlyList<string> Keywords { get; } = ["gemm", "matmul", "matrix multiply", "matrix-multiply", "tile"];

    public IReadOnlyList<HlsChoice> Choices { get; } =
    [
        new("pipeline", "PIPELINE II=1 on the function", ["on", "off"]),
        new("unroll", "UNROLL of the inner-product loop", ["full", "none"]),
        new("partition", "ARRAY_PARTITION of A, B and C", ["complete", "none"]),
    ];

    public HlsKernel Generate(IReadOnlyDictionary<string, string> given)
    {
        var choices = HlsChoices.Resolved(this, given);
        var k = new StringBuilder();
        k.AppendLine("#include \"ap_int.h\"");
        k.AppendLine($"#define TM {M}");
        k.AppendLine($"#define TK {K}");
        k.AppendLine($"#define TN {N}");
        k.AppendLine("typedef ap_int<8> in_t;");
        k.AppendLine("typedef ap_int<32> acc_t;");
        k.AppendLine();
        k.AppendLine("void gemm_tile(const in_t A[TM][TK], const in_t B[TK][TN], acc_t C[TM][TN]) {");
        if (choices["pipeline"] == "on") k.AppendLine("#pragma HLS PIPELINE II=1");
        if (choices["partition"] == "complete")
        {
            k.AppendLine("#pragma HLS ARRAY_PARTITION variable=A complete dim=0");
            k.AppendLine("#pragma HLS ARRAY_PARTITION variable=B complete dim=0");
            k.AppendLine("#pragma HLS ARRAY_PARTITION variable=C complete dim=0");
        }
        k.AppendLine("ROWS:");
        k.AppendLine("    for (int i = 0; i < TM; i++) {");
        k.AppendLine("    COLS:");
        k.AppendLine("        for (int j = 0; j < TN; j++) {");
        k.AppendLine("            acc_t sum = C[i][j];");
        k.AppendLine("        DOT:");
        k.AppendLine("            for (int p = 0; p < TK; p++) {");
        if (choices["unroll"] == "full") k.AppendLine("#pragma HLS UNROLL");
        k.AppendLine("                sum += A[i][p] * B[p][j];");
        k.AppendLine("            }");
        k.AppendLine("            C[i][j] = sum;");
        k.AppendLine("        }");
        k.AppendLine("    }");
        k.AppendLine("}");

        var reference = $$"""
            // int8 GEMM tile, accumulating into C: the plain reference.
            #include "ap_int.h"
            void gemm_tile_ref(const ap_int<8> A[{{M}}][{{K}}], const ap_int<8> B[{{K}}][{{N}}], ap_int<32> C[{{M}}][{{N}}]) {
                for (int i = 0; i < {{M}}; i++)
                    for (int j = 0; j < {{N}}; j++) {
                        long long s = C[i][j].to_int64();
                        for (int p = 0; p < {{K}}; p++) s += A[i][p].to_int() * B[p][j].to_int();
                        C[i][j] = s;
                    }
            }
            """;
        return new HlsKernel(Family, "gemm_tile", Summary, choices, k.ToString(), reference + "\n", "gemm_tile_ref",
            choices["pipeline"] == "on" ? Pipelined() : Sequential());
    }

    private static string Ports(bool registered)
    {
        var rtl = new StringBuilder("module gemm_tile (\n");
        rtl.AppendLine("    input  wire ap_clk, input wire ap_rst, input wire ap_start,");
        rtl.AppendLine("    output wire ap_done, output wire ap_idle, output wire ap_ready,");
        var ports = new List<string>();
        for (var e = 0; e < M * K; e++) ports.Add($"    input  wire [7:0] A_{e}");
        for (var e = 0; e < K * N; e++) ports.Add($"    input  wire [7:0] B_{e}");
        for (var e = 0; e < M * N; e++)
        {
            ports.Add($"    input  wire [31:0] C_{e}_i");
            ports.Add($"    output {(registered ? "reg " : "wire")} [31:0] C_{e}_o");
            ports.Add($"    output wire C_{e}_o_ap_vld");
        }
        rtl.AppendLine(string.Join(",\n", ports));
        rtl.AppendLine(");");
        return rtl.ToString();
    }

    /// <summary>Every product at once, the sums registered: a call taken every cycle, done one cycle later.</summary>
    private static string Pipelined()
    {
        var rtl = new StringBuilder();
        rtl.AppendLine("// gemm_tile behind the ap_ctrl_hs interface: arrays as one port per element (row-major), C read (C_k_i)");
        rtl.AppendLine("// and written (C_k_o, C_k_o_ap_vld); pipelined: the 16 products at once, the sums registered, so a call");
        rtl.AppendLine("// is taken every cycle and done one cycle later.");
        rtl.Append(Ports(registered: true));
        rtl.AppendLine("    reg busy;");
        rtl.AppendLine("    assign ap_done = busy;");
        rtl.AppendLine("    assign ap_ready = ap_start;");
        rtl.AppendLine("    assign ap_idle = !ap_start && !busy;");
        for (var e = 0; e < M * N; e++) rtl.AppendLine($"    assign C_{e}_o_ap_vld = busy;");
        rtl.AppendLine("    always @(posedge ap_clk) begin");
        rtl.AppendLine("        if (ap_rst) busy <= 1'b0;");
        rtl.AppendLine("        else begin");
        rtl.AppendLine("            busy <= ap_start;");
        rtl.AppendLine("            if (ap_start) begin");
        for (var i = 0; i < M; i++)
            for (var j = 0; j < N; j++)
            {
                var e = i * N + j;
                var terms = string.Join(" + ", Enumerable.Range(0, K).Select(p => $"$signed(A_{i * K + p}) * $signed(B_{p * N + j})"));
                rtl.AppendLine($"                C_{e}_o <= $signed(C_{e}_i) + {terms};");
            }
        rtl.AppendLine("            end");
        rtl.AppendLine("        end");
        rtl.AppendLine("    end");
        rtl.AppendLine("endmodule");
        return rtl.ToString();
    }

    /// <summary>One multiplier over the 16 products, one per cycle: done after 16 cycles, a new call when one is done.</summary>
    private static string Sequential()
    {
        var rtl = new StringBuilder();
        rtl.AppendLine("// gemm_tile behind the ap_ctrl_hs interface, sequential: A, B and C taken at the start, then one multiply-");
        rtl.AppendLine($"// accumulate per cycle over the {M * N * K} products (element t/{K}, term t%{K}); ap_ready comes with ap_done.");
        rtl.Append(Ports(registered: false));
        rtl.AppendLine($"    reg signed [7:0] a [0:{M * K - 1}];");
        rtl.AppendLine($"    reg signed [7:0] b [0:{K * N - 1}];");
        rtl.AppendLine($"    reg signed [31:0] c [0:{M * N - 1}];");
        rtl.AppendLine($"    reg [4:0] step;                 // 0: idle; 1..{M * N * K}: product step-1; {M * N * K + 1}: done");
        rtl.AppendLine("    wire [3:0] t = step - 1;");
        rtl.AppendLine("    wire [1:0] e = t[3:2];          // the element C[i][j], i = e[1], j = e[0]");
        rtl.AppendLine("    wire [2:0] ai = {e[1], t[1:0]}; // A[i][p]");
        rtl.AppendLine("    wire [2:0] bi = {t[1:0], e[0]}; // B[p][j]");
        rtl.AppendLine($"    assign ap_done = step == {M * N * K + 1};");
        rtl.AppendLine($"    assign ap_ready = step == {M * N * K + 1};");
        rtl.AppendLine("    assign ap_idle = step == 0 && !ap_start;");
        for (var e = 0; e < M * N; e++)
        {
            rtl.AppendLine($"    assign C_{e}_o = c[{e}];");
            rtl.AppendLine($"    assign C_{e}_o_ap_vld = step == {M * N * K + 1};");
        }
        rtl.AppendLine("    always @(posedge ap_clk) begin");
        rtl.AppendLine("        if (ap_rst) step <= 0;");
        rtl.AppendLine("        else if (step == 0) begin");
        rtl.AppendLine("            if (ap_start) begin");
        for (var x = 0; x < M * K; x++) rtl.AppendLine($"                a[{x}] <= A_{x};");
        for (var x = 0; x < K * N; x++) rtl.AppendLine($"                b[{x}] <= B_{x};");
        for (var x = 0; x < M * N; x++) rtl.AppendLine($"                c[{x}] <= C_{x}_i;");
        rtl.AppendLine("                step <= 1;");
        rtl.AppendLine("            end");
        rtl.AppendLine($"        end else if (step <= {M * N * K}) begin");
        rtl.AppendLine("            c[e] <= c[e] + a[ai] * b[bi];");
        rtl.AppendLine("            step <= step + 1;");
        rtl.AppendLine("        end else step <= 0;");
        rtl.AppendLine("    end");
        rtl.AppendLine("endmodule");
        return rtl.ToString();
    }
}
