using System.Text;

namespace HwForge.Tools.Judge;

/// <summary>
/// The equivalence check's scripts: Yosys builds an AIGER miter of the reference (gold) and the
/// design (gate), and ABC proves it. Combinational logic gets a full SAT proof (<c>iprove</c>).
/// Sequential logic gets IC3 (<c>pdr</c>) for an unbounded proof, a bounded check from reset
/// (<c>bmc3</c>) that also finds the shortest counterexample, and k-induction (<c>ind</c>) that
/// closes the proof when the bounded check covered its base case.
/// </summary>
/// <remarks>
/// The miter must not use <c>-ignore_gold_x</c>: once gates are plain 0/1, Yosys folds the
/// "is gold x?" masks to "ignore", the trigger becomes constant 0 and every design would be
/// "proven". Registers start from arbitrary values (<c>-zinit</c> adds a free input for each),
/// so only what a reset defines can matter after the reset cycle, which a wrapper forces active.
/// </remarks>
public static class FormalScript
{
    public const string Aiger = "hwforge-formal.aig";
    public const string Map = "hwforge-formal.map";
    public const string Counterexample = "hwforge-formal.cex";
    public const string YosysScriptFile = "hwforge-formal.ys";

    /// <summary>Frames k-induction must look back; it proves only when the bounded check covered that many.</summary>
    public const int InductionDepth = 8;

    public static string Yosys(IReadOnlyList<string> referenceFiles, string referenceTop, IReadOnlyList<string> designFiles, string top, ModuleInterface module)
    {
        var s = new StringBuilder();
        Elaborate(s, referenceFiles, referenceTop, "gold");
        Elaborate(s, designFiles, top, "gate");
        s.AppendLine("design -copy-from gold -as gold gold");
        s.AppendLine("design -copy-from gate -as gate gate");
        s.AppendLine("miter -equiv -flatten gold gate miter");
        if (module.IsSequential) Sequential(s, module);
        else Combinational(s);
        return s.ToString();
    }

    /// <summary>The ABC command that proves the AIGER miter and writes a counterexample when there is one.</summary>
    public static string Abc(ModuleInterface module, int depth) => module.IsSequential
        ? $"read_aiger {Aiger}; pdr -T 2; bmc3 -F {depth + 1} -T 5; write_cex -a {Counterexample}; ind -F {InductionDepth} -T 2"
        : $"read_aiger {Aiger}; iprove; write_cex -a {Counterexample}";

    private static void Elaborate(StringBuilder s, IReadOnlyList<string> files, string top, string name)
    {
        s.AppendLine($"read_verilog -sv {string.Join(' ', files)}");
        s.AppendLine($"hierarchy -check -top {top}");
        s.AppendLine("proc; flatten; opt_clean");
        s.AppendLine($"rename {top} {name}");
        s.AppendLine($"design -stash {name}");
    }

    private static void Combinational(StringBuilder s)
    {
        s.AppendLine("hierarchy -check -top miter");
        s.AppendLine("opt -fast; techmap; setundef -zero; opt -fast; aigmap");
        s.AppendLine("select -assert-none t:* t:$_AND_ %d t:$_NOT_ %d");
        s.AppendLine("opt_clean");
        s.AppendLine($"write_aiger -map {Map} {Aiger}");
    }

    private static void Sequential(StringBuilder s, ModuleInterface module)
    {
        // The wrapper holds reset active in cycle 0 and ignores that cycle's outputs; every other
        // input of the miter stays undriven and becomes a free AIGER input (setundef -expose).
        var clock = module.Clock is null ? "" : $".in_{module.Clock}(fv_clk), ";
        var reset = module.Reset is null ? "" : $".in_{module.Reset}(fv_started ? fv_rst : 1'b{(module.ResetActiveLow ? 0 : 1)}), ";
        s.AppendLine("read_verilog <<EOT");
        s.AppendLine("module fv_wrap(input fv_clk, input fv_rst, output fv_bad);");
        s.AppendLine("  reg fv_started = 1'b0;");
        s.AppendLine("  always @(posedge fv_clk) fv_started <= 1'b1;");
        s.AppendLine("  wire fv_trig;");
        s.AppendLine($"  miter m({clock}{reset}.trigger(fv_trig));");
        s.AppendLine("  assign fv_bad = fv_started & fv_trig;");
        s.AppendLine("endmodule");
        s.AppendLine("EOT");
        s.AppendLine("hierarchy -check -top fv_wrap");
        s.AppendLine("proc; flatten");
        s.AppendLine("setundef -undriven -expose");
        s.AppendLine("memory");
        // One posedge clock only: AIGER steps every flip-flop once per frame. Anything else is unsupported.
        s.AppendLine("select -assert-none t:$dlatch t:$adlatch t:$dlatchsr t:$sr %u %u %u");
        s.AppendLine("opt -fast");
        s.AppendLine("async2sync");
        s.AppendLine("dffunmap");
        s.AppendLine("select -assert-none t:$*dff* t:$*latch* t:$sr t:$mem* %u %u %u t:$dff %d");
        s.AppendLine("select -assert-none t:$dff w:fv_clk %co:+[CLK] %d");
        s.AppendLine("techmap");
        s.AppendLine("select -assert-none t:$_DFF_N_");
        s.AppendLine("aigmap");
        s.AppendLine("setundef -zero");
        s.AppendLine($"write_aiger -zinit -map {Map} {Aiger}");
    }
}
