namespace HwForge.Tools.Targets.Rtl.Judge;

public enum PortDirection
{
    Input,
    Output,
    Inout,
}

/// <summary>One port of a module, as Yosys elaborated it.</summary>
public sealed record Port(string Name, PortDirection Direction, int Width)
{
    public override string ToString() => $"{Direction.ToString().ToLowerInvariant()} [{Width - 1}:0] {Name}";
}

/// <summary>
/// A module's ports, plus what its flip-flops say about them: which input clocks them and which
/// resets them, with what polarity. The harness and the formal check are generated from this.
/// </summary>
public sealed record ModuleInterface(string Top, IReadOnlyList<Port> Ports)
{
    public string? Clock { get; init; }

    public string? Reset { get; init; }

    public bool ResetActiveLow { get; init; }

    /// <summary>True when the module has any flip-flop or memory, so it needs a clock to compare on.</summary>
    public bool IsSequential { get; init; }

    public IEnumerable<Port> Inputs => Ports.Where(p => p.Direction == PortDirection.Input);

    public IEnumerable<Port> Outputs => Ports.Where(p => p.Direction == PortDirection.Output);

    /// <summary>Inputs the stimulus drives: every input except the clock.</summary>
    public IReadOnlyList<Port> DrivenInputs => [.. Inputs.Where(p => p.Name != Clock)];

    public Port? Find(string name) => Ports.FirstOrDefault(p => p.Name == name);
}
