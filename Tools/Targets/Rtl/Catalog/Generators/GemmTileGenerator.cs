using System.Text;

namespace HwForge.Tools.Targets.Rtl.Catalog.Generators;

/// <summary>
/// Output-stationary systolic GEMM tile: a rows x cols grid of processing elements; A values enter on the
/// left and move right one cell a cycle, B values enter on top and move down, and cell (i, j) accumulates
/// their products. Feeding row i of A and column j of B skewed by i and j cycles computes C = A x B.
/// </summary>
internal sealed class GemmTileGenerator : KernelGenerator
{
    public override string Family => "gemm_tile";

    public override string Summary => "output-stationary systolic GEMM tile: rows x cols MAC cells, int8 operands, wider accumulators";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        ParameterSpec.Integer("rows", "rows of the tile (A enters on the left, one row a port lane)", ParameterRole.Function, 4, 1, 8, 2, 4, 8),
        ParameterSpec.Integer("cols", "columns of the tile (B enters on top)", ParameterRole.Function, 4, 1, 8, 2, 4, 8),
        Specs.Width(8, 2, 16, "operand width in bits", 8),
        Specs.Signed(true),
        ParameterSpec.Integer("acc_width", "accumulator width in bits, at least 2*width", ParameterRole.Function, 32, 4, 64, 24, 32),
        ParameterSpec.Choice("multiplier", "the multiplier in each cell: the synthesis tool's own (operator) or one of the catalog's", ParameterRole.Architecture, "operator", ["operator", .. Specs.MultiplierArchitectures]),
    ];

    protected override void Validate(KernelParameters p)
    {
        var (width, accWidth) = (p.Int("width"), p.Int("acc_width"));
        if (accWidth < 2 * width)
            throw Invalid("acc_width", accWidth.ToString(), $"at least 2*width = {2 * width} (the product's width) and at most {Spec("acc_width").Max}");
    }

    protected override GeneratedDesign Build(KernelParameters p)
    {
        var (rows, cols, width, signed, accWidth, multiplier) = (p.Int("rows"), p.Int("cols"), p.Int("width"), p.Bool("signed"), p.Int("acc_width"), p.Text("multiplier"));
        var product = 2 * width;
        var top = $"gemm{rows}x{cols}_{(signed ? "s" : "u")}{width}_acc{accWidth}_{multiplier}";
        var ports = Verilog.Ports([.. Verilog.ClockPorts(true), "input  wire clear",
            $"input  wire [{rows * width - 1}:0] a", $"input  wire [{cols * width - 1}:0] b", $"output wire [{rows * cols * accWidth - 1}:0] c"]);
        var what = $"{rows}x{cols} output-stationary systolic GEMM tile, {(signed ? "signed" : "unsigned")} {width}-bit operands, {accWidth}-bit accumulators";
        var notes = new[]
        {
            $"a[i*{width} +: {width}] enters row i, b[j*{width} +: {width}] enters column j; c[(i*{cols}+j)*{accWidth} +: {accWidth}] is cell (i, j).",
            "Cell (i, j) sees a_i delayed j cycles and b_j delayed i cycles and adds their product each cycle;",
            "clear restarts every accumulator with the current product. Feed A's row i and B's column j skewed by i and j cycles.",
        };
        string Ext(string e) => Arith.Extend(e, product, accWidth, signed);

        var design = new StringBuilder(Verilog.Header(what, p, notes));
        design.Append($"module {top} {ports}");
        design.Append($"    // ah: A moving right, cell (i, j) reads ah[(i*{cols + 1}+j)]; bv: B moving down, cell (i, j) reads bv[(j*{rows + 1}+i)]\n");
        design.Append($"    wire [{rows * (cols + 1) * width - 1}:0] ah;\n    wire [{cols * (rows + 1) * width - 1}:0] bv;\n");
        design.Append("    genvar i, j;\n    generate\n");
        design.Append($"        for (i = 0; i < {rows}; i = i + 1) begin : row_in\n            assign ah[(i * {cols + 1}) * {width} +: {width}] = a[i * {width} +: {width}];\n        end\n");
        design.Append($"        for (j = 0; j < {cols}; j = j + 1) begin : col_in\n            assign bv[(j * {rows + 1}) * {width} +: {width}] = b[j * {width} +: {width}];\n        end\n");
        design.Append($"        for (i = 0; i < {rows}; i = i + 1) begin : row\n            for (j = 0; j < {cols}; j = j + 1) begin : col\n");
        design.Append($"                {top}_pe pe (.clk(clk), .rst(rst), .clear(clear),\n");
        design.Append($"                    .a_in(ah[(i * {cols + 1} + j) * {width} +: {width}]), .a_out(ah[(i * {cols + 1} + j + 1) * {width} +: {width}]),\n");
        design.Append($"                    .b_in(bv[(j * {rows + 1} + i) * {width} +: {width}]), .b_out(bv[(j * {rows + 1} + i + 1) * {width} +: {width}]),\n");
        design.Append($"                    .acc(c[(i * {cols} + j) * {accWidth} +: {accWidth}]));\n");
        design.Append("            end\n        end\n    endgenerate\nendmodule\n\n");
        design.Append($"// one processing element: forwards a and b through a register each, accumulates a * b\nmodule {top}_pe (\n");
        design.Append($"    input  wire clk,\n    input  wire rst,\n    input  wire clear,\n    input  wire [{width - 1}:0] a_in,\n    input  wire [{width - 1}:0] b_in,\n");
        design.Append($"    output reg  [{width - 1}:0] a_out,\n    output reg  [{width - 1}:0] b_out,\n    output reg  [{accWidth - 1}:0] acc\n);\n");
        design.Append($"    wire [{product - 1}:0] m;\n");
        design.Append(multiplier == "operator" ? $"    assign m = {Arith.Multiply("a_in", "b_in", signed)};\n" : $"    {top}_mul mul (.x(a_in), .y(b_in), .p(m));\n");
        design.Append("    always @(posedge clk) begin\n        if (rst) begin\n");
        design.Append($"            a_out <= {width}'d0;\n            b_out <= {width}'d0;\n            acc   <= {accWidth}'d0;\n        end else begin\n");
        design.Append($"            a_out <= a_in;\n            b_out <= b_in;\n            acc   <= (clear ? {accWidth}'d0 : acc) + {Ext("m")};\n        end\n    end\nendmodule\n");
        if (multiplier != "operator") design.Append('\n').Append(MultiplierGenerator.Core($"{top}_mul", width, signed, multiplier));

        var reference = new StringBuilder(Verilog.Header($"behavioural reference for {top}: {what}", p, notes));
        reference.Append($"module {top}_ref {ports}");
        reference.Append("    // explicit delay lines: a_i as seen by column j, b_j as seen by row i\n");
        string A(int i, int j) => j == 0 ? $"a[{i * width} +: {width}]" : $"a{i}_d{j}";
        string B(int i, int j) => i == 0 ? $"b[{j * width} +: {width}]" : $"b{j}_d{i}";
        var delays = new List<(string Name, string From)>();
        for (var i = 0; i < rows; i++)
            for (var j = 1; j < cols; j++) delays.Add((A(i, j), A(i, j - 1)));
        for (var j = 0; j < cols; j++)
            for (var i = 1; i < rows; i++) delays.Add((B(i, j), B(i - 1, j)));
        foreach (var (name, _) in delays) reference.Append($"    reg [{width - 1}:0] {name};\n");
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < cols; j++) reference.Append($"    reg [{accWidth - 1}:0] c{i}_{j};\n    assign c[{(i * cols + j) * accWidth} +: {accWidth}] = c{i}_{j};\n");
        reference.Append("    always @(posedge clk) begin\n");
        foreach (var (name, from) in delays) reference.Append($"        {name} <= rst ? {width}'d0 : {from};\n");
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < cols; j++)
                reference.Append(signed
                    ? $"        c{i}_{j} <= rst ? {accWidth}'sd0 : (clear ? 0 : $signed(c{i}_{j})) + $signed({A(i, j)}) * $signed({B(i, j)});\n"
                    : $"        c{i}_{j} <= rst ? {accWidth}'d0 : (clear ? 0 : c{i}_{j}) + {A(i, j)} * {B(i, j)};\n");
        reference.Append("    end\nendmodule\n");

        return new GeneratedDesign(Family, p, top, design.ToString(), $"{top}_ref", reference.ToString(), "clk", "rst", false, 1, what);
    }
}
