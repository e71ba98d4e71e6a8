using System.Text.Json;
using System.Text.Json.Serialization;

namespace HwForge.Tools.Reward;

/// <summary>
/// How much each objective matters, by objective name. Any non-negative numbers: they are normalised to sum to 1
/// over the objectives that can actually be compared for a given candidate (see <see cref="RelativeImprovement"/>).
/// An objective not named gets <see cref="Others"/>: 1 for <see cref="Equal"/>, 0 once weights are given.
/// </summary>
[JsonConverter(typeof(ObjectiveWeightsJsonConverter))]
public sealed record ObjectiveWeights
{
    private IReadOnlyDictionary<string, double> _weights;

    public ObjectiveWeights(double area, double delay, double power)
        : this([KeyValuePair.Create(Objective.Area.Name, area), KeyValuePair.Create(Objective.Delay.Name, delay), KeyValuePair.Create(Objective.Power.Name, power)])
    {
    }

    public ObjectiveWeights(IEnumerable<KeyValuePair<string, double>> weights, double others = 0)
    {
        var map = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, weight) in weights) map[name] = NonNegative(weight, name);
        _weights = map;
        Others = NonNegative(others, "others");
    }

    /// <summary>Every objective counts the same, whatever the target measures.</summary>
    public static ObjectiveWeights Equal { get; } = new([], others: 1);

    /// <summary>The weight of an objective not named.</summary>
    public double Others { get; }

    /// <summary>The objectives named, with their weights.</summary>
    public IReadOnlyDictionary<string, double> Named => _weights;

    public double Area { get => this[Objective.Area]; init => _weights = With(Objective.Area.Name, value); }

    public double Delay { get => this[Objective.Delay]; init => _weights = With(Objective.Delay.Name, value); }

    public double Power { get => this[Objective.Power]; init => _weights = With(Objective.Power.Name, value); }

    public double this[Objective objective] => this[objective.Name];

    public double this[string name] => _weights.TryGetValue(name, out var weight) ? weight : Others;

    public bool Equals(ObjectiveWeights? other) =>
        other is not null && Others == other.Others && _weights.Count == other._weights.Count && _weights.All(p => other._weights.TryGetValue(p.Key, out var w) && w == p.Value);

    public override int GetHashCode() => _weights.Aggregate(Others.GetHashCode(), (hash, p) => HashCode.Combine(hash, p.Key, p.Value));

    private IReadOnlyDictionary<string, double> With(string name, double weight) =>
        new SortedDictionary<string, double>((IDictionary<string, double>)_weights, StringComparer.Ordinal) { [name] = NonNegative(weight, name) };

    // A negative weight would reward making a design worse, which is never what a configuration meant.
    private static double NonNegative(double value, string name) =>
        double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"The {name} weight must be a finite number ≥ 0; use 0 to ignore {name}.");
}

/// <summary>Writes weights as a map of objective name to weight, "*" for the objectives not named.</summary>
internal sealed class ObjectiveWeightsJsonConverter : JsonConverter<ObjectiveWeights>
{
    private const string OthersKey = "*";

    public override ObjectiveWeights Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var map = JsonSerializer.Deserialize<Dictionary<string, double>>(ref reader, options)!;
        var others = map.Remove(OthersKey, out var o) ? o : 0;
        return new(map.Select(p => KeyValuePair.Create(p.Key.ToLowerInvariant(), p.Value)), others);
    }

    public override void Write(Utf8JsonWriter writer, ObjectiveWeights value, JsonSerializerOptions options)
    {
        var map = new Dictionary<string, double>(value.Named);
        if (value.Others != 0) map[OthersKey] = value.Others;
        JsonSerializer.Serialize(writer, map, options);
    }
}
