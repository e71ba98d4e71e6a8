namespace HwForge.Tools.Reward;

/// <summary>The three things a hardware design is optimised for; lower is better for all of them.</summary>
public enum Objective
{
    Area,
    Delay,
    Power,
}

/// <summary>
/// A design's power, performance and area: area (µm² or cells), critical-path delay (ns), power (W).
/// Null means "not measured", which is different from zero: an unmeasured metric drops out of every
/// comparison instead of pretending to be free.
/// </summary>
public sealed record PpaMetrics
{
    public PpaMetrics(double? area = null, double? delay = null, double? power = null)
    {
        Area = area;
        Delay = delay;
        Power = power;
    }

    /// <summary>A design nothing was measured on.</summary>
    public static PpaMetrics Unmeasured { get; } = new();

    public double? Area { get; init => field = Finite(value, nameof(Area)); }

    public double? Delay { get; init => field = Finite(value, nameof(Delay)); }

    public double? Power { get; init => field = Finite(value, nameof(Power)); }

    /// <summary>One metric by name, so scoring and the Pareto check can loop over objectives.</summary>
    public double? this[Objective objective] => objective switch
    {
        Objective.Area => Area,
        Objective.Delay => Delay,
        Objective.Power => Power,
        _ => throw new ArgumentOutOfRangeException(nameof(objective), objective, "Unknown objective."),
    };

    // NaN would silently lose every comparison and infinity would win or lose all of them, so a parser
    // that produced one has a bug worth hearing about here rather than as a strange frontier later.
    private static double? Finite(double? value, string name) =>
        value is { } v && !double.IsFinite(v)
            ? throw new ArgumentOutOfRangeException(name, v, $"{name} must be a finite number, or null when it was not measured.")
            : value;
}
