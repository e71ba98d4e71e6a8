using HwForge.Agents.Design;
using HwForge.Agents.Reports;
using HwForge.KnowledgeBase;

namespace HwForge.Agents.Knowledge;

/// <summary>
/// Makes HwForge learn from every run: each verified design (spec, code, PPA) and each failure that a repair
/// fixed (the judge's feedback, what changed, the code before and after) goes into the knowledge base, where
/// the next run's prompts find it. The store deduplicates by content, so recording a resumed run again is harmless.
/// </summary>
public sealed class ExperienceRecorder(IKnowledgeStore store)
{
    private readonly ExperienceMemory _memory = new(store);

    public async Task RecordAsync(string runId, DesignSpec spec, IReadOnlyList<JudgedCandidate> history, CancellationToken cancellation)
    {
        var byId = history.ToDictionary(h => h.Proposal.Id);
        foreach (var candidate in history.Where(h => h.Outcome.Verified))
        {
            await _memory.RecordVerifiedDesignAsync(runId, candidate.Proposal.Id, $"{spec.Top}: {spec.Description}",
                candidate.Proposal.Verilog, RunReportBuilder.Describe(candidate.Outcome.Ppa), cancellation);
            if (candidate.Proposal.ParentId is { } parentId && byId.TryGetValue(parentId, out var parent) && !parent.Outcome.Verified
                && candidate.Proposal.Origin == "repair")
            {
                await _memory.RecordRepairAsync(runId, candidate.Proposal.Id, parent.Outcome.Feedback,
                    candidate.Proposal.Notes ?? "repaired", parent.Proposal.Verilog, candidate.Proposal.Verilog, cancellation);
            }
        }
    }
}
