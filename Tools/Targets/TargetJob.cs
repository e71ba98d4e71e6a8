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

    /// <summary>
    /// Told a short line as each step of the target's work is decided ("lint ok", "formal ok"), for a person watching;
    /// nothing judged depends on it, and a target that says nothing is as right as one that does.
    /// </summary>
    public Action<string>? Progress { get; init; }
}
