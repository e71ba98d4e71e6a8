using HwForge.Agents.Batch;

namespace HwForge.Cli.Commands;

/// <summary>What <c>hwforge batch --json</c> prints: the counts and every job's result line (null when it did not finish).</summary>
public sealed record BatchJsonReport(
    string Folder, int Jobs, int Finished, int Verified, int Skipped, bool AllVerified, IReadOnlyList<BatchJsonReport.Job> Results)
{
    public sealed record Job(string Id, BatchResult? Result);

    public static BatchJsonReport From(BatchOutcome outcome, BatchLayout layout) => new(
        layout.Root, outcome.Jobs.Count, outcome.Finished, outcome.Verified, outcome.Skipped, outcome.AllVerified,
        [.. outcome.Jobs.Select(j => new Job(j.Id, outcome.Results.GetValueOrDefault(j.Id)))]);
}
