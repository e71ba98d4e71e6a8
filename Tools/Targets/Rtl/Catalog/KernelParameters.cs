using System.Globalization;

namespace HwForge.Tools.Targets.Rtl.Catalog;

/// <summary>Parameter values by name, as text. <see cref="ToString"/> is stable (sorted <c>a=1,b=x</c>), fit for ids.</summary>
internal sealed record KernelParameters(IReadOnlyDictionary<string, string> Values)
{
    public static KernelParameters Empty { get; } = new(new Dictionary<string, string>());

    public static KernelParameters Of(params (string Name, object Value)[] values) =>
        new(values.ToDictionary(v => v.Name, v => Format(v.Value)));

    public bool Has(string name) => Values.ContainsKey(name);

    public string Text(string name) =>
        Values.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"no parameter '{name}' (have {this})");

    public int Int(string name) => int.Parse(Text(name), CultureInfo.InvariantCulture);

    public bool Bool(string name) => Text(name) is "true" or "1" or "yes";

    /// <summary>A copy with one value set (added or replaced).</summary>
    public KernelParameters With(string name, object value) =>
        new(new Dictionary<string, string>(Values) { [name] = Format(value) });

    /// <summary>Every parameter of the generator: the given values, and the defaults for the rest. Not validated here.</summary>
    public static KernelParameters Resolve(IKernelGenerator generator, KernelParameters? partial)
    {
        var values = generator.Parameters.ToDictionary(p => p.Name, p => p.Default);
        foreach (var (name, value) in partial?.Values ?? Empty.Values)
        {
            if (!values.ContainsKey(name))
                throw new CatalogParameterException(generator.Family, name, value, $"one of the family's parameters ({string.Join(", ", generator.Parameters.Select(p => p.Name))})");
            values[name] = value.Trim();
        }
        return new KernelParameters(values);
    }

    public bool Equals(KernelParameters? other) => other is not null && ToString() == other.ToString();

    public override int GetHashCode() => ToString().GetHashCode();

    public override string ToString() => string.Join(",", Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}"));

    private static string Format(object value) => value switch
    {
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
