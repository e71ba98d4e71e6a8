using HwForge.Agents.Batch;

namespace HwForge.Cli.Commands;

/// <summary>
/// What <c>hwforge batch --json</c> prints: the counts and every job's result line (null when it did not finish).
/// <c>verified</c> counts proven designs only; <c>accepted</c> and <c>notProven</c> count passes without a proof.
/// </summary>
public sealed record BatchJsonReport(
    string Folder, int Jobs, int Finished, int Verified, int Accepted, int NotProven, int Skipped, bool AllVerified, bool AllAccepted,
    IReadOnlyList<BatchJsonReport.Job> Results)
{
    public sealed record Job(string Id, BatchResult? Result);

    public static BatchJsonReport From(BatchOutcome outcome, BatchLayout layout) => new(
        layout.Root, outcome.Jobs.Count, outcome.Finished, outcome.Verified, outcome.Accepted, outcome.NotProven, outcome.Skipped,
        outcome.AllVerified, outcome.AllAccepted,
        [.. outcome.Jobs.Select(j => new Job(j.Id, outcome.Results.GetValueOrDefault(j.Id)))]);
}
