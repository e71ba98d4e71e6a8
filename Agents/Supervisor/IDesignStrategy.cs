using HwForge.Agents.Design;

namespace HwForge.Agents.Supervisor;

/// <summary>
/// Where designs come from: an LLM's roles, or the offline catalog. The supervisor drives either through the
/// same stages, judge, run folder and reports; a strategy only proposes, it never judges.
/// </summary>
public interface IDesignStrategy
{
    /// <summary>Says plainly what is in use, e.g. "offline catalog" or "LLM qwen2.5-coder at http://...".</summary>
    string Description { get; }

    /// <summary>The Architect's step: the request (or spec file) becomes a spec with a reference.</summary>
    Task<DesignSpec> CreateSpecAsync(RunContext context, CancellationToken cancellation);

    /// <summary>The Coder's first candidates; <paramref name="ids"/> are the ids to give them, one per candidate wanted.</summary>
    Task<IReadOnlyList<CandidateProposal>> ProposeAsync(RunContext context, DesignSpec spec, IReadOnlyList<string> ids, CancellationToken cancellation);

    /// <summary>A repaired version of a failed candidate, or null when this strategy cannot repair.</summary>
    Task<CandidateProposal?> RepairAsync(RunContext context, DesignSpec spec, JudgedCandidate failed, string id, CancellationToken cancellation);

    /// <summary>The Optimizer's proposals for one round, knowing every candidate judged so far.</summary>
    Task<IReadOnlyList<CandidateProposal>> OptimizeAsync(RunContext context, DesignSpec spec, IReadOnlyList<JudgedCandidate> history,
        int round, IReadOnlyList<string> ids, CancellationToken cancellation);
}
