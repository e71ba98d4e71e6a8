using System.Text;

namespace HwForge.Tools.Targets.Rtl.Catalog.Generators;

/// <summary>
/// Integer multipliers with the full-width product: a carry-save array, radix-4 Booth recoding reduced by a
/// Wallace tree, and Wallace and Dadda trees of full and half adders. Signed operands use Baugh-Wooley
/// partial products (array, Wallace, Dadda) or sign-aware Booth digits.
/// </summary>
internal sealed class MultiplierGenerator : KernelGenerator
{
    public override string Family => "multiplier";

    public override string Summary => "integer multiplier, full-width product: array, radix-4 Booth, Wallace tree or Dadda tree";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        Specs.Width(8, 2, 32, "operand width in bits (the product has twice as many)", 4, 8, 16),
        Specs.Signed(false),
        ParameterSpec.Choice("architecture", "how partial products are formed and reduced", ParameterRole.Architecture, "wallace", Specs.MultiplierArchitectures),
        Specs.Pipeline(0, "register stages: 0 combinational, 1 registered product, 2 registered operands and product"),
    ];

    protected override GeneratedDesign Build(KernelParameters p)
    {
        var (width, signed, architecture, pipeline) = (p.Int("width"), p.Bool("signed"), p.Text("architecture"), p.Int("pipeline"));
        var top = $"mul_{architecture}_{(signed ? "s" : "u")}{width}";
        var product = 2 * width;
        var ports = Verilog.Ports([.. Verilog.ClockPorts(pipeline > 0),
            $"input  wire {Verilog.Range(width)}a", $"input  wire {Verilog.Range(width)}b", $"output {(pipeline > 0 ? "reg " : "wire")} [{product - 1}:0] p"]);
        var what = $"{width}x{width}-bit {(signed ? "signed" : "unsigned")} {Describe(architecture)} multiplier, p = a * b ({product} bits)";

        var design = new StringBuilder(Verilog.Header(what, p, AdderGenerator.PipelineNote(pipeline)));
        design.Append($"module {top} {ports}");
        design.Append(pipeline == 2 ? AdderGenerator.RegisteredOperands(width) : $"    wire [{width - 1}:0] x = a;\n    wire [{width - 1}:0] y = b;\n");
        design.Append($"    wire [{product - 1}:0] m;\n    {top}_core core (.x(x), .y(y), .p(m));\n");
        design.Append(Verilog.DelayLine("m", "p", product, Math.Min(pipeline, 1), "p_q"));
        design.Append("endmodule\n\n");
        design.Append(Core($"{top}_core", width, signed, architecture));

        var reference = new StringBuilder(Verilog.Header($"behavioural reference for {top}: {what}", p));
        reference.Append($"module {top}_ref {ports}");
        reference.Append(signed
            ? $"    wire signed [{product - 1}:0] m = $signed(a) * $signed(b);\n"
            : $"    wire [{product - 1}:0] m = a * b;\n");
        reference.Append(Verilog.DelayLine("m", "p", product, pipeline, "p_d"));
        reference.Append("endmodule\n");

        return new GeneratedDesign(Family, p, top, design.ToString(), $"{top}_ref", reference.ToString(),
            pipeline > 0 ? "clk" : null, pipeline > 0 ? "rst" : null, false, pipeline, what);
    }

    private static string Describe(string architecture) => architecture switch
    {
        "array" => "carry-save array",
        "booth_radix4" => "radix-4 Booth (Wallace-reduced)",
        "wallace" => "Wallace-tree",
        _ => "Dadda-tree",
    };

    /// <summary>
    /// A combinational multiplier module <c>name (x, y, p)</c> with its full- and half-adder cells, for this
    /// family and for the families built on it (MAC, GEMM tile).
    /// </summary>
    internal static string Core(string name, int width, bool signed, string architecture)
    {
        var product = 2 * width;
        var (fa, ha) = ($"{name}_fa", $"{name}_ha");
        var matrix = new PartialProducts(product, fa, ha);
        var text = new StringBuilder($"// {width}x{width}-bit {(signed ? "signed" : "unsigned")} {Describe(architecture)} multiplier core\n");
        text.Append($"module {name} (\n    input  wire [{width - 1}:0] x,\n    input  wire [{width - 1}:0] y,\n    output wire [{product - 1}:0] p\n);\n");
        if (architecture == "booth_radix4")
        {
            text.Append(BoothRows(width, signed, matrix));
            matrix.ReduceWallace();
            text.Append(matrix.Body);
            var (rx, ry) = matrix.TwoRows();
            text.Append($"    // final carry-propagate adder, left to synthesis\n    assign p = {rx} + {ry};\n");
        }
        else
        {
            var rows = BaughWooleyRows(width, signed);
            if (architecture == "array")
            {
                text.Append(signed ? "    // Baugh-Wooley partial products: a[i] & b[j], inverted where exactly one is a sign bit\n" : "    // partial products: a[i] & b[j] at column i + j\n");
                matrix.ReduceArray(rows);
                text.Append(matrix.Body);
                text.Append(matrix.RippleFinal("p"));
            }
            else
            {
                foreach (var row in rows)
                    foreach (var (column, bit) in row) matrix.Add(column, bit);
                if (architecture == "wallace") matrix.ReduceWallace(); else matrix.ReduceDadda();
                text.Append(matrix.Body);
                var (rx, ry) = matrix.TwoRows();
                text.Append($"    // final carry-propagate adder, left to synthesis\n    assign p = {rx} + {ry};\n");
            }
        }
        text.Append("endmodule\n\n");
        text.Append(PartialProducts.AdderCells(fa, ha));
        return text.ToString();
    }

    /// <summary>
    /// Rows of x[i] &amp; y[j]; for signed operands the Baugh-Wooley form: the terms with exactly one sign bit
    /// inverted, and ones added at columns width and 2*width-1 (the last row).
    /// </summary>
    private static List<IReadOnlyList<(int, string)>> BaughWooleyRows(int width, bool signed)
    {
        var rows = new List<IReadOnlyList<(int, string)>>();
        for (var j = 0; j < width; j++)
        {
            var row = new List<(int, string)>();
            for (var i = 0; i < width; i++)
            {
                var inverted = signed && ((i == width - 1) ^ (j == width - 1));
                row.Add((i + j, inverted ? $"~(x[{i}] & y[{j}])" : $"(x[{i}] & y[{j}])"));
            }
            rows.Add(row);
        }
        if (signed) rows.Add([(width, "1'b1"), (2 * width - 1, "1'b1")]);
        return rows;
    }

    /// <summary>
    /// Radix-4 Booth: y is recoded into digits in {-2, -1, 0, 1, 2}, each selecting 0, x or 2x and negating by
    /// inverting and adding one at the row's lowest column. Each row's sign extension is folded into one constant.
    /// </summary>
    private static string BoothRows(int width, bool signed, PartialProducts matrix)
    {
        // An unsigned y needs a zero above its top bit, so one more digit when the width is even.
        var digits = signed ? (width + 1) / 2 : width / 2 + 1;
        var yBits = 2 * digits + 1;
        var rowWidth = width + 2; // x sign-extended to width+1 bits, and doubled
        var text = new StringBuilder("    // radix-4 Booth recoding of y: digit k looks at y[2k+1], y[2k], y[2k-1]\n");
        text.Append($"    wire [{width}:0] xe = {{{(signed ? $"x[{width - 1}]" : "1'b0")}, x}};\n");
        var yTop = signed ? $"{{{yBits - width - 1}{{y[{width - 1}]}}}}" : $"{yBits - width - 1}'d0";
        text.Append($"    wire [{yBits - 1}:0] ye = {{{yTop}, y, 1'b0}};\n");
        text.Append($"    wire [{digits - 1}:0] neg, one, two;\n");
        // One net a partial-product bit (an array, not a vector): Icarus wakes every reader of a vector
        // when any bit of it changes, and every adder of the tree reads this one.
        text.Append($"    wire rows [0:{rowWidth * digits - 1}];\n");
        text.Append("    genvar k, j;\n    generate\n");
        text.Append($"        for (k = 0; k < {digits}; k = k + 1) begin : digit\n");
        text.Append("            wire [2:0] t = ye[2 * k + 2 : 2 * k];\n");
        text.Append("            assign neg[k] = t[2];\n");
        text.Append("            assign one[k] = t[1] ^ t[0];\n");
        text.Append("            assign two[k] = (t[2] & ~t[1] & ~t[0]) | (~t[2] & t[1] & t[0]);\n");
        text.Append("            // row k = (one ? x : two ? 2x : 0), inverted when negative; bit j of 2x is x[j-1]\n");
        text.Append($"            for (j = 0; j < {rowWidth}; j = j + 1) begin : bit_select\n");
        text.Append($"                wire xj  = (j <= {width}) ? xe[j <= {width} ? j : 0] : xe[{width}];\n");
        text.Append($"                wire xj1 = (j == 0) ? 1'b0 : xe[(j - 1) <= {width} ? j - 1 : {width}];\n");
        text.Append($"                assign rows[k * {rowWidth} + j] = ((one[k] & xj) | (two[k] & xj1)) ^ neg[k];\n");
        text.Append("            end\n        end\n    endgenerate\n");

        var constant = System.Numerics.BigInteger.Zero;
        var modulus = System.Numerics.BigInteger.One << (2 * width);
        for (var k = 0; k < digits; k++)
        {
            var offset = 2 * k;
            for (var j = 0; j < rowWidth - 1; j++) matrix.Add(offset + j, $"rows[{k * rowWidth + j}]");
            // The sign bit s weighs -2^(offset+rowWidth-1): write it as ~s and subtract 2^(offset+rowWidth-1) once.
            matrix.Add(offset + rowWidth - 1, $"~rows[{k * rowWidth + rowWidth - 1}]");
            constant -= System.Numerics.BigInteger.One << (offset + rowWidth - 1);
            matrix.Add(offset, $"neg[{k}]");
        }
        matrix.AddConstant(((constant % modulus) + modulus) % modulus);
        return text.ToString();
    }
}
