using System.Text;

namespace HwForge.Tools.Targets.Rtl.Catalog.Generators;

/// <summary>
/// Multiply-accumulate: acc += a * b when in_valid, restarted by clear, with 0 to 2 pipeline stages before
/// the accumulator and a choice of multiplier (the synthesis tool's own, or one of the catalog's).
/// </summary>
internal sealed class MacGenerator : KernelGenerator
{
    public override string Family => "mac";

    public override string Summary => "multiply-accumulate with valid and clear, accumulator wider than the product";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        Specs.Width(16, 2, 32, "operand width in bits", 8, 16),
        Specs.Signed(true),
        ParameterSpec.Integer("guard_bits", "accumulator bits beyond the product (accumulator = 2*width + guard_bits)", ParameterRole.Function, 8, 0, 32, 4, 8),
        Specs.Pipeline(1, "stages before the accumulator: 0 none, 1 product register, 2 operand and product registers (latency = pipeline + 1)"),
        ParameterSpec.Choice("multiplier", "the multiplier inside: the synthesis tool's own (operator) or one of the catalog's", ParameterRole.Architecture, "operator", ["operator", .. Specs.MultiplierArchitectures]),
    ];

    protected override GeneratedDesign Build(KernelParameters p)
    {
        var (width, signed, guard, pipeline, multiplier) = (p.Int("width"), p.Bool("signed"), p.Int("guard_bits"), p.Int("pipeline"), p.Text("multiplier"));
        var product = 2 * width;
        var accWidth = product + guard;
        var top = $"mac_{(signed ? "s" : "u")}{width}_p{pipeline}_{multiplier}";
        var ports = Verilog.Ports([.. Verilog.ClockPorts(true), "input  wire in_valid", "input  wire clear",
            $"input  wire [{width - 1}:0] a", $"input  wire [{width - 1}:0] b", $"output reg  [{accWidth - 1}:0] acc", "output reg  out_valid"]);
        var what = $"{width}-bit {(signed ? "signed" : "unsigned")} multiply-accumulate, {accWidth}-bit accumulator, {pipeline} pipeline stage(s) before it";
        var notes = new[]
        {
            $"Latency {pipeline + 1}: a product reaches acc {pipeline + 1} cycle(s) after its operands; out_valid follows in_valid.",
            "clear restarts the accumulation with the product arriving with it (0 when that product is not valid).",
        };

        var design = new StringBuilder(Verilog.Header(what, p, notes));
        design.Append($"module {top} {ports}");
        var (x, y, v, c) = ("a", "b", "in_valid", "clear");
        if (pipeline == 2)
        {
            design.Append("    // stage 1: operand registers\n");
            design.Append(Verilog.Registers([("a1", width, "a"), ("b1", width, "b"), ("v1", 1, "in_valid"), ("c1", 1, "clear")]));
            (x, y, v, c) = ("a1", "b1", "v1", "c1");
        }
        design.Append($"    wire [{product - 1}:0] m;\n");
        design.Append(multiplier == "operator"
            ? $"    assign m = {Arith.Multiply(x, y, signed)};\n"
            : $"    {top}_mul mul (.x({x}), .y({y}), .p(m));\n");
        var (pq, vq, cq) = ("m", v, c);
        if (pipeline >= 1)
        {
            design.Append("    // product register\n");
            design.Append(Verilog.Registers([("pr", product, "m"), ("vr", 1, v), ("cr", 1, c)]));
            (pq, vq, cq) = ("pr", "vr", "cr");
        }
        design.Append($"    wire [{accWidth - 1}:0] px = {Arith.Extend(pq, product, accWidth, signed)};\n");
        design.Append("    // accumulator\n    always @(posedge clk) begin\n        if (rst) begin\n");
        design.Append($"            acc <= {accWidth}'d0;\n            out_valid <= 1'b0;\n        end else begin\n");
        design.Append($"            if ({cq})      acc <= {vq} ? px : {accWidth}'d0;\n            else if ({vq}) acc <= acc + px;\n            out_valid <= {vq};\n");
        design.Append("        end\n    end\nendmodule\n");
        if (multiplier != "operator") design.Append('\n').Append(MultiplierGenerator.Core($"{top}_mul", width, signed, multiplier));

        var reference = new StringBuilder(Verilog.Header($"behavioural reference for {top}: {what}", p, notes));
        reference.Append($"module {top}_ref {ports}");
        reference.Append(signed
            ? $"    wire signed [{accWidth - 1}:0] prod = $signed(a) * $signed(b);\n"
            : $"    wire [{accWidth - 1}:0] prod = a * b;\n");
        // The same pipeline, as plain delay registers on the product, valid and clear.
        var (prodCode, prodD) = Verilog.Delayed("prod", accWidth, pipeline, "prod_d");
        var (validCode, validD) = Verilog.Delayed("in_valid", 1, pipeline, "valid_d");
        var (clearCode, clearD) = Verilog.Delayed("clear", 1, pipeline, "clear_d");
        reference.Append(prodCode).Append(validCode).Append(clearCode);
        reference.Append("    always @(posedge clk) begin\n");
        reference.Append($"        acc       <= rst ? {accWidth}'d0 : ({clearD} ? {accWidth}'d0 : acc) + ({validD} ? {prodD} : {accWidth}'d0);\n");
        reference.Append($"        out_valid <= rst ? 1'b0 : {validD};\n    end\nendmodule\n");

        return new GeneratedDesign(Family, p, top, design.ToString(), $"{top}_ref", reference.ToString(), "clk", "rst", false, pipeline + 1, what);
    }
}
