using HwForge.Agents.Design;
using HwForge.Agents.Reports;
using HwForge.Agents.Roles;
using HwForge.Tools.Foundation;
using Microsoft.Extensions.AI;

namespace HwForge.Agents.Supervisor;

/// <summary>
/// Designs with an LLM: the Architect writes the spec and reference (unless the user gave one), the Coder
/// writes and repairs candidates from the judge's feedback, and the Optimizer proposes PPA improvements.
/// </summary>
internal sealed class LlmDesignStrategy(IChatClient chat, string description, IPromptKnowledge? knowledge) : IDesignStrategy
{
    public string Description => description;

    public async Task<DesignSpec> CreateSpecAsync(RunContext context, CancellationToken cancellation)
    {
        if (context.Options.Spec is { HasUserReference: true } given)
        {
            await context.SayAsync("architect", "spec", "the spec file gives the reference; no Architect needed");
            return given.ToUserSpec() with { Target = context.Target.Name };
        }
        var request = context.Options.Request ?? context.Options.Spec?.Request
            ?? throw new HwForgeException(ProblemKind.InvalidInput, "nothing to design: give a request, or a spec file with 'request' or a reference");
        var spec = await new Architect(Call(context), context.Target, knowledge).WriteSpecAsync(request, cancellation);
        await context.SayAsync("architect", "spec", $"spec for **{spec.Top}**: {spec.Description}\n\nThe reference was written by the model: review {string.Join(", ", RunReportBuilder.ReferenceFiles(spec).Split(", ").Select(f => $"`{f}`"))}.");
        return spec;
    }

    public async Task<IReadOnlyList<CandidateProposal>> ProposeAsync(RunContext context, DesignSpec spec, IReadOnlyList<string> ids, CancellationToken cancellation)
    {
        var coder = new Coder(Call(context), context.Target, knowledge);
        var proposals = new List<CandidateProposal>();
        for (var i = 0; i < ids.Count; i++)
        {
            if (context.Budget.Exhausted() is not null) break;
            proposals.Add(await coder.WriteAsync(spec, ids[i], i, cancellation));
        }
        return proposals;
    }

    public async Task<CandidateProposal?> RepairAsync(RunContext context, DesignSpec spec, JudgedCandidate failed, string id, CancellationToken cancellation) =>
        await new Coder(Call(context), context.Target, knowledge).RepairAsync(spec, failed, id, cancellation);

    public async Task<IReadOnlyList<CandidateProposal>> OptimizeAsync(RunContext context, DesignSpec spec, IReadOnlyList<JudgedCandidate> history,
        int round, IReadOnlyList<string> ids, CancellationToken cancellation)
    {
        var optimizer = new Optimizer(Call(context), context.Target, knowledge);
        var proposals = new List<CandidateProposal>();
        for (var i = 0; i < ids.Count; i++)
        {
            if (context.Budget.Exhausted() is not null) break;
            if (await optimizer.ProposeAsync(spec, history, context.Options.Objectives, ids[i], i, cancellation) is { } proposal)
                proposals.Add(proposal);
        }
        return proposals;
    }

    private RoleCall Call(RunContext context) => new(chat, context, knowledge);
}
