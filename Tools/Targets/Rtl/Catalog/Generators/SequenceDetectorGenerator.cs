using System.Text;

namespace HwForge.Tools.Targets.Rtl.Catalog.Generators;

/// <summary>
/// Moore FSM that detects a serial bit pattern: the states are "how much of the pattern the input ends with"
/// (the Knuth-Morris-Pratt automaton), encoded in binary, one-hot or Gray code; hit is high the cycle after
/// the pattern's last bit. The reference keeps a shift register of the last bits instead.
/// </summary>
internal sealed class SequenceDetectorGenerator : KernelGenerator
{
    public override string Family => "fsm";

    public override string Summary => "Moore FSM detecting a serial bit pattern (hit is high the cycle after the last bit)";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        ParameterSpec.Text("pattern", "the bit pattern, first bit first, 1 to 16 bits of 0 and 1", ParameterRole.Function, "1011", "1011", "110", "1001"),
        ParameterSpec.Boolean("overlapping", "matches may share bits (false: after a hit the search starts afresh)", ParameterRole.Function, true),
        ParameterSpec.Choice("encoding", "state encoding", ParameterRole.Architecture, "binary", "binary", "one_hot", "gray"),
    ];

    public const int MaxPatternBits = 16;

    protected override void Validate(KernelParameters p)
    {
        var pattern = p.Text("pattern");
        if (pattern.Length is 0 or > MaxPatternBits || pattern.Any(c => c is not ('0' or '1')))
            throw Invalid("pattern", pattern, $"1 to {MaxPatternBits} characters, each 0 or 1 (first bit first)");
    }

    /// <summary>The state after reading <paramref name="bit"/> in <paramref name="state"/> (bits of the pattern matched so far).</summary>
    internal static int Next(string pattern, bool overlapping, int state, char bit)
    {
        if (state == pattern.Length && !overlapping) state = 0;
        var seen = pattern[..state] + bit;
        for (var k = Math.Min(pattern.Length, seen.Length); k > 0; k--)
            if (seen.EndsWith(pattern[..k], StringComparison.Ordinal)) return k;
        return 0;
    }

    protected override GeneratedDesign Build(KernelParameters p)
    {
        var (pattern, overlapping, encoding) = (p.Text("pattern"), p.Bool("overlapping"), p.Text("encoding"));
        var length = pattern.Length;
        var states = length + 1;
        var bits = encoding == "one_hot" ? states : Math.Max(1, Verilog.Log2Ceiling(states));
        string Code(int s) => encoding switch
        {
            "one_hot" => $"{bits}'b{Convert.ToString(1L << s, 2).PadLeft(bits, '0')}",
            "gray" => $"{bits}'d{s ^ (s >> 1)}",
            _ => $"{bits}'d{s}",
        };
        var top = $"seq_detect_{pattern}_{(overlapping ? "ov" : "nov")}_{encoding}";
        var ports = Verilog.Ports([.. Verilog.ClockPorts(true), "input  wire din", "output wire hit"]);
        var what = $"Moore sequence detector for {pattern} ({(overlapping ? "overlapping" : "non-overlapping")} matches), {encoding.Replace('_', '-')} state encoding";
        var note = $"hit is high in the cycle after the last bit of {pattern} arrives on din (one bit a clock).";

        var design = new StringBuilder(Verilog.Header(what, p, note));
        design.Append($"module {top} {ports}");
        design.Append("    // state Sk: the input so far ends with the first k bits of the pattern\n");
        for (var s = 0; s < states; s++)
            design.Append($"    localparam [{bits - 1}:0] S{s} = {Code(s)};{(s == 0 ? "  // nothing matched" : s == length ? "  // pattern found" : $"  // \"{pattern[..s]}\"")}\n");
        // Without the attribute Yosys extracts the FSM and re-encodes it, and every encoding synthesizes alike.
        design.Append($"    (* fsm_encoding = \"none\" *) reg [{bits - 1}:0] state;\n    reg [{bits - 1}:0] next;\n");
        design.Append("    always @(*) begin\n        case (state)\n");
        for (var s = 0; s < states; s++)
            design.Append($"            S{s}: next = din ? S{Next(pattern, overlapping, s, '1')} : S{Next(pattern, overlapping, s, '0')};\n");
        design.Append("            default: next = S0;\n        endcase\n    end\n");
        design.Append("    always @(posedge clk) begin\n        if (rst) state <= S0;\n        else     state <= next;\n    end\n");
        design.Append($"    assign hit = (state == S{length});\nendmodule\n");

        var seenWidth = Math.Max(1, Verilog.Log2Ceiling(length + 1));
        var reference = new StringBuilder(Verilog.Header($"behavioural reference for {top}: {what}", p, note));
        reference.Append($"module {top}_ref {ports}");
        reference.Append($"    // the last {length} bit(s), newest in bit 0, and how many of them count ({(overlapping ? "all, once enough have arrived" : "only those since the last hit")})\n");
        reference.Append($"    reg [{length - 1}:0] history;\n    reg [{seenWidth - 1}:0] seen;\n");
        reference.Append($"    assign hit = (seen == {length}) && (history == {length}'b{pattern});\n");
        reference.Append("    always @(posedge clk) begin\n        if (rst) begin\n            history <= 0;\n            seen <= 0;\n        end else begin\n");
        reference.Append(length == 1 ? "            history <= din;\n" : $"            history <= {{history[{length - 2}:0], din}};\n");
        reference.Append(overlapping
            ? $"            if (seen != {length}) seen <= seen + 1;\n"
            : $"            seen <= hit ? 1 : (seen == {length} ? seen : seen + 1);\n");
        reference.Append("        end\n    end\nendmodule\n");

        return new GeneratedDesign(Family, p, top, design.ToString(), $"{top}_ref", reference.ToString(), "clk", "rst", false, 0, what);
    }
}
