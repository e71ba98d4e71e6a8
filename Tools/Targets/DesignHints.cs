namespace HwForge.Tools.Targets;

/// <summary>
/// What a spec says about a design's interface beyond its files: the clock and the reset, when the user or the
/// spec's author named them. A target without clocks ignores them.
/// </summary>
public sealed record DesignHints
{
    public static DesignHints None { get; } = new();

    public string? Clock { get; init; }

    public string? Reset { get; init; }

    public bool? ResetActiveLow { get; init; }
}
