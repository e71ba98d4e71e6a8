using System.Text.Json;
using System.Text.Json.Serialization;

namespace HwForge.Tools.Reward;

/// <summary>
/// A design's measured figures, by objective name: area (µm²), delay (ns) and power (mW) for RTL; a target with
/// other objectives (latency, time) puts its own names in. Absent means "not measured", which is different from
/// zero: an unmeasured metric drops out of every comparison instead of pretending to be free.
/// </summary>
[JsonConverter(typeof(PpaMetricsJsonConverter))]
public sealed record PpaMetrics
{
    private IReadOnlyDictionary<string, double> _values;

    public PpaMetrics(double? area = null, double? delay = null, double? power = null)
        : this(Pairs((Objective.Area, area), (Objective.Delay, delay), (Objective.Power, power)))
    {
    }

    public PpaMetrics(IEnumerable<KeyValuePair<string, double>> values)
    {
        var checkedValues = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in values) checkedValues[name] = Finite(value, name);
        _values = checkedValues;
    }

    /// <summary>A design nothing was measured on.</summary>
    public static PpaMetrics Unmeasured { get; } = new();

    /// <summary>Every measured figure, by objective name.</summary>
    public IReadOnlyDictionary<string, double> Values => _values;

    public double? Area { get => this[Objective.Area]; init => _values = With(Objective.Area.Name, value); }

    public double? Delay { get => this[Objective.Delay]; init => _values = With(Objective.Delay.Name, value); }

    public double? Power { get => this[Objective.Power]; init => _values = With(Objective.Power.Name, value); }

    /// <summary>One metric by objective, so scoring and the Pareto check can loop over objectives.</summary>
    public double? this[Objective objective] => this[objective.Name];

    public double? this[string name] => _values.TryGetValue(name, out var value) ? value : null;

    public bool Equals(PpaMetrics? other) =>
        other is not null && _values.Count == other._values.Count && _values.All(p => other[p.Key] == p.Value);

    public override int GetHashCode() => _values.Aggregate(0, (hash, p) => HashCode.Combine(hash, p.Key, p.Value));

    private IReadOnlyDictionary<string, double> With(string name, double? value)
    {
        var copy = new SortedDictionary<string, double>((IDictionary<string, double>)_values, StringComparer.Ordinal);
        if (value is { } v) copy[name] = Finite(v, name);
        else copy.Remove(name);
        return copy;
    }

    private static IEnumerable<KeyValuePair<string, double>> Pairs(params (Objective Objective, double? Value)[] values) =>
        values.Where(v => v.Value is not null).Select(v => KeyValuePair.Create(v.Objective.Name, v.Value!.Value));

    // NaN would silently lose every comparison and infinity would win or lose all of them, so a parser
    // that produced one has a bug worth hearing about here rather than as a strange frontier later.
    private static double Finite(double value, string name) =>
        double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number, or absent when it was not measured.");
}

/// <summary>Writes metrics as a plain map of objective name to value.</summary>
internal sealed class PpaMetricsJsonConverter : JsonConverter<PpaMetrics>
{
    public override PpaMetrics Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(JsonSerializer.Deserialize<Dictionary<string, double?>>(ref reader, options)!
            .Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Key.ToLowerInvariant(), p.Value!.Value)));

    public override void Write(Utf8JsonWriter writer, PpaMetrics value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Values, options);
}
