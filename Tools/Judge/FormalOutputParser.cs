using System.Text.RegularExpressions;

namespace HwForge.Tools.Judge;

/// <summary>What the proof concluded, read from ABC's log.</summary>
public sealed record FormalOutcome(FormalStatus Status, int? Bound, string Detail, int? FailingCycle = null);

/// <summary>
/// Reads ABC's answers, in this order: a counterexample from <c>pdr</c> or <c>bmc3</c>; a
/// <c>pdr</c> proof; a k-induction proof whose base case the bounded check covered; a bounded
/// result; otherwise nothing was concluded. (<c>ind</c> always runs and says "UNDECIDED" after a
/// counterexample, so its words count only after the others.)
/// </summary>
public static partial class FormalOutputParser
{
    public static FormalOutcome ParseSequential(string log)
    {
        if (Asserted().Match(log) is { Success: true } failure)
        {
            var frame = int.Parse(failure.Groups["frame"].Value);
            return new FormalOutcome(FormalStatus.Counterexample, null, $"ABC found inputs for which the outputs differ at cycle {frame} after reset", frame);
        }
        if (log.Contains("Property proved."))
            return new FormalOutcome(FormalStatus.Proven, null, "proven for all cycles (IC3/PDR)");
        if (Frames().Match(log) is { Success: true } bounded)
        {
            var frames = int.Parse(bounded.Groups["frames"].Value);
            if (frames >= FormalScript.InductionDepth && log.Contains("Networks are equivalent"))
                return new FormalOutcome(FormalStatus.Proven, null, $"proven for all cycles ({FormalScript.InductionDepth}-induction over a {frames - 1}-cycle base case)");
            return new FormalOutcome(FormalStatus.Bounded, frames - 1, $"no difference in {frames - 1} cycles after reset; not proven beyond");
        }
        return new FormalOutcome(FormalStatus.Unsupported, null, "ABC did not conclude in its time limits");
    }

    public static FormalOutcome ParseCombinational(string log)
    {
        if (log.Contains("UNSATISFIABLE") || log.Contains("Networks are equivalent"))
            return new FormalOutcome(FormalStatus.Proven, null, "proven for all inputs (combinational SAT proof)");
        if (log.Contains("SATISFIABLE") || log.Contains("NOT EQUIVALENT"))
            return new FormalOutcome(FormalStatus.Counterexample, null, "SAT found inputs for which the outputs differ", 0);
        return new FormalOutcome(FormalStatus.Unsupported, null, "ABC did not conclude");
    }

    [GeneratedRegex(@"Output 0 of miter ""[^""]*"" was asserted in frame (?<frame>\d+)")]
    private static partial Regex Asserted();

    [GeneratedRegex(@"No output asserted in (?<frames>\d+) frames")]
    private static partial Regex Frames();
}
