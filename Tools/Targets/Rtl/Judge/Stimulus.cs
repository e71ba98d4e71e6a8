using System.Text;

namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>
/// The input values for every cycle, as bit strings (most significant bit first), one per driven
/// input. Both the design and the reference see exactly this.
/// </summary>
internal sealed record Stimulus(IReadOnlyList<Port> Inputs, IReadOnlyList<string[]> Cycles)
{
    /// <summary>The file the harness reads with <c>$readmemb</c>: one line a cycle, inputs concatenated in order.</summary>
    public string ToMemoryFile()
    {
        var text = new StringBuilder(Cycles.Count * (Inputs.Sum(p => p.Width) + 1));
        foreach (var cycle in Cycles)
        {
            foreach (var value in cycle) text.Append(value);
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The inputs of one cycle, readable: <c>a=0x3f b=0x1 rst=0</c>.</summary>
    public string Describe(int cycle) =>
        string.Join(' ', Inputs.Select((port, i) => $"{port.Name}={BitStrings.ToReadable(Cycles[cycle][i])}"));
}
