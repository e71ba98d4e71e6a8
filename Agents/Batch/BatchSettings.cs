namespace HwForge.Agents.Batch;

/// <summary>What every job of one batch shares: its folders, how to start hwforge, and the global flags to pass on.</summary>
public sealed record BatchSettings(BatchLayout Layout, HwForgeEntry Entry)
{
    /// <summary>Flags such as <c>--no-cache</c> or <c>--unsafe-no-sandbox</c> that the batch was given, for each child.</summary>
    public IReadOnlyList<string> GlobalArguments { get; init; } = [];

    /// <summary>"local" or "slurm", written into each result line.</summary>
    public string Executor { get; init; } = "local";
}
