namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>
/// Turns ABC's counterexample (<c>write_cex -a</c>: a line of latch start values, then one line per
/// frame with one character per miter input) into a stimulus the harness can replay. The miter's
/// inputs are known by the port bit each stands for; free values (the design's undefined signals and
/// start values) have no port and cannot be replayed: the simulator's X stands for them.
/// </summary>
internal static class FormalCounterexample
{
    /// <summary>Cycles replayed after the failing one, so a registered difference reaches the outputs.</summary>
    private const int QuietCycles = 2;

    internal static Stimulus? ToStimulus(string? cex, IReadOnlyList<(string Port, int Bit)?> miterInputs, ModuleInterface module, bool startsWithReset)
    {
        if (cex is null) return null;
        var inputs = module.DrivenInputs;
        var frames = cex.Replace("# DONE", "").Split('\n').Skip(1).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (frames.Count == 0) return null;
        var cycles = new List<string[]>();
        // The model starts after one reset cycle: the replay holds reset for that cycle first.
        if (startsWithReset)
            cycles.Add([.. inputs.Select(port => port.Name == module.Reset ? (module.ResetActiveLow ? "0" : "1") : BitStrings.Zeros(port.Width))]);
        foreach (var frame in frames)
        {
            var values = inputs.ToDictionary(p => p.Name, p => Enumerable.Repeat('0', p.Width).ToArray());
            for (var i = 0; i < miterInputs.Count && i < frame.Length; i++)
                if (miterInputs[i] is { } bit && values.TryGetValue(bit.Port, out var value) && bit.Bit < value.Length)
                    value[value.Length - 1 - bit.Bit] = frame[i] == '1' ? '1' : '0';
            cycles.Add([.. inputs.Select(p => new string(values[p.Name]))]);
        }
        for (var i = 0; i < QuietCycles && module.IsSequential; i++) cycles.Add(cycles[^1]);
        return new Stimulus(inputs, cycles);
    }
}
