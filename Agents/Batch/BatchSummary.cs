using System.Globalization;
using System.Text;

namespace HwForge.Agents.Batch;

/// <summary><c>summary.md</c>: one table row per job of the file, in its order, rebuilt from results.jsonl.</summary>
internal static class BatchSummary
{
    /// <summary>Replaces summary.md whole, so a reader never sees half a table.</summary>
    public static void Write(BatchLayout layout, IReadOnlyList<BatchJob> jobs, IReadOnlyDictionary<string, BatchResult> results) =>
        Runs.RunFolder.WriteAtomically(layout.Summary, Markdown(jobs, results));

    public static string Markdown(IReadOnlyList<BatchJob> jobs, IReadOnlyDictionary<string, BatchResult> results)
    {
        var outcome = new BatchOutcome(jobs, results, 0);
        var finished = outcome.Finished;
        var text = new StringBuilder()
            .AppendLine("# Batch summary").AppendLine()
            .AppendLine($"{outcome.Verified} of {jobs.Count} jobs verified (proven){Unproven(outcome)}; {finished} finished, {jobs.Count - finished} not run yet.").AppendLine()
            .AppendLine("| job | verdict | assurance | area µm² | critical path ns | power mW | reward | time s | LLM calls | tokens | run folder |")
            .AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var job in jobs)
        {
            if (!results.TryGetValue(job.Id, out var r))
            {
                text.AppendLine($"| {job.Id} | not run yet | | | | | | | | | |");
                continue;
            }
            text.AppendLine($"| {job.Id} | {r.Verdict} | {r.Assurance ?? ""} | {N(r.AreaUm2)} | {N(r.CriticalPathNs)} | {N(r.PowerMw)} | {N(r.Reward)} | {N(r.Seconds)} | {r.LlmCalls} | {r.Tokens} | {r.RunFolder} |");
        }
        var problems = jobs.Select(j => results.GetValueOrDefault(j.Id)).Where(r => r is { IsVerified: false, Message: not null }).ToList();
        if (problems.Count > 0)
        {
            text.AppendLine().AppendLine("## Not verified").AppendLine();
            foreach (var r in problems) text.AppendLine($"- **{r!.Id}** ({r.Verdict}): {r.Message}");
        }
        return text.ToString();
    }

    // Jobs that passed without a proof are counted apart, never among the verified ones.
    private static string Unproven(BatchOutcome outcome) =>
        (outcome.Accepted > 0 ? $", {outcome.Accepted} accepted without a proof" : "")
        + (outcome.NotProven > 0 ? $", {outcome.NotProven} not proven" : "");

    private static string N(double? value) => value is { } v ? Math.Round(v, 3).ToString(CultureInfo.InvariantCulture) : "";
}
