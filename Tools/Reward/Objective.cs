namespace HwForge.Tools.Reward;

/// <summary>
/// One thing a target's designs are optimised for, named as the target names it ("area", "latency", "time").
/// Lower is better: a target whose natural figure grows when the design improves (throughput, say) reports its
/// inverse (time per item), so every comparison, weight and frontier reads the same way.
/// </summary>
public sealed record Objective(string Name, string Unit, string Description)
{
    /// <summary>Cell area after synthesis, µm² (or cells when a library has no areas).</summary>
    public static Objective Area { get; } = new("area", "µm²", "cell area after synthesis");

    /// <summary>Critical-path delay, ns.</summary>
    public static Objective Delay { get; } = new("delay", "ns", "critical-path delay");

    /// <summary>Total power, mW.</summary>
    public static Objective Power { get; } = new("power", "mW", "total power");

    /// <summary>The objective of that name: one of the well-known three, or a target's own.</summary>
    public static Objective Named(string name) =>
        name == Area.Name ? Area : name == Delay.Name ? Delay : name == Power.Name ? Power : new(name, "", name);

    // Two objectives are the same objective when they have the same name: units and words are for people.
    public bool Equals(Objective? other) => other is not null && string.Equals(Name, other.Name, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    public override string ToString() => Name;
}
