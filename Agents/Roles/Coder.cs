using HwForge.Agents.Design;
using Microsoft.Extensions.AI;

namespace HwForge.Agents.Roles;

/// <summary>Writes candidate implementations, and repairs them from the judge's feedback.</summary>
public sealed class Coder(RoleCall call, IPromptKnowledge? knowledge, IReadOnlyList<AIFunction> tools)
{
    // Different temperatures give the first candidates some variety without a second prompt.
    private static readonly float[] Temperatures = [0.2f, 0.6f, 0.9f];

    public async Task<CandidateProposal> WriteAsync(DesignSpec spec, string id, int index, CancellationToken cancellation)
    {
        var context = knowledge is null ? "" : await knowledge.RetrieveAsync($"{spec.Description} verilog", 800, cancellation);
        var user = SpecPrompt.Describe(spec) + (context.Length > 0 ? $"\nRelated examples and knowledge:\n{context}\n" : "")
            + $"\nWrite the module {spec.Top}.";
        var answer = await call.AskAsync("coder", "generate", PromptLibrary.Get("coder"), user,
            new ChatOptions { Temperature = Temperatures[index % Temperatures.Length] }, tools, cancellation);
        return Proposal(id, "coder", spec, answer, null);
    }

    public async Task<CandidateProposal> RepairAsync(DesignSpec spec, JudgedCandidate failed, string id, CancellationToken cancellation)
    {
        var context = knowledge is null ? "" : await knowledge.RetrieveAsync(failed.Outcome.Feedback, 600, cancellation);
        var user = SpecPrompt.Describe(spec)
            + $"\nYour previous design:\n```verilog\n{failed.Proposal.Verilog.TrimEnd()}\n```\n"
            + $"\nThe judge's feedback:\n{failed.Outcome.Feedback}\n"
            + (context.Length > 0 ? $"\nWhat this error usually means:\n{context}\n" : "");
        var answer = await call.AskAsync("coder", "repair", PromptLibrary.Get("repair"), user, new ChatOptions { Temperature = 0.3f }, tools, cancellation);
        return Proposal(id, "repair", spec, answer, failed.Proposal.Id);
    }

    /// <summary>
    /// An answer without code still becomes a candidate: the judge fails it with a clear reason, and the
    /// repair round tells the model what was missing, instead of the run ending on a parse error.
    /// </summary>
    internal static CandidateProposal Proposal(string id, string origin, DesignSpec spec, string answer, string? parent)
    {
        var code = CodeBlocks.Verilog(answer);
        return new CandidateProposal
        {
            Id = id,
            Origin = origin,
            Top = spec.Top,
            Verilog = code ?? $"// The model's answer held no ```verilog block with a module.\n// Its answer began: {FirstLine(answer)}\n",
            ParentId = parent,
            Notes = Notes(answer, code is null),
        };
    }

    private static string Notes(string answer, bool missingCode)
    {
        if (missingCode) return "the answer held no Verilog code block";
        var afterCode = answer[(answer.LastIndexOf("```", StringComparison.Ordinal) + 3)..].Trim();
        return afterCode.Length == 0 ? "no explanation given" : afterCode.Length > 300 ? afterCode[..300] + "…" : afterCode;
    }

    private static string FirstLine(string answer)
    {
        var line = answer.Trim().Split('\n')[0];
        return line.Length > 120 ? line[..120] : line;
    }
}
