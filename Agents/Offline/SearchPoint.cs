namespace HwForge.Agents.Offline;

/// <summary>A point of a catalog family's values, by name. <see cref="ToString"/> is stable (sorted <c>a=1,b=x</c>), so points compare as text.</summary>
internal sealed record SearchPoint(IReadOnlyDictionary<string, string> Values)
{
    public bool Has(string name) => Values.ContainsKey(name);

    public string Text(string name) =>
        Values.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"no value '{name}' (have {this})");

    /// <summary>A copy with one value set (added or replaced).</summary>
    public SearchPoint With(string name, string value) => new(new Dictionary<string, string>(Values) { [name] = value });

    public bool Equals(SearchPoint? other) => other is not null && ToString() == other.ToString();

    public override int GetHashCode() => ToString().GetHashCode();

    public override string ToString() => string.Join(",", Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}"));
}
