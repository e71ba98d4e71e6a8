using System.Text;

namespace HwForge.Tools.Targets.Rtl.Catalog.Generators;

/// <summary>
/// FIR filter y[n] = sum c[k] * x[n-k] with constant coefficients: direct form (a delay line of samples and an
/// adder tree) or transposed form (the input broadcast to every tap, a register chain of partial sums).
/// </summary>
internal sealed class FirGenerator : KernelGenerator
{
    public override string Family => "fir";

    public override string Summary => "FIR filter with constant coefficients, direct or transposed form, optionally pipelined";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        ParameterSpec.Integer("taps", "number of coefficients", ParameterRole.Function, 8, 1, 64, 4, 8, 16),
        Specs.Width(12, 2, 24, "sample width in bits", 8, 12, 16),
        Specs.Signed(true),
        ParameterSpec.Text("coefficients", "comma-separated integers, one a tap, |c| < 2^15; \"symmetric\": the fixed triangular set 1,2,..,2,1", ParameterRole.Function, "symmetric", "symmetric", "1,2,3,4,4,3,2,1"),
        ParameterSpec.Choice("architecture", "direct form (delay line, adder tree) or transposed form (register chain of partial sums)", ParameterRole.Architecture, "direct", "direct", "transposed"),
        Specs.Pipeline(0, "register stages: 0 output follows the input in the same cycle, 1 registered output, 2 also registered products (direct) or input (transposed)"),
    ];

    public const int MaxCoefficientMagnitude = (1 << 15) - 1;

    protected override void Validate(KernelParameters p)
    {
        var taps = p.Int("taps");
        var text = p.Text("coefficients");
        if (text == "symmetric") return;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        foreach (var part in parts)
            if (!int.TryParse(part, out var c) || Math.Abs(c) > MaxCoefficientMagnitude)
                throw Invalid("coefficients", text, $"\"symmetric\" or {taps} comma-separated integers, each in -{MaxCoefficientMagnitude}..{MaxCoefficientMagnitude}");
        if (parts.Length != taps)
            throw Invalid("coefficients", text, $"one integer a tap: {taps} of them (taps={taps}), or \"symmetric\"");
    }

    /// <summary>The coefficients: the given list, or the fixed triangular set 1, 2, .., 2, 1.</summary>
    public static IReadOnlyList<int> Coefficients(KernelParameters p)
    {
        var taps = p.Int("taps");
        var text = p.Text("coefficients");
        return text == "symmetric"
            ? [.. Enumerable.Range(0, taps).Select(k => Math.Min(k + 1, taps - k))]
            : [.. text.Split(',', StringSplitOptions.TrimEntries).Select(int.Parse)];
    }

    /// <summary>Output bits: enough for the largest possible sum, as a two's-complement number.</summary>
    public static int OutputWidth(int width, IReadOnlyList<int> coefficients) =>
        width + Verilog.Log2Ceiling(coefficients.Sum(c => (long)Math.Abs(c)) + 1) + 1;

    protected override GeneratedDesign Build(KernelParameters p)
    {
        var (taps, width, signed, architecture, pipeline) = (p.Int("taps"), p.Int("width"), p.Bool("signed"), p.Text("architecture"), p.Int("pipeline"));
        var coefficients = Coefficients(p);
        var outWidth = OutputWidth(width, coefficients);
        var top = $"fir{taps}_{(signed ? "s" : "u")}{width}_{architecture}_p{pipeline}";
        var ports = Verilog.Ports([.. Verilog.ClockPorts(true), $"input  wire [{width - 1}:0] x", $"output {(pipeline > 0 ? "reg " : "wire")} [{outWidth - 1}:0] y"]);
        var what = $"{taps}-tap FIR filter, {width}-bit {(signed ? "signed" : "unsigned")} samples, {outWidth}-bit signed output, {architecture} form";
        var notes = new[]
        {
            $"coefficients c[0..{taps - 1}] = {string.Join(", ", coefficients)}; y[n] = sum c[k] * x[n-k], with x = 0 before reset ends.",
            pipeline switch
            {
                0 => "Latency 0: y follows the current sample x in the same cycle.",
                1 => "Latency 1: y is registered.",
                _ => architecture == "direct" ? "Latency 2: the products and y are registered." : "Latency 2: the input sample and y are registered.",
            },
        };
        string Sample(string v) => signed ? $"$signed({v})" : $"$signed({{1'b0, {v}}})";
        string Coefficient(int c) => c < 0 ? $"(-{outWidth}'sd{-c})" : $"{outWidth}'sd{c}";

        var design = new StringBuilder(Verilog.Header(what, p, notes));
        design.Append($"module {top} {ports}");
        if (architecture == "direct")
        {
            design.Append($"    // delay line: tap k holds x[n-k]\n    wire [{width - 1}:0] tap0 = x;\n");
            design.Append(Verilog.Registers([.. Enumerable.Range(1, taps - 1).Select(k => ($"tap{k}", width, $"tap{k - 1}"))]));
            design.Append("    // one constant multiplier a tap\n");
            for (var k = 0; k < taps; k++)
                design.Append($"    wire signed [{outWidth - 1}:0] prod{k} = {Sample($"tap{k}")} * {Coefficient(coefficients[k])};\n");
            var operands = Enumerable.Range(0, taps).Select(k => $"prod{k}").ToList();
            if (pipeline == 2)
            {
                design.Append("    // product registers\n");
                design.Append(Verilog.Registers([.. operands.Select(o => ($"{o}_q", outWidth, o))]));
                operands = [.. operands.Select(o => o + "_q")];
            }
            design.Append(DotProductGenerator.Tree(operands, outWidth, "sum"));
        }
        else
        {
            var input = "x";
            if (pipeline == 2)
            {
                design.Append("    // input register: the broadcast sample is the transposed form's long net\n");
                design.Append(Verilog.Registers([("xr", width, "x")]));
                input = "xr";
            }
            design.Append("    // the sample goes to every tap at once; partial sums move one register towards the output a cycle\n");
            for (var k = 0; k < taps; k++)
                design.Append($"    wire signed [{outWidth - 1}:0] prod{k} = {Sample(input)} * {Coefficient(coefficients[k])};\n");
            design.Append(Verilog.Registers([.. Enumerable.Range(1, taps - 1)
                .Select(k => ($"part{k}", outWidth, k == taps - 1 ? $"prod{k}" : $"prod{k} + part{k + 1}"))]));
            design.Append($"    wire [{outWidth - 1}:0] total = {(taps > 1 ? "prod0 + part1" : "prod0")};\n");
        }
        design.Append(Verilog.DelayLine("total", "y", outWidth, Math.Min(pipeline, 1), "y_q"));
        design.Append("endmodule\n");

        var reference = new StringBuilder(Verilog.Header($"behavioural reference for {top}: {what}", p, notes));
        reference.Append($"module {top}_ref {ports}");
        // window[k*W +: W] is x[n-k]; the coefficients are one constant vector, c[k] at [k*OW +: OW].
        var constants = string.Join(", ", Enumerable.Range(0, taps).Reverse().Select(k => $"{Coefficient(coefficients[k])}"));
        reference.Append($"    localparam [{taps * outWidth - 1}:0] C = {{{constants}}};\n");
        if (taps > 1)
        {
            reference.Append($"    reg  [{width * (taps - 1) - 1}:0] past;\n    wire [{width * taps - 1}:0] window = {{past, x}};\n");
            reference.Append($"    always @(posedge clk) past <= rst ? {width * (taps - 1)}'d0 : window[{width * (taps - 1) - 1}:0];\n");
        }
        else reference.Append($"    wire [{width - 1}:0] window = x;\n");
        reference.Append($"    reg signed [{outWidth - 1}:0] s;\n    integer k;\n    always @(*) begin\n        s = 0;\n");
        reference.Append($"        for (k = 0; k < {taps}; k = k + 1) s = s + {Sample($"window[k * {width} +: {width}]")} * $signed(C[k * {outWidth} +: {outWidth}]);\n    end\n");
        reference.Append(Verilog.DelayLine("s", "y", outWidth, pipeline, "y_d"));
        reference.Append("endmodule\n");

        return new GeneratedDesign(Family, p, top, design.ToString(), $"{top}_ref", reference.ToString(), "clk", "rst", false, pipeline, what);
    }
}
