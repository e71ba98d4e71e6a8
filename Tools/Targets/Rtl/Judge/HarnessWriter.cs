using System.Text;

namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>
/// Writes the Verilog harness that drives one module with a stimulus file and records every output
/// on every cycle into a trace file. The harness's module and file names carry a tag the design
/// cannot know, so a design can neither refer to the harness nor write its trace.
/// </summary>
/// <remarks>
/// Timing of a cycle (its length in ns, 10 by default): inputs change, outputs are sampled at 40%
/// (after the logic settles, before the edge), the clock rises at 50% and falls at 100%.
/// Registered outputs thus show up in the sample of the next cycle, combinational ones in the same
/// cycle. Real time units make a VCD of the harness give true toggle rates for power analysis.
/// </remarks>
internal static class HarnessWriter
{
    public const string StimulusFile = "hwforge-stimulus.mem";

    public static string ModuleName(string tag) => $"hwforge_tb_{tag}";

    public static string TraceFile(string tag) => $"hwforge-trace-{tag}.txt";

    public static string EndMarker(string tag) => $"end {tag}";

    public static string Write(ModuleInterface module, int cycles, string tag, string? vcdFile = null, double cycleNs = 10)
    {
        var settle = Ns(cycleNs * 0.4);
        var rise = Ns(cycleNs * 0.1);
        var fall = Ns(cycleNs * 0.5);
        var inputs = module.DrivenInputs;
        var outputs = module.Outputs.ToList();
        var stimulusWidth = Math.Max(1, inputs.Sum(p => p.Width));
        var v = new StringBuilder();
        v.AppendLine("`timescale 1ns/1ps");
        v.AppendLine($"module {ModuleName(tag)};");
        v.AppendLine($"  reg [{stimulusWidth - 1}:0] hwforge_stim [0:{cycles - 1}];");
        if (module.Clock is not null) v.AppendLine($"  reg {module.Clock} = 1'b0;");
        foreach (var port in inputs) v.AppendLine($"  reg {Range(port)}{port.Name};");
        foreach (var port in outputs) v.AppendLine($"  wire {Range(port)}{port.Name};");
        var connections = module.Ports.Select(p => $".{p.Name}({p.Name})");
        v.AppendLine($"  {module.Top} dut ({string.Join(", ", connections)});");
        v.AppendLine("  integer hwforge_i, hwforge_fd;");
        v.AppendLine("  initial begin");
        if (vcdFile is not null) v.AppendLine($"    $dumpfile(\"{vcdFile}\"); $dumpvars(0, dut);");
        if (inputs.Count > 0) v.AppendLine($"    $readmemb(\"{StimulusFile}\", hwforge_stim);");
        v.AppendLine($"    hwforge_fd = $fopen(\"{TraceFile(tag)}\", \"w\");");
        v.AppendLine($"    for (hwforge_i = 0; hwforge_i < {cycles}; hwforge_i = hwforge_i + 1) begin");
        if (inputs.Count > 0) v.AppendLine($"      {{{string.Join(", ", inputs.Select(p => p.Name))}}} = hwforge_stim[hwforge_i];");
        v.AppendLine($"      #{settle};");
        var format = string.Concat(outputs.Select(_ => " %b"));
        var arguments = string.Concat(outputs.Select(p => $", {p.Name}"));
        v.AppendLine($"      $fwrite(hwforge_fd, \"%0d{format}\\n\", hwforge_i{arguments});");
        // Flushed now and then, so a run killed by the clock shows how far it got (a slow design from a hung one).
        v.AppendLine("      if (hwforge_i % 32 == 31) $fflush(hwforge_fd);");
        if (module.Clock is not null) v.AppendLine($"      #{rise} {module.Clock} = 1'b1;\n      #{fall} {module.Clock} = 1'b0;");
        else v.AppendLine($"      #{Ns(cycleNs * 0.6)};");
        v.AppendLine("    end");
        v.AppendLine($"    $fwrite(hwforge_fd, \"{EndMarker(tag)}\\n\");");
        v.AppendLine("    $fclose(hwforge_fd);");
        v.AppendLine("    $finish;");
        v.AppendLine("  end");
        v.AppendLine("endmodule");
        return v.ToString();
    }

    private static string Ns(double value) => value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    private static string Range(Port port) => port.Width == 1 ? "" : $"[{port.Width - 1}:0] ";
}
