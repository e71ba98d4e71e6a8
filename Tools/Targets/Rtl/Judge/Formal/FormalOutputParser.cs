using System.Text.RegularExpressions;

namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>What the proof concluded, read from ABC's log.</summary>
internal sealed record FormalOutcome(FormalStatus Status, int? Bound, string Detail, int? FailingCycle = null);

/// <summary>
/// Reads the words of ABC's engines, in the order <see cref="FormalScript.Abc"/> ran them: the first
/// proof or counterexample decides. Frame 0 of the miter is the first cycle after reset, so a
/// counterexample in frame k is k + 1 cycles after reset and a bounded check of n frames covers n cycles.
/// </summary>
internal static partial class FormalOutputParser
{
    public static FormalOutcome ParseSequential(string log, TimeSpan budget, bool hasReset = true)
    {
        // Without a reset the model starts at power-up (declared initial values, the rest unknown): say so.
        var from = hasReset ? "after reset" : "from power-up";
        foreach (var (engine, words) in Engines(log))
        {
            if (Asserted().Match(words) is { Success: true } failure)
            {
                var frame = int.Parse(failure.Groups["frame"].Value);
                return new FormalOutcome(FormalStatus.Counterexample, null,
                    $"{engine} found inputs for which the outputs differ {frame + 1} cycle(s) {from}", frame + 1);
            }
            if (engine == "pdr" && words.Contains("Property proved."))
                return new FormalOutcome(FormalStatus.Proven, null, "proven for all cycles by IC3/PDR");
            if (engine == "dprove" && words.Contains("Networks are equivalent"))
                return new FormalOutcome(FormalStatus.Proven, null, "proven for all cycles by sequential equivalence (register correspondence, induction)");
            if (engine == "dprove" && words.Contains("NOT EQUIVALENT"))
                return new FormalOutcome(FormalStatus.Counterexample, null, "sequential equivalence checking found a difference");
        }
        var bounded = Frames().Matches(log).Select(m => int.Parse(m.Groups["frames"].Value)).DefaultIfEmpty(0).Max();
        var budgetText = $"no proof within the formal budget of {budget.TotalSeconds:0} s";
        return bounded > 0
            ? new FormalOutcome(FormalStatus.Bounded, bounded, $"no difference in {bounded} cycles {from}; {budgetText}")
            : new FormalOutcome(FormalStatus.TimedOut, null, budgetText);
    }

    public static FormalOutcome ParseCombinational(string log, TimeSpan budget)
    {
        if (log.Contains("UNSATISFIABLE") || log.Contains("Networks are equivalent"))
            return new FormalOutcome(FormalStatus.Proven, null, "proven for all inputs by SAT");
        if (log.Contains("SATISFIABLE") || log.Contains("NOT EQUIVALENT"))
            return new FormalOutcome(FormalStatus.Counterexample, null, "SAT found inputs for which the outputs differ", 0);
        return new FormalOutcome(FormalStatus.TimedOut, null, $"SAT did not conclude within the formal budget of {budget.TotalSeconds:0} s");
    }

    /// <summary>Each engine's words, split at the script's marker lines.</summary>
    private static IEnumerable<(string Engine, string Words)> Engines(string log)
    {
        var parts = log.Split("HWFORGE-ENGINE ");
        foreach (var part in parts.Skip(1))
        {
            var newline = part.IndexOf('\n');
            yield return newline < 0 ? (part.Trim(), "") : (part[..newline].Trim(), part[(newline + 1)..]);
        }
    }

    [GeneratedRegex(@"Output 0 of miter ""[^""]*"" was asserted in frame (?<frame>\d+)")]
    private static partial Regex Asserted();

    [GeneratedRegex(@"No output asserted in (?<frames>\d+) frames")]
    private static partial Regex Frames();
}
