using System.Text.RegularExpressions;

namespace HwForge.Tools.Judge;

/// <summary>What the SAT runs in a formal script concluded, read from Yosys's log.</summary>
public sealed record FormalOutcome(FormalStatus Status, string Detail, IReadOnlyDictionary<int, Dictionary<string, string>> CounterexampleInputs);

/// <summary>
/// Reads Yosys's <c>sat</c> output. A counterexample's table lists, per time step, each miter input
/// (<c>\in_a</c>) with its bits; the steps become a stimulus that is replayed in simulation.
/// </summary>
public static partial class FormalOutputParser
{
    public static FormalOutcome Parse(string log, bool sequential, int depth)
    {
        var empty = new Dictionary<int, Dictionary<string, string>>();
        if (log.Contains("Induction step proven: SUCCESS!"))
            return new FormalOutcome(FormalStatus.Proven, "proven for all cycles by temporal induction", empty);
        if (log.Contains("model found: FAIL!") || log.Contains("model found for base case: FAIL!") || log.Contains("proof did fail"))
            return new FormalOutcome(FormalStatus.Counterexample, "SAT found inputs for which the outputs differ", LastTable(log));
        if (log.Contains("no model found: SUCCESS!"))
            return sequential
                ? new FormalOutcome(FormalStatus.Bounded, $"no difference in {depth} cycles from reset (induction did not close)", empty)
                : new FormalOutcome(FormalStatus.Proven, "proven for all inputs (combinational SAT proof)", empty);
        return new FormalOutcome(FormalStatus.Unsupported, "Yosys did not conclude", empty);
    }

    private static Dictionary<int, Dictionary<string, string>> LastTable(string log)
    {
        // Tables are printed after each proof attempt; the last one belongs to the failing proof.
        var start = log.LastIndexOf("Signal Name", StringComparison.Ordinal);
        var steps = new Dictionary<int, Dictionary<string, string>>();
        if (start < 0) return steps;
        foreach (Match row in TableRow().Matches(log[start..]))
        {
            // A combinational proof prints no time column: its one step is step 1.
            var step = !row.Groups["step"].Success ? 1 : row.Groups["step"].Value == "init" ? 0 : int.Parse(row.Groups["step"].Value);
            var name = row.Groups["name"].Value;
            if (!name.StartsWith("in_", StringComparison.Ordinal)) continue;
            if (!steps.TryGetValue(step, out var values)) steps[step] = values = [];
            values[name["in_".Length..]] = row.Groups["bits"].Value;
        }
        return steps;
    }

    [GeneratedRegex(@"^\s+((?<step>\d+|init)\s+)?\\(?<name>\S+)\s+\S+\s+\S+\s+(?<bits>[01xz-]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
