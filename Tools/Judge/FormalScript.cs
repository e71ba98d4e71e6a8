using System.Text;
using HwForge.Tools.Sources;

namespace HwForge.Tools.Judge;

/// <summary>
/// The Yosys script for an equivalence check: both designs elaborated and flattened apart (their
/// module names may clash), joined in a miter, and proven with SAT. The reference is gold.
/// </summary>
public static class FormalScript
{
    public const string Gold = "hwforge_gold";
    public const string Gate = "hwforge_gate";
    public const string Miter = "hwforge_miter";

    public static string Write(IReadOnlyList<string> referenceFiles, string referenceTop, IReadOnlyList<string> designFiles, string top,
        ModuleInterface module, int depth)
    {
        var s = new StringBuilder();
        Elaborate(s, referenceFiles, referenceTop, Gold);
        Elaborate(s, designFiles, top, Gate);
        s.AppendLine($"design -copy-from gold -as {Gold} {Gold}");
        s.AppendLine($"design -copy-from gate -as {Gate} {Gate}");
        s.AppendLine($"miter -equiv -flatten -make_assert -ignore_gold_x {Gold} {Gate} {Miter}");
        s.AppendLine($"hierarchy -top {Miter}");
        // SAT sees one global step per clock edge; asynchronous resets become synchronous ones,
        // identically on both sides, which the harness's whole-cycle reset pulses match.
        s.AppendLine("async2sync");
        if (!module.IsSequential)
        {
            s.AppendLine($"sat -prove-asserts -show-inputs {Miter}");
            return s.ToString();
        }
        var reset = module.Reset is null ? "" : $"-set-at 1 in_{module.Reset} {(module.ResetActiveLow ? 0 : 1)} ";
        // One cheap attempt at an unbounded proof by induction, then a bounded check from reset.
        s.AppendLine($"sat -tempinduct -prove-asserts -set-init-zero {reset}-seq 1 -maxsteps 2 {Miter}");
        s.AppendLine($"sat -seq {depth} -prove-asserts -prove-skip 1 -set-init-zero {reset}-show-inputs {Miter}");
        return s.ToString();
    }

    private static void Elaborate(StringBuilder s, IReadOnlyList<string> files, string top, string name)
    {
        s.AppendLine($"read_verilog -sv {string.Join(' ', files)}");
        s.AppendLine($"hierarchy -check -top {top}");
        s.AppendLine("proc; flatten; memory -nomap; memory_map; opt_clean");
        s.AppendLine($"rename {top} {name}");
        s.AppendLine($"design -stash {(name == Gold ? "gold" : "gate")}");
    }
}
