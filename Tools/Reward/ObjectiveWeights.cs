namespace HwForge.Tools.Reward;

/// <summary>
/// How much each objective matters. Any non-negative numbers: they are normalised to sum to 1 over the
/// objectives that can actually be compared for a given candidate (see <see cref="RelativeImprovement"/>).
/// </summary>
public sealed record ObjectiveWeights
{
    public ObjectiveWeights(double area, double delay, double power)
    {
        Area = area;
        Delay = delay;
        Power = power;
    }

    /// <summary>Area, delay and power count the same.</summary>
    public static ObjectiveWeights Equal { get; } = new(1, 1, 1);

    public double Area { get; init => field = NonNegative(value, nameof(Area)); }

    public double Delay { get; init => field = NonNegative(value, nameof(Delay)); }

    public double Power { get; init => field = NonNegative(value, nameof(Power)); }

    public double this[Objective objective] => objective switch
    {
        Objective.Area => Area,
        Objective.Delay => Delay,
        Objective.Power => Power,
        _ => throw new ArgumentOutOfRangeException(nameof(objective), objective, "Unknown objective."),
    };

    // A negative weight would reward making a design worse, which is never what a configuration meant.
    private static double NonNegative(double value, string name) =>
        double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"The {name} weight must be a finite number ≥ 0; use 0 to ignore {name}.");
}
