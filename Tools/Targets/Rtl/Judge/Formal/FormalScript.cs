using System.Text;
using HwForge.Tools.Programs.Yosys;

namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>
/// The equivalence check's scripts. Yosys turns each side (reference and design) into its own ASCII
/// AIGER model; <see cref="EquivalenceMiter"/> joins them; ABC answers in a schedule that stops at the
/// first decision: for combinational logic a SAT proof (<c>iprove</c>); for sequential logic a bounded
/// search from reset (<c>bmc3</c>, shortest counterexamples), IC3 (<c>pdr</c>), and ABC's sequential
/// equivalence engine (<c>dprove</c>: register correspondence, induction, interpolation, IC3), which
/// proves retimed and re-encoded pipelines that IC3 alone does not.
/// </summary>
/// <remarks>
/// A design with a reset starts from its reset state: Yosys simulates one reset cycle and keeps the
/// result as the registers' start values (<c>sim -w</c>); registers the reset does not set stay
/// uninitialised, which the miter reads as unknown in the reference and as free in the design. A design
/// without a reset starts from its declared initial values, the rest uninitialised. Everything undefined
/// in the design becomes free (<c>setundef -undriven -expose</c>, <c>setundef -anyseq</c>), never zero.
/// </remarks>
internal static class FormalScript
{
    public const string Miter = "hwforge-formal-miter.aig";
    public const string Counterexample = "hwforge-formal.cex";
    public const string YosysScriptFile = "hwforge-formal.ys";

    public static string Model(string side) => $"hwforge-formal-{side}.aag";

    public static string ModelMap(string side) => $"hwforge-formal-{side}.map";

    /// <summary>The check that failed is named in Yosys's log just before the error, so the report can say which.</summary>
    public const string CheckMarker = "HWFORGE-CHECK";

    /// <summary>One Yosys script that writes the AIGER model of both sides.</summary>
    public static string Yosys(IReadOnlyList<string> referenceFiles, string referenceTop, IReadOnlyList<string> designFiles, string top, ModuleInterface module)
    {
        var s = new StringBuilder();
        Export(s, referenceFiles, referenceTop, "gold", module);
        s.AppendLine("design -reset");
        Export(s, designFiles, top, "gate", module);
        return s.ToString();
    }

    private static void Export(StringBuilder s, IReadOnlyList<string> files, string top, string side, ModuleInterface module)
    {
        // Read exactly as elaboration and PPA read it.
        s.Append(YosysReading.Commands(files));
        s.AppendLine($"hierarchy -check -top {top}");
        s.AppendLine("proc; flatten; opt_clean");
        Check(s, "latches (level-sensitive storage)", "t:$dlatch t:$adlatch t:$dlatchsr t:$sr %u %u %u");
        s.AppendLine("memory; opt -fast");
        // Operators at the width their operands need (a 16×16 product assigned to 40 bits is a 32-bit product):
        // the two sides then often share a multiplier's structure, which SAT cannot match across widths. -keepdc: x stays x.
        s.AppendLine("wreduce -keepdc; opt_clean");
        s.AppendLine("async2sync");
        if (module.IsSequential && module.Clock is { } clock)
        {
            if (module.Reset is { } reset)
                s.AppendLine($"sim -clock {clock} {(module.ResetActiveLow ? "-resetn" : "-reset")} {reset} -rstlen 1 -n 1 -w {top}");
            s.AppendLine("dffunmap");
            Check(s, "storage other than flip-flops on one clock", "t:$*dff* t:$*latch* t:$sr t:$mem* %u %u %u t:$dff %d");
            Check(s, $"flip-flops clocked by something other than {clock}", $"t:$dff w:{clock} %co:+[CLK] %d");
        }
        else
        {
            Check(s, "flip-flops in a design judged combinational", "t:$*dff* t:$*latch* t:$mem* %u %u");
        }
        s.AppendLine("setundef -undriven -expose");
        s.AppendLine("setundef -anyseq");
        s.AppendLine($"techmap -map {RippleCarryMap.FileName} -map +/techmap.v");
        Check(s, "negative-edge flip-flops", "t:$_DFF_N_");
        s.AppendLine("aigmap; opt_clean");
        s.AppendLine($"write_aiger -ascii -vmap {ModelMap(side)} {Model(side)}");
    }

    private static void Check(StringBuilder s, string what, string selection)
    {
        s.AppendLine($"log {CheckMarker} {what}");
        s.AppendLine($"select -assert-none {selection}");
    }

    /// <summary>
    /// ABC's schedule as a shell script: each engine in turn, within its share of <paramref name="budget"/>,
    /// stopping at the first proof or counterexample. Every engine's words go to stdout after a marker line.
    /// </summary>
    public static string Abc(bool sequential, int depth, TimeSpan budget)
    {
        var seconds = Math.Max(3, (int)budget.TotalSeconds);
        var s = new StringBuilder();
        s.AppendLine("set -u");
        // ABC's own -T is not kept by every engine's every phase: timeout(1) holds each to its share.
        void Engine(string name, string commands, string decided, int share)
        {
            s.AppendLine($"echo 'HWFORGE-ENGINE {name}'");
            s.AppendLine($"out=$(timeout -s KILL {share + 2} {YosysTool.AbcExecutable} -c \"read_aiger {Miter}; {commands}\" 2>&1); echo \"$out\"");
            s.AppendLine($"if echo \"$out\" | grep -Eq '{decided}'; then exit 0; fi");
        }
        if (!sequential)
        {
            Engine("iprove", $"iprove; write_cex -a {Counterexample}", "UNSATISFIABLE|SATISFIABLE|equivalent|NOT EQUIVALENT", seconds);
            return s.ToString();
        }
        // Counterexamples are cheapest first; proofs get the rest of the budget.
        var (bmc, pdr) = (Math.Max(1, seconds / 6), Math.Max(1, seconds / 4));
        var dprove = Math.Max(1, seconds - bmc - pdr - 3);
        Engine("bmc3", $"bmc3 -F {depth} -T {bmc}; write_cex -a {Counterexample}", "was asserted in frame", bmc);
        Engine("pdr", $"pdr -T {pdr}; write_cex -a {Counterexample}", "Property proved|was asserted in frame", pdr);
        Engine("dprove", $"dprove -T {dprove}", "Networks are equivalent|NOT EQUIVALENT", dprove);
        return s.ToString();
    }
}
