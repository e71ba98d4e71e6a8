using System.Globalization;
using System.Text;

namespace HwForge.Agents.Batch;

/// <summary><c>summary.md</c>: one table row per job of the file, in its order, rebuilt from results.jsonl.</summary>
public static class BatchSummary
{
    /// <summary>Replaces summary.md whole, so a reader never sees half a table.</summary>
    public static void Write(BatchLayout layout, IReadOnlyList<BatchJob> jobs, IReadOnlyDictionary<string, BatchResult> results) =>
        Runs.RunFolder.WriteAtomically(layout.Summary, Markdown(jobs, results));

    public static string Markdown(IReadOnlyList<BatchJob> jobs, IReadOnlyDictionary<string, BatchResult> results)
    {
        var verified = jobs.Count(j => results.TryGetValue(j.Id, out var r) && r.IsVerified);
        var finished = jobs.Count(j => results.ContainsKey(j.Id));
        var text = new StringBuilder()
            .AppendLine("# Batch summary").AppendLine()
            .AppendLine($"{verified} of {jobs.Count} jobs verified; {finished} finished, {jobs.Count - finished} not run yet.").AppendLine()
            .AppendLine("| job | verdict | area µm² | critical path ns | power mW | reward | time s | LLM calls | tokens | run folder |")
            .AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var job in jobs)
        {
            if (!results.TryGetValue(job.Id, out var r))
            {
                text.AppendLine($"| {job.Id} | not run yet | | | | | | | | |");
                continue;
            }
            text.AppendLine($"| {job.Id} | {r.Verdict} | {N(r.AreaUm2)} | {N(r.CriticalPathNs)} | {N(r.PowerMw)} | {N(r.Reward)} | {N(r.Seconds)} | {r.LlmCalls} | {r.Tokens} | {r.RunFolder} |");
        }
        var problems = jobs.Select(j => results.GetValueOrDefault(j.Id)).Where(r => r is { IsVerified: false, Message: not null }).ToList();
        if (problems.Count > 0)
        {
            text.AppendLine().AppendLine("## Not verified").AppendLine();
            foreach (var r in problems) text.AppendLine($"- **{r!.Id}** ({r.Verdict}): {r.Message}");
        }
        return text.ToString();
    }

    private static string N(double? value) => value is { } v ? Math.Round(v, 3).ToString(CultureInfo.InvariantCulture) : "";
}
