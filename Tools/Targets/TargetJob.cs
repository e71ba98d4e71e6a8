namespace HwForge.Tools.Targets;

/// <summary>
/// How a run asks a target to work: the seed of any random stimulus, and the target's own options by name
/// (for RTL: cycles, formal, liberty, clock period), already checked against the target's option list.
/// </summary>
public sealed record TargetJob
{
    public static TargetJob Default { get; } = new();

    public int Seed { get; init; } = 1;

    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    public string? Option(string name) => Options.TryGetValue(name, out var value) ? value : null;
}
