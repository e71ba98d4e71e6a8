namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>The outputs a module produced, cycle by cycle, read from the harness's trace file.</summary>
public sealed record Trace(IReadOnlyList<string[]> Cycles, bool Complete)
{
    /// <summary>
    /// Reads a trace. Lines not in the harness's form are ignored; a trace without the end marker
    /// was cut short (the design ended the simulation, or it hung).
    /// </summary>
    public static Trace Parse(string? text, int outputs, string tag)
    {
        var cycles = new List<string[]>();
        var complete = false;
        if (text is null) return new Trace(cycles, false);
        var marker = HarnessWriter.EndMarker(tag);
        var lines = text.Split('\n');
        // The last piece has no newline after it: a line the simulator was still writing when it was killed
        // (its output is flushed in 4 KiB blocks), so "0x23" may be the head of "0x23c5…". Reading it would
        // turn a timeout into a false mismatch; only whole lines count.
        foreach (var line in lines.AsSpan(0, lines.Length - 1))
        {
            if (line == marker) { complete = true; break; }
            var fields = line.Split(' ');
            if (fields.Length != outputs + 1 || !int.TryParse(fields[0], out var cycle) || cycle != cycles.Count) continue;
            cycles.Add(fields[1..]);
        }
        return new Trace(cycles, complete);
    }
}
