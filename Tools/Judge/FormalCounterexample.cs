namespace HwForge.Tools.Judge;

/// <summary>
/// Turns ABC's counterexample (<c>write_cex -a</c>) into a stimulus the harness can replay. The map
/// file names each AIGER input (<c>input IDX BIT NAME</c>); the counterexample has, after a line of
/// register starting values, one line per cycle with one character per input.
/// </summary>
public static class FormalCounterexample
{
    /// <summary>Cycles replayed after the failing one, so a registered difference reaches the outputs.</summary>
    private const int QuietCycles = 2;

    public static Stimulus? ToStimulus(string? cex, string? map, ModuleInterface module)
    {
        if (cex is null || map is null) return null;
        var inputs = module.DrivenInputs;
        var bitsOf = new Dictionary<string, List<(int Index, int Bit)>>();
        foreach (var line in map.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split(' ');
            if (fields.Length != 4 || fields[0] != "input") continue;
            var name = fields[3] == "fv_rst" ? module.Reset ?? "" : StripPrefix(fields[3]);
            if (!bitsOf.TryGetValue(name, out var bits)) bitsOf[name] = bits = [];
            bits.Add((int.Parse(fields[1]), int.Parse(fields[2])));
        }

        var frames = cex.Replace("# DONE", "").Split('\n').Skip(1).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (frames.Count == 0) return null;
        var cycles = new List<string[]>();
        for (var frame = 0; frame < frames.Count; frame++)
        {
            cycles.Add([.. inputs.Select(port =>
            {
                var value = new char[port.Width];
                Array.Fill(value, '0');
                foreach (var (index, bit) in bitsOf.GetValueOrDefault(port.Name, []))
                    if (index < frames[frame].Length && bit < port.Width) value[port.Width - 1 - bit] = frames[frame][index] == '1' ? '1' : '0';
                // The wrapper forces the reset active in cycle 0, whatever the file says.
                if (frame == 0 && port.Name == module.Reset) return module.ResetActiveLow ? "0" : "1";
                return new string(value);
            })]);
        }
        for (var i = 0; i < QuietCycles && module.IsSequential; i++) cycles.Add(cycles[^1]);
        return new Stimulus(inputs, cycles);
    }

    private static string StripPrefix(string name) =>
        name.StartsWith("m.in_", StringComparison.Ordinal) ? name[5..] : name.StartsWith("in_", StringComparison.Ordinal) ? name[3..] : name;
}
