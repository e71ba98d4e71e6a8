using System.Text;
using HwForge.Tools.Foundation;
using HwForge.Tools.Programs;
using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Tools.Targets.Rtl.Ppa;

/// <summary>
/// The top that keeps a design's ports off the package's pins, so a design with more ports than the package has
/// pins can still be placed and routed: every input comes from a shift register fed by one pin, every output is
/// caught in a register and reduced to one pin by parity. Inputs then arrive from flip-flops and outputs end in
/// flip-flops, so Fmax is the design's own register-to-register speed with no pad delays: out-of-context figures.
/// </summary>
internal static class OutOfContextWrapper
{
    public const string Top = "hwforge_ooc";
    public const string FileName = "hwforge_ooc.v";

    /// <summary>Registers the wrapper adds around a design: one per input bit, one per output bit, and the parity pin's.</summary>
    public static int Registers(ModuleInterface module) => Math.Max(1, module.DrivenInputs.Sum(p => p.Width)) + module.Outputs.Sum(p => p.Width) + 1;

    public static string Verilog(ModuleInterface module)
    {
        if (module.Ports.FirstOrDefault(p => p.Direction == PortDirection.Inout) is { } inout)
            throw new HwForgeException(ProblemKind.InvalidInput, $"{module.Top} has an inout port ({inout.Name}); out-of-context figures need inputs and outputs only");
        var inputs = module.DrivenInputs;
        var outputs = module.Outputs.ToList();
        if (outputs.Count == 0)
            throw new HwForgeException(ProblemKind.InvalidInput, $"{module.Top} has no outputs, so none of its logic can be measured");
        var inBits = Math.Max(1, inputs.Sum(p => p.Width));
        var outBits = outputs.Sum(p => p.Width);

        var v = new StringBuilder();
        v.AppendLine($"// HwForge's out-of-context wrapper around {module.Top}: its ports are registers here, not pins.");
        v.AppendLine($"module {Top} (input wire hwforge_clk, input wire hwforge_sin, output reg hwforge_sout);");
        v.AppendLine($"  reg [{inBits - 1}:0] in_q;");
        v.AppendLine($"  wire [{outBits - 1}:0] out_w;");
        v.AppendLine($"  reg [{outBits - 1}:0] out_q;");
        v.AppendLine(inBits == 1
            ? "  always @(posedge hwforge_clk) in_q <= hwforge_sin;"
            : $"  always @(posedge hwforge_clk) in_q <= {{in_q[{inBits - 2}:0], hwforge_sin}};");
        v.AppendLine("  always @(posedge hwforge_clk) begin out_q <= out_w; hwforge_sout <= ^out_q; end");
        var connections = new List<string>();
        if (module.Clock is { } clock) connections.Add($".{Name(clock)}(hwforge_clk)");
        var bit = 0;
        foreach (var port in inputs)
        {
            connections.Add($".{Name(port.Name)}(in_q[{bit + port.Width - 1}:{bit}])");
            bit += port.Width;
        }
        bit = 0;
        foreach (var port in outputs)
        {
            connections.Add($".{Name(port.Name)}(out_w[{bit + port.Width - 1}:{bit}])");
            bit += port.Width;
        }
        v.AppendLine($"  {module.Top} dut ({string.Join(", ", connections)});");
        v.AppendLine("endmodule");
        return v.ToString();
    }

    // A name that is not a plain identifier is written escaped (a backslash, and a space to end it).
    private static string Name(string name) => VerilogNames.IsPlain(name) ? name : $"\\{name} ";
}
