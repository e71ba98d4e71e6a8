namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>The first cycle where an output of the design differed from the reference, with what led up to it.</summary>
public sealed record Mismatch(
    int Cycle,
    string Signal,
    string Expected,
    string Actual,
    IReadOnlyList<string> PrecedingInputs,
    bool DuringReset,
    string Source)
{
    /// <summary>One line for people and prompts.</summary>
    public string Describe() =>
        $"cycle {Cycle}: output {Signal} was {Actual}, expected {Expected}" + (DuringReset ? " (reset active or just released)" : "");
}

/// <summary>Compares a design's trace with the reference's, cycle by cycle, every output.</summary>
internal static class TraceComparer
{
    private const int InputsShown = 4;

    public static Mismatch? FirstMismatch(ModuleInterface module, Stimulus stimulus, Trace expected, Trace actual, string source)
    {
        var outputs = module.Outputs.ToList();
        var resetIndex = module.Reset is null ? -1 : stimulus.Inputs.ToList().FindIndex(p => p.Name == module.Reset);
        var cycles = Math.Min(expected.Cycles.Count, actual.Cycles.Count);
        for (var cycle = 0; cycle < cycles; cycle++)
        {
            for (var o = 0; o < outputs.Count; o++)
            {
                var want = expected.Cycles[cycle][o];
                var got = actual.Cycles[cycle][o];
                if (BitStrings.Matches(want, got)) continue;
                var first = Math.Max(0, cycle - InputsShown + 1);
                var inputs = Enumerable.Range(first, cycle - first + 1).Select(c => $"cycle {c}: {stimulus.Describe(c)}").ToList();
                return new Mismatch(cycle, outputs[o].Name, BitStrings.ToReadable(want), BitStrings.ToReadable(got), inputs,
                    ResetNear(module, stimulus, resetIndex, cycle), source);
            }
        }
        return null;
    }

    /// <summary>A mismatch in a reset cycle or the one after it is a reset-behaviour failure.</summary>
    private static bool ResetNear(ModuleInterface module, Stimulus stimulus, int resetIndex, int cycle)
    {
        if (resetIndex < 0) return false;
        var active = module.ResetActiveLow ? "0" : "1";
        for (var c = Math.Max(0, cycle - 1); c <= cycle; c++)
            if (stimulus.Cycles[c][resetIndex] == active) return true;
        return false;
    }
}
