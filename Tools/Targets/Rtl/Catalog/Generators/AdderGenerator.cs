using System.Text;

namespace HwForge.Tools.Targets.Rtl.Catalog.Generators;

/// <summary>
/// Two-operand adders: ripple carry, 4-bit carry-lookahead blocks, and the Kogge-Stone and Brent-Kung
/// parallel-prefix trees, each written out gate by gate with generate loops.
/// </summary>
internal sealed class AdderGenerator : KernelGenerator
{
    public override string Family => "adder";

    public override string Summary => "two-operand adder, sum one bit wider than the operands: ripple, carry-lookahead, Kogge-Stone or Brent-Kung";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        Specs.Width(16, 2, 128, "operand width in bits (the sum has one bit more)", 8, 16, 32, 64),
        Specs.Signed(false),
        ParameterSpec.Choice("architecture", "how the carries are computed", ParameterRole.Architecture, "kogge_stone",
            "ripple", "carry_lookahead", "kogge_stone", "brent_kung"),
        Specs.Pipeline(0, "register stages: 0 combinational, 1 registered sum, 2 registered operands and sum"),
    ];

    protected override GeneratedDesign Build(KernelParameters p)
    {
        var (width, signed, architecture, pipeline) = (p.Int("width"), p.Bool("signed"), p.Text("architecture"), p.Int("pipeline"));
        var top = $"adder_{architecture}_{(signed ? "s" : "u")}{width}";
        var ports = Verilog.Ports([.. Verilog.ClockPorts(pipeline > 0),
            $"input  wire {Verilog.Range(width)}a", $"input  wire {Verilog.Range(width)}b", $"output {(pipeline > 0 ? "reg " : "wire")} [{width}:0] sum"]);
        var what = $"{width}-bit {(signed ? "signed" : "unsigned")} {architecture.Replace('_', ' ')} adder, sum = a + b ({width + 1} bits)";

        var design = new StringBuilder(Verilog.Header(what, p, PipelineNote(pipeline)));
        design.Append($"module {top} {ports}");
        design.Append(pipeline == 2 ? RegisteredOperands(width) : "    wire [" + (width - 1) + ":0] x = a;\n    wire [" + (width - 1) + ":0] y = b;\n");
        design.Append($"    // g: generate, p: propagate; c[i] is the carry into bit i\n    wire [{width - 1}:0] g = x & y;\n    wire [{width - 1}:0] p = x ^ y;\n    wire [{width}:0] c;\n    assign c[0] = 1'b0;\n");
        design.Append(architecture switch
        {
            "ripple" => Ripple(width),
            "carry_lookahead" => CarryLookahead(width),
            "kogge_stone" => KoggeStone(width),
            _ => BrentKung(width),
        });
        var top1 = signed ? $"p[{width - 1}] ^ c[{width}]" : $"c[{width}]";
        design.Append($"    // {(signed ? "the sign of the sign-extended sum" : "the carry out")} is the top bit\n");
        design.Append($"    wire [{width}:0] s = {{{top1}, p ^ c[{width - 1}:0]}};\n");
        design.Append(Verilog.DelayLine("s", "sum", width + 1, Math.Min(pipeline, 1), "sum_q"));
        design.Append("endmodule\n");

        var reference = new StringBuilder(Verilog.Header($"behavioural reference for {top}: {what}", p));
        reference.Append($"module {top}_ref {ports}");
        reference.Append(signed
            ? $"    wire signed [{width}:0] s = $signed(a) + $signed(b);\n"
            : $"    wire [{width}:0] s = a + b;\n");
        reference.Append(Verilog.DelayLine("s", "sum", width + 1, pipeline, "sum_d"));
        reference.Append("endmodule\n");

        return new GeneratedDesign(Family, p, top, design.ToString(), $"{top}_ref", reference.ToString(),
            pipeline > 0 ? "clk" : null, pipeline > 0 ? "rst" : null, false, pipeline, what);
    }

    internal static string PipelineNote(int pipeline) => pipeline switch
    {
        0 => "Combinational: no clock.",
        1 => "Latency 1: the result is registered (clk, synchronous active-high rst).",
        _ => "Latency 2: operands and result are registered (clk, synchronous active-high rst).",
    };

    internal static string RegisteredOperands(int width) => Verilog.Registers([("x", width, "a"), ("y", width, "b")]);

    private static string Ripple(int width) =>
        "    // ripple carry: each bit's carry waits for the one below\n" +
        "    genvar i;\n    generate\n" +
        $"        for (i = 0; i < {width}; i = i + 1) begin : bit_carry\n" +
        "            assign c[i + 1] = g[i] | (p[i] & c[i]);\n" +
        "        end\n    endgenerate\n";

    private static string CarryLookahead(int width)
    {
        var blocks = (width + 3) / 4;
        var padded = blocks * 4;
        return
            "    // 4-bit carry-lookahead blocks: each block's internal carries come from its inputs in two\n" +
            "    // gate levels; the block carry-out goes to the next block through the block's G and P\n" +
            $"    wire [{padded - 1}:0] gx = {(padded == width ? "g" : $"{{{padded - width}'d0, g}}")};\n" +
            $"    wire [{padded - 1}:0] px = {(padded == width ? "p" : $"{{{padded - width}'d0, p}}")};\n" +
            $"    wire [{padded}:0] cx;\n    wire [{blocks}:0] block_c;\n    assign block_c[0] = 1'b0;\n" +
            "    genvar k;\n    generate\n" +
            $"        for (k = 0; k < {blocks}; k = k + 1) begin : block\n" +
            "            wire [3:0] bg = gx[4 * k + 3 : 4 * k];\n" +
            "            wire [3:0] bp = px[4 * k + 3 : 4 * k];\n" +
            "            wire       ci = block_c[k];\n" +
            "            assign cx[4 * k]     = ci;\n" +
            "            assign cx[4 * k + 1] = bg[0] | (bp[0] & ci);\n" +
            "            assign cx[4 * k + 2] = bg[1] | (bp[1] & bg[0]) | (bp[1] & bp[0] & ci);\n" +
            "            assign cx[4 * k + 3] = bg[2] | (bp[2] & bg[1]) | (bp[2] & bp[1] & bg[0]) | (bp[2] & bp[1] & bp[0] & ci);\n" +
            "            // block generate and propagate\n" +
            "            wire G = bg[3] | (bp[3] & bg[2]) | (bp[3] & bp[2] & bg[1]) | (bp[3] & bp[2] & bp[1] & bg[0]);\n" +
            "            wire P = &bp;\n" +
            "            assign block_c[k + 1] = G | (P & ci);\n" +
            "        end\n    endgenerate\n" +
            $"    assign cx[{padded}] = block_c[{blocks}];\n" +
            $"    assign c[{width}:1] = cx[{width}:1];\n";
    }

    private static string KoggeStone(int width)
    {
        var levels = Verilog.Log2Ceiling(width);
        return
            $"    // Kogge-Stone prefix tree: {levels} levels; at level l every bit i >= 2^l combines with bit i - 2^l.\n" +
            $"    // gn/pn[l*{width} + i] is node i of level l; after the last level gn[i] is the carry out of bit i.\n" +
            $"    localparam W = {width};\n    localparam LEVELS = {levels};\n" +
            NodeArrays("LEVELS") +
            "    genvar l, i;\n    generate\n" +
            Leaves() +
            "        for (l = 0; l < LEVELS; l = l + 1) begin : level\n" +
            "            for (i = 0; i < W; i = i + 1) begin : node\n" +
            "                if (i >= (1 << l)) begin : combine\n" +
            "                    assign gn[(l + 1) * W + i] = gn[l * W + i] | (pn[l * W + i] & gn[l * W + i - (1 << l)]);\n" +
            "                    assign pn[(l + 1) * W + i] = pn[l * W + i] & pn[l * W + i - (1 << l)];\n" +
            "                end else begin : pass\n" +
            "                    assign gn[(l + 1) * W + i] = gn[l * W + i];\n" +
            "                    assign pn[(l + 1) * W + i] = pn[l * W + i];\n" +
            "                end\n            end\n        end\n" +
            Carries("LEVELS") +
            "    endgenerate\n";
    }

    private static string BrentKung(int width)
    {
        var levels = Verilog.Log2Ceiling(width);
        var stages = Math.Max(1, 2 * levels - 1);
        return
            $"    // Brent-Kung prefix tree: an up-sweep of {levels} levels builds the carries of bits 2^k - 1,\n" +
            "    // a down-sweep fills in the rest; fewer nodes than Kogge-Stone, about twice the depth.\n" +
            $"    // gn/pn[st*{width} + i] is node i after stage st; after the last stage gn[i] is the carry out of bit i.\n" +
            $"    localparam W = {width};\n    localparam LEVELS = {levels};\n    localparam STAGES = {stages};\n" +
            NodeArrays("STAGES") +
            "    genvar st, i;\n    generate\n" +
            Leaves() +
            "        for (st = 0; st < STAGES; st = st + 1) begin : stage\n" +
            "            // up-sweep stage st works at distance 2^st; down-sweep stage st at 2^(2*LEVELS - 2 - st)\n" +
            "            localparam UP = (st < LEVELS);\n" +
            "            localparam D = UP ? (1 << st) : (1 << (2 * LEVELS - 2 - st));\n" +
            "            for (i = 0; i < W; i = i + 1) begin : node\n" +
            "                if (UP ? ((i + 1) % (2 * D) == 0) : ((i + 1) % (2 * D) == D && i + 1 > 2 * D)) begin : combine\n" +
            "                    assign gn[(st + 1) * W + i] = gn[st * W + i] | (pn[st * W + i] & gn[st * W + i - D]);\n" +
            "                    assign pn[(st + 1) * W + i] = pn[st * W + i] & pn[st * W + i - D];\n" +
            "                end else begin : pass\n" +
            "                    assign gn[(st + 1) * W + i] = gn[st * W + i];\n" +
            "                    assign pn[(st + 1) * W + i] = pn[st * W + i];\n" +
            "                end\n            end\n        end\n" +
            Carries("STAGES") +
            "    endgenerate\n";
    }

    /// <summary>
    /// The prefix tree's nodes as arrays of one-bit nets, not as one wide vector: Icarus wakes every
    /// reader of a vector when any of its bits changes, so a 192-bit vector driven bit by bit made the
    /// 32-bit Kogge-Stone adder take ~24 s for 1000 vectors. Synthesis sees the same gates either way.
    /// </summary>
    private static string NodeArrays(string rows) =>
        "    // one net a node (an array, not a vector), so a change wakes only that node's readers\n" +
        $"    wire gn [0:({rows} + 1) * W - 1];\n    wire pn [0:({rows} + 1) * W - 1];\n";

    private static string Leaves() =>
        "        for (i = 0; i < W; i = i + 1) begin : leaf\n" +
        "            assign gn[i] = g[i];\n" +
        "            assign pn[i] = p[i];\n" +
        "        end\n";

    private static string Carries(string rows) =>
        "        for (i = 0; i < W; i = i + 1) begin : carry\n" +
        $"            assign c[i + 1] = gn[{rows} * W + i];\n" +
        "        end\n";
}
