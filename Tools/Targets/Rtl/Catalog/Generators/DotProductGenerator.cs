using System.Text;

namespace HwForge.Tools.Targets.Rtl.Catalog.Generators;

/// <summary>
/// Dot product of two N-lane vectors on flat buses (lane i is bits [i*width +: width]): N multipliers and a
/// balanced adder tree or a linear chain, with 0 to 2 register stages.
/// </summary>
internal sealed class DotProductGenerator : KernelGenerator
{
    public override string Family => "dot_product";

    public override string Summary => "dot product of two vectors of N lanes, full-precision sum";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        ParameterSpec.Integer("lanes", "vector length N (parallel multipliers)", ParameterRole.Function, 4, 2, 16, 2, 4, 8),
        Specs.Width(8, 2, 16, "element width in bits", 8, 16),
        Specs.Signed(true),
        ParameterSpec.Choice("reduction", "how the products are summed: a balanced adder tree or a linear chain", ParameterRole.Architecture, "tree", "tree", "chain"),
        Specs.Pipeline(0, "register stages: 0 combinational, 1 registered sum, 2 registered products and sum"),
    ];

    protected override GeneratedDesign Build(KernelParameters p)
    {
        var (lanes, width, signed, reduction, pipeline) = (p.Int("lanes"), p.Int("width"), p.Bool("signed"), p.Text("reduction"), p.Int("pipeline"));
        var product = 2 * width;
        var outWidth = product + Verilog.Log2Ceiling(lanes);
        var top = $"dot{lanes}_{(signed ? "s" : "u")}{width}_{reduction}";
        var ports = Verilog.Ports([.. Verilog.ClockPorts(pipeline > 0),
            $"input  wire [{lanes * width - 1}:0] a", $"input  wire [{lanes * width - 1}:0] b", $"output {(pipeline > 0 ? "reg " : "wire")} [{outWidth - 1}:0] y"]);
        var what = $"dot product of two {lanes}-lane {(signed ? "signed" : "unsigned")} {width}-bit vectors, y = sum a[i] * b[i] ({outWidth} bits), {reduction} reduction";
        var note = "Lane i of a and b is bits [i*" + width + " +: " + width + "]. " + pipeline switch
        {
            0 => "Combinational: no clock.",
            1 => "Latency 1: the sum is registered.",
            _ => "Latency 2: the products and the sum are registered.",
        };

        var design = new StringBuilder(Verilog.Header(what, p, note));
        design.Append($"module {top} {ports}");
        design.Append($"    // one multiplier a lane, widened to the sum's {outWidth} bits\n    wire [{lanes * outWidth - 1}:0] prods;\n");
        design.Append("    genvar i;\n    generate\n");
        design.Append($"        for (i = 0; i < {lanes}; i = i + 1) begin : lane\n");
        design.Append($"            wire [{product - 1}:0] m = {Arith.Multiply($"a[i * {width} +: {width}]", $"b[i * {width} +: {width}]", signed)};\n");
        design.Append($"            assign prods[i * {outWidth} +: {outWidth}] = {Arith.Extend("m", product, outWidth, signed)};\n");
        design.Append("        end\n    endgenerate\n");
        var terms = "prods";
        if (pipeline == 2)
        {
            design.Append(Verilog.Registers([("prods_q", lanes * outWidth, "prods")]));
            terms = "prods_q";
        }
        var operands = Enumerable.Range(0, lanes).Select(i => $"{terms}[{(i + 1) * outWidth - 1}:{i * outWidth}]").ToList();
        design.Append(reduction == "tree" ? Tree(operands, outWidth, "t") : Chain(operands, outWidth));
        design.Append(Verilog.DelayLine("total", "y", outWidth, Math.Min(pipeline, 1), "y_q"));
        design.Append("endmodule\n");

        var reference = new StringBuilder(Verilog.Header($"behavioural reference for {top}: {what}", p, note));
        reference.Append($"module {top}_ref {ports}");
        reference.Append($"    reg {(signed ? "signed " : "")}[{outWidth - 1}:0] s;\n    integer i;\n    always @(*) begin\n        s = 0;\n");
        reference.Append($"        for (i = 0; i < {lanes}; i = i + 1)\n");
        reference.Append(signed
            ? $"            s = s + $signed(a[i * {width} +: {width}]) * $signed(b[i * {width} +: {width}]);\n"
            : $"            s = s + a[i * {width} +: {width}] * b[i * {width} +: {width}];\n");
        reference.Append("    end\n");
        reference.Append(Verilog.DelayLine("s", "y", outWidth, pipeline, "y_d"));
        reference.Append("endmodule\n");

        return new GeneratedDesign(Family, p, top, design.ToString(), $"{top}_ref", reference.ToString(),
            pipeline > 0 ? "clk" : null, pipeline > 0 ? "rst" : null, false, pipeline, what);
    }

    /// <summary>A balanced adder tree over the operands, level by level, into <c>total</c>.</summary>
    internal static string Tree(IReadOnlyList<string> operands, int width, string prefix)
    {
        var text = new StringBuilder($"    // balanced adder tree: {Verilog.Log2Ceiling(operands.Count)} level(s)\n");
        var level = operands.ToList();
        for (var depth = 1; level.Count > 1; depth++)
        {
            var next = new List<string>();
            for (var k = 0; k + 1 < level.Count; k += 2)
            {
                var name = $"{prefix}{depth}_{k / 2}";
                text.Append($"    wire [{width - 1}:0] {name} = {level[k]} + {level[k + 1]};\n");
                next.Add(name);
            }
            if (level.Count % 2 == 1) next.Add(level[^1]);
            level = next;
        }
        text.Append($"    wire [{width - 1}:0] total = {level[0]};\n");
        return text.ToString();
    }

    private static string Chain(IReadOnlyList<string> operands, int width)
    {
        var text = new StringBuilder($"    // linear chain: each partial sum adds one more product\n    wire [{width - 1}:0] chain0 = {operands[0]};\n");
        for (var k = 1; k < operands.Count; k++) text.Append($"    wire [{width - 1}:0] chain{k} = chain{k - 1} + {operands[k]};\n");
        text.Append($"    wire [{width - 1}:0] total = chain{operands.Count - 1};\n");
        return text.ToString();
    }
}
