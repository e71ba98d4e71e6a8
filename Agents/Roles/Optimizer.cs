using System.Globalization;
using System.Text;
using HwForge.Agents.Design;
using HwForge.Tools.Reward;
using HwForge.Tools.Targets;

namespace HwForge.Agents.Roles;

/// <summary>
/// Reads the measurements of the candidates that passed and proposes micro-architectural changes toward the objectives.
/// Its proposals are judged like any other; only passing improvements can win, and a proven one beats any unproven one.
/// </summary>
internal sealed class Optimizer(RoleCall call, ITarget target, IPromptKnowledge? knowledge)
{
    public async Task<CandidateProposal?> ProposeAsync(DesignSpec spec, IReadOnlyList<JudgedCandidate> history, ObjectiveWeights weights,
        string id, int index, CancellationToken cancellation)
    {
        var passed = history.Where(h => h.Outcome.Passed).OrderByDescending(h => h.Outcome.Reward).ToList();
        if (passed.Count == 0) return null;
        var best = passed[0];
        var goal = Goal(weights);
        var context = knowledge is null ? "" : await knowledge.RetrieveAsync($"reduce {goal} {spec.Description}", 600, cancellation);
        var objectives = target.Objectives;
        // A target that declares no objectives (HLS: estimates are never objectives) still measures figures; the model
        // sees them as the measurement names them, estimates labelled as such.
        var figures = objectives.Count > 0 ? string.Join(", ", objectives.Select(o => $"{o.Description} {o.Unit}")) : "figures as measured";
        var user = new StringBuilder(SpecPrompt.Describe(target, spec))
            .AppendLine(CultureInfo.InvariantCulture, $"\nObjective: lower {goal}.")
            .AppendLine($"\nCandidates that passed so far ({figures}, reward, how it was shown):");
        // The model is told which passes are proofs: an unproven design is no example of a verified one.
        foreach (var v in passed.Take(8))
            user.AppendLine(FormattableString.Invariant($"- {v.Proposal.Id}: {Figures(v.Outcome)}, {v.Outcome.Reward:0.###}, {Shown(v.Outcome)}") + (v.Proposal.Notes is { } n ? $" ({n})" : ""));
        user.AppendLine($"\nThe best so far ({best.Proposal.Id}):\n{SpecPrompt.Fenced(target, best.Proposal.Design).TrimEnd()}");
        if (context.Length > 0) user.AppendLine($"\nTechniques that may apply:\n{context}");
        if (index > 0) user.AppendLine($"\nThis is proposal {index + 1} of the round: try a different change from the obvious first one.");
        var answer = await call.AskAsync("optimizer", "optimize", target.Prompts.System("optimizer"), user.ToString(),
            0.5f + 0.2f * (index % 3), withTools: true, cancellation);
        return Coder.Proposal(target, id, "optimizer", spec, answer, best.Proposal.Id);
    }

    private static string Shown(CandidateOutcome outcome) =>
        outcome.Verified ? "proven" : $"{HwForge.Tools.Targets.AssuranceText.Word(outcome.Assurance)}, not proven";

    private string Figures(CandidateOutcome outcome) => target.Objectives.Count > 0
        ? string.Join(", ", target.Objectives.Select(o => Figure(outcome.Metrics[o])))
        : Reports.RunReportBuilder.Describe(outcome.Measurement);

    private static string Figure(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "?";

    private string Goal(ObjectiveWeights weights)
    {
        var parts = target.Objectives.Where(o => weights[o] > 0).Select(o => o.Name).ToList();
        // A target that measures nothing yet (HLS today) still gets a goal: a correct design.
        return parts.Count > 0 ? string.Join(" and ", parts) : target.Objectives.Count > 0 ? target.Objectives[0].Name : "correctness";
    }
}
