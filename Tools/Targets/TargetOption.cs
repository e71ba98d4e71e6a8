namespace HwForge.Tools.Targets;

/// <summary>
/// One option of a target: its name (the jobs-file key and, with <c>--</c>, the CLI flag), its default, what it
/// means, and how a value is checked. Each default is written here once.
/// </summary>
public sealed record TargetOption(string Name, string Default, string Description, Func<string, string?> Check)
{
    /// <summary>An option taking a whole number in [min, max].</summary>
    public static TargetOption Integer(string name, int defaultValue, int min, int max, string description) =>
        new(name, defaultValue.ToString(System.Globalization.CultureInfo.InvariantCulture), description,
            v => int.TryParse(v, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
                ? null : $"{name} must be a whole number between {min} and {max}");

    /// <summary>An option taking a positive number below <paramref name="max"/>.</summary>
    public static TargetOption Positive(string name, double defaultValue, double max, string description) =>
        new(name, defaultValue.ToString(System.Globalization.CultureInfo.InvariantCulture), description,
            v => double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var x) && x > 0 && x < max
                ? null : $"{name} must be a positive number below {max}");

    /// <summary>An option taking one of a few words.</summary>
    public static TargetOption OneOf(string name, string defaultValue, IReadOnlyList<string> values, string description) =>
        new(name, defaultValue, description, v => values.Contains(v, StringComparer.OrdinalIgnoreCase) ? null : $"{name} takes {string.Join(", ", values)}");

    /// <summary>An option taking any non-empty word.</summary>
    public static TargetOption Text(string name, string defaultValue, string description) =>
        new(name, defaultValue, description, v => string.IsNullOrWhiteSpace(v) ? $"{name} needs a value" : null);
}
