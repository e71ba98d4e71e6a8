using HwForge.Agents.Design;
using HwForge.Agents.Reports;
using HwForge.KnowledgeBase;
using HwForge.Tools.Targets;

namespace HwForge.Agents.Knowledge;

/// <summary>
/// Makes HwForge learn from every run: each verified design (spec, code, PPA, and the proof) and each failure
/// that a repair fixed (the judge's feedback, what changed, the code before and after, and how strongly the fix
/// was shown) goes into the knowledge base, where the next run's prompts find it. Only a proven design is
/// recorded as a verified design: one that is only bounded or simulated could be subtly wrong (or forged), and
/// a prompt would hand it to the next model as an example to copy. The store deduplicates by content, so
/// recording a resumed run again is harmless.
/// </summary>
internal sealed class ExperienceRecorder(IKnowledgeStore store)
{
    private readonly ExperienceMemory _memory = new(store);

    public async Task RecordAsync(string runId, DesignSpec spec, IReadOnlyList<JudgedCandidate> history, string fence, CancellationToken cancellation)
    {
        var byId = history.ToDictionary(h => h.Proposal.Id);
        foreach (var candidate in history.Where(h => h.Outcome.Passed))
        {
            var outcome = candidate.Outcome;
            if (outcome.Verified)
                await _memory.RecordVerifiedDesignAsync(runId, candidate.Proposal.Id, $"{spec.Top}: {spec.Description}",
                    candidate.Proposal.MainText, RunReportBuilder.Describe(outcome.Measurement), Shown(outcome), cancellation, fence);
            // The failure a repair fixed was real whatever the strength of the fix's pass; the result line says which.
            if (candidate.Proposal.ParentId is { } parentId && byId.TryGetValue(parentId, out var parent) && !parent.Outcome.Passed
                && candidate.Proposal.Origin == "repair")
            {
                await _memory.RecordRepairAsync(runId, candidate.Proposal.Id, parent.Outcome.Feedback,
                    candidate.Proposal.Notes ?? "repaired", parent.Proposal.MainText, candidate.Proposal.MainText, Result(outcome), cancellation, fence);
            }
        }
    }

    private static string Result(CandidateOutcome outcome) => outcome.Verified
        ? $"verified, {Shown(outcome)}"
        : $"no difference found, NOT PROVEN ({AssuranceText.Word(outcome.Assurance)}): {Shown(outcome)}";

    private static string Shown(CandidateOutcome outcome) => outcome.Shown.Length > 0 ? outcome.Shown : outcome.Summary;
}
