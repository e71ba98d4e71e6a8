using System.Text;

namespace HwForge.Tools.Targets.Rtl.Catalog.Generators;

/// <summary>
/// Modulo-N counter with enable: a binary counter written as a chain of toggle flip-flops with the carry
/// ANDs explicit, or a one-hot ring with an encoder to binary. wrap pulses when the count goes from N-1 to 0.
/// </summary>
internal sealed class CounterGenerator : KernelGenerator
{
    public override string Family => "counter";

    public override string Summary => "modulo-N counter with enable and a wrap pulse";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        ParameterSpec.Integer("modulus", "counts 0..modulus-1 then wraps", ParameterRole.Function, 16, 2, 65536, 10, 16, 60, 256),
        ParameterSpec.Choice("architecture", "binary toggle chain (T flip-flops, explicit carry ANDs) or a one-hot ring with an encoder (modulus <= 64)", ParameterRole.Architecture, "toggle_chain", "toggle_chain", "one_hot"),
    ];

    public const int MaxOneHot = 64;

    protected override void Validate(KernelParameters p)
    {
        if (p.Text("architecture") == "one_hot" && p.Int("modulus") > MaxOneHot)
            throw Invalid("modulus", p.Text("modulus"), $"at most {MaxOneHot} for architecture=one_hot (one flip-flop a state); use toggle_chain above that");
    }

    protected override GeneratedDesign Build(KernelParameters p)
    {
        var (modulus, architecture) = (p.Int("modulus"), p.Text("architecture"));
        var width = Math.Max(1, Verilog.Log2Ceiling(modulus));
        var last = modulus - 1;
        var top = $"counter_mod{modulus}_{architecture}";
        var ports = Verilog.Ports([.. Verilog.ClockPorts(true), "input  wire en", $"output {(architecture == "one_hot" ? "wire" : "reg ")} [{width - 1}:0] count", "output wire wrap"]);
        var what = $"modulo-{modulus} counter (0..{last}) with enable, {width}-bit count, {architecture.Replace('_', ' ')}";
        var note = "count advances when en is high; wrap is high in the cycle count goes from " + last + " to 0 (en high at " + last + ").";

        var design = new StringBuilder(Verilog.Header(what, p, note));
        design.Append($"module {top} {ports}");
        if (architecture == "toggle_chain")
        {
            design.Append($"    wire at_last = (count == {width}'d{last});\n");
            design.Append($"    // bit i toggles when en is high and every bit below it is 1\n    wire [{width - 1}:0] t;\n    assign t[0] = en;\n");
            design.Append("    genvar i;\n    generate\n");
            design.Append($"        for (i = 1; i < {width}; i = i + 1) begin : carry\n            assign t[i] = t[i - 1] & count[i - 1];\n        end\n    endgenerate\n");
            design.Append("    always @(posedge clk) begin\n");
            design.Append($"        if (rst | (en & at_last)) count <= {width}'d0;\n        else                      count <= count ^ t;\n    end\n");
            design.Append("    assign wrap = en & at_last;\n");
        }
        else
        {
            design.Append($"    // one flip-flop a state; the ring rotates on en\n    reg [{modulus - 1}:0] ring;\n");
            design.Append("    always @(posedge clk) begin\n");
            design.Append($"        if (rst)     ring <= {modulus}'d1;\n        else if (en) ring <= {{ring[{modulus - 2}:0], ring[{modulus - 1}]}};\n    end\n");
            design.Append("    // encoder: count bit b is the OR of the states whose number has bit b set\n");
            for (var b = 0; b < width; b++)
            {
                var states = Enumerable.Range(0, modulus).Where(s => ((s >> b) & 1) == 1).Select(s => $"ring[{s}]").ToList();
                design.Append($"    assign count[{b}] = {(states.Count == 0 ? "1'b0" : string.Join(" | ", states))};\n");
            }
            design.Append($"    assign wrap = en & ring[{last}];\n");
        }
        design.Append("endmodule\n");

        var reference = new StringBuilder(Verilog.Header($"behavioural reference for {top}: {what}", p, note));
        reference.Append($"module {top}_ref {ports.Replace("output wire [", "output reg  [")}");
        reference.Append("    always @(posedge clk) begin\n");
        reference.Append($"        if (rst)     count <= 0;\n        else if (en) count <= (count == {last}) ? 0 : count + 1;\n    end\n");
        reference.Append($"    assign wrap = en && (count == {last});\n");
        reference.Append("endmodule\n");

        return new GeneratedDesign(Family, p, top, design.ToString(), $"{top}_ref", reference.ToString(), "clk", "rst", false, 0, what);
    }
}
