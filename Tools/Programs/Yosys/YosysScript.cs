using HwForge.Tools.Programs.Liberty;

namespace HwForge.Tools.Programs.Yosys;

/// <summary>The one Yosys script HwForge runs, and the files it leaves for the parser.</summary>
internal static class YosysScript
{
    public const string ScriptFile = "synth.ys";
    public const string StatFile = "stat.json";
    public const string AreaFile = "area.txt";
    public const string DepthFile = "depth.txt";
    public const string NetlistFile = "netlist.v";

    public static string For(IEnumerable<string> stagedSources, string top, bool withLiberty)
    {
        var lib = LibertyStaging.StagedName;
        var lines = new List<string>
        {
            YosysReading.Commands(stagedSources).TrimEnd('\n'),
            // Flattened, so statistics, area and the netlist describe the whole design as one module.
            $"synth -flatten -top {top}",
            // Depth is measured on Yosys' own gates: ltp -noff skips $_DFF_ cells, but it would walk
            // straight through a library's flip-flops, whose behaviour it does not know.
            $"tee -q -o {DepthFile} ltp -noff",
        };
        if (withLiberty)
        {
            lines.AddRange([
                $"dfflibmap -liberty {lib}",
                $"abc -liberty {lib}",
                // OpenSTA has no use for undefined bits: tie them (and undriven wires) to 0.
                "setundef -zero -undriven",
                // OpenSTA 2.0 reads `assign` with a constant or a concatenation on the right, but not a
                // concatenation on the left; splitting multi-bit internal wires and purging leftovers
                // avoids those, so no tie or buffer cells are needed (osu018 has no tie cells).
                "splitnets",
                "opt_clean -purge",
            ]);
        }
        lines.Add($"tee -q -o {StatFile} stat -json");
        if (withLiberty)
        {
            // stat -json of Yosys 0.23 leaves the area out; the text report has it.
            lines.Add($"tee -q -o {AreaFile} stat -liberty {lib}");
            lines.Add($"write_verilog -noattr -noexpr {NetlistFile}");
        }
        return string.Join('\n', lines) + "\n";
    }
}
