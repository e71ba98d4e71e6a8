using HwForge.Agents.Design;
using HwForge.Tools.Targets;

namespace HwForge.Agents.Roles;

/// <summary>Writes candidate implementations, and repairs them from the judge's feedback.</summary>
internal sealed class Coder(RoleCall call, ITarget target, IPromptKnowledge? knowledge)
{
    // Different temperatures give the first candidates some variety without a second prompt.
    private static readonly float[] Temperatures = [0.2f, 0.6f, 0.9f];

    public async Task<CandidateProposal> WriteAsync(DesignSpec spec, string id, int index, CancellationToken cancellation)
    {
        var context = knowledge is null ? "" : await knowledge.RetrieveAsync($"{spec.Description} {target.Prompts.SearchTerms}", 800, cancellation);
        var user = SpecPrompt.Describe(target, spec) + (context.Length > 0 ? $"\nRelated examples and knowledge:\n{context}\n" : "")
            + $"\n{target.Prompts.Ask(spec.Top)}";
        var answer = await call.AskAsync("coder", "generate", target.Prompts.System("coder"), user,
            Temperatures[index % Temperatures.Length], withTools: true, cancellation);
        return Proposal(target, id, "coder", spec, answer, null);
    }

    public async Task<CandidateProposal> RepairAsync(DesignSpec spec, JudgedCandidate failed, string id, CancellationToken cancellation)
    {
        var context = knowledge is null ? "" : await knowledge.RetrieveAsync(failed.Outcome.Feedback, 600, cancellation);
        var user = SpecPrompt.Describe(target, spec)
            + $"\nYour previous design:\n{SpecPrompt.Fenced(target, failed.Proposal.Design)}"
            + $"\nThe judge's feedback:\n{failed.Outcome.Feedback}\n"
            + (context.Length > 0 ? $"\nWhat this error usually means:\n{context}\n" : "");
        var answer = await call.AskAsync("coder", "repair", target.Prompts.System("repair"), user, 0.3f, withTools: true, cancellation);
        return Proposal(target, id, "repair", spec, answer, failed.Proposal.Id);
    }

    /// <summary>
    /// An answer without code still becomes a candidate: the judge fails it with a clear reason, and the
    /// repair round tells the model what was missing, instead of the run ending on a parse error.
    /// </summary>
    internal static CandidateProposal Proposal(ITarget target, string id, string origin, DesignSpec spec, string answer, string? parent)
    {
        var found = target.ReadAnswer(answer, spec.Top);
        return new CandidateProposal
        {
            Id = id,
            Origin = origin,
            Design = found.Design ?? new DesignArtifact(target.Name, spec.Top, []),
            ParentId = parent,
            Notes = found.Problem is { } problem ? $"{problem}; the answer began: {FirstLine(answer)}" : Notes(answer),
        };
    }

    private static string Notes(string answer)
    {
        var afterCode = answer[(answer.LastIndexOf("```", StringComparison.Ordinal) + 3)..].Trim();
        return afterCode.Length == 0 ? "no explanation given" : afterCode.Length > 300 ? afterCode[..300] + "…" : afterCode;
    }

    private static string FirstLine(string answer)
    {
        var line = answer.Trim().Split('\n')[0];
        return line.Length > 120 ? line[..120] : line;
    }
}
