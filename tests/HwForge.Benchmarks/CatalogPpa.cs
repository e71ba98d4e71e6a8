using System.Text;
using HwForge.Tools.Targets.Rtl.Catalog;
using HwForge.Tools.Foundation;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sandbox;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs;
using HwForge.Tools.Targets.Rtl.Ppa;

namespace HwForge.Benchmarks;

/// <summary>
/// catalog-ppa: the catalog's architecture variants of each family side by side (osu018, 10 ns clock), with the
/// family's behavioural reference as a baseline where it is a different circuit (Yosys's own adder or multiplier).
/// </summary>
public static class CatalogPpa
{
    private sealed record Row(string Group, string Family, string Variant, KernelParameters Parameters, bool Reference = false);

    private static IEnumerable<Row> Rows()
    {
        foreach (var architecture in new[] { "ripple", "carry_lookahead", "kogge_stone", "brent_kung" })
            yield return new("adder, 32-bit unsigned, combinational", "adder", architecture, KernelParameters.Of(("width", 32), ("architecture", architecture)));
        yield return new("adder, 32-bit unsigned, combinational", "adder", "reference (a + b, Yosys's choice)", KernelParameters.Of(("width", 32), ("architecture", "ripple")), Reference: true);
        foreach (var width in new[] { 8, 16 })
        {
            foreach (var architecture in new[] { "array", "booth_radix4", "wallace", "dadda" })
                yield return new($"multiplier, {width}x{width} unsigned, combinational", "multiplier", architecture, KernelParameters.Of(("width", width), ("architecture", architecture)));
            yield return new($"multiplier, {width}x{width} unsigned, combinational", "multiplier", "reference (a * b, Yosys's choice)", KernelParameters.Of(("width", width), ("architecture", "array")), Reference: true);
        }
        foreach (var architecture in new[] { "direct", "transposed" })
            foreach (var pipeline in new[] { 0, 1, 2 })
                yield return new("FIR, 8 taps (1,2,3,4,4,3,2,1), 12-bit signed samples", "fir", $"{architecture}, pipeline {pipeline}",
                    KernelParameters.Of(("taps", 8), ("width", 12), ("architecture", architecture), ("pipeline", pipeline)));
        foreach (var pipeline in new[] { 0, 1, 2 })
            yield return new("MAC, 16-bit signed, 40-bit accumulator", "mac", $"pipeline {pipeline}, operator multiplier", KernelParameters.Of(("width", 16), ("pipeline", pipeline)));
        yield return new("MAC, 16-bit signed, 40-bit accumulator", "mac", "pipeline 1, Booth multiplier", KernelParameters.Of(("width", 16), ("pipeline", 1), ("multiplier", "booth_radix4")));
        foreach (var reduction in new[] { "tree", "chain" })
            yield return new("dot product, 4 lanes int8, registered sum", "dot_product", reduction, KernelParameters.Of(("lanes", 4), ("width", 8), ("reduction", reduction), ("pipeline", 1)));
        foreach (var architecture in new[] { "count_register", "wrap_pointers" })
            yield return new("FIFO, 16 x 8 bits", "fifo", architecture, KernelParameters.Of(("depth", 16), ("width", 8), ("architecture", architecture)));
        foreach (var architecture in new[] { "toggle_chain", "one_hot" })
            yield return new("counter, mod 60", "counter", architecture, KernelParameters.Of(("modulus", 60), ("architecture", architecture)));
        foreach (var encoding in new[] { "binary", "gray", "one_hot" })
            yield return new("sequence detector, 10110111", "fsm", encoding, KernelParameters.Of(("pattern", "10110111"), ("encoding", encoding)));
        foreach (var multiplier in new[] { "operator", "booth_radix4", "wallace" })
            yield return new("GEMM tile, 2x2 int8, 24-bit accumulators", "gemm_tile", $"{multiplier} multiplier", KernelParameters.Of(("rows", 2), ("cols", 2), ("acc_width", 24), ("multiplier", multiplier)));
    }

    public static async Task<string> RunAsync(HwForgeHome home, string? only)
    {
        var host = new ToolHost(new BubblewrapSandbox(), home, null);
        var ppa = new PpaAnalysis(host, new ToolVersions(host));
        var table = new StringBuilder();
        string? group = null;
        foreach (var row in Rows())
        {
            if (only is not null && row.Family != only) continue;
            if (row.Group != group)
            {
                group = row.Group;
                table.AppendLine($"\n**{group}**\n\n| variant | area um^2 | cells | critical path ns | power mW | logic depth |\n|---|---|---|---|---|---|");
            }
            var design = KernelCatalog.Generate(row.Family, row.Parameters);
            var (top, name, text) = row.Reference
                ? (design.ReferenceTop, design.ReferenceFileName, design.ReferenceVerilog)
                : (design.Top, design.DesignFileName, design.Verilog);
            var report = await ppa.MeasureAsync(new PpaRequest([SourceLoader.FromText(name, text)], top) { Clock = design.Clock });
            Console.Error.WriteLine($"{row.Family} {row.Variant}: {report.Describe()} ({report.Elapsed.TotalSeconds:0.0} s)");
            table.AppendLine(report.Succeeded
                ? $"| {row.Variant} | {report.AreaUm2:0} | {report.CellCount} | {report.CriticalPathNs:0.00} | {report.TotalPowerW * 1e3:0.000} | {report.LogicDepth} |"
                : $"| {row.Variant} | failed: {report.Failure} | | | | |");
        }
        return table.ToString();
    }
}
