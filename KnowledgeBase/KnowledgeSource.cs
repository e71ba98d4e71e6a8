namespace HwForge.KnowledgeBase;

/// <summary>
/// Where a chunk came from: a file, or the run and candidate that produced it. Every hit names one,
/// so an agent (or a person) can check the claim.
/// </summary>
public sealed record KnowledgeSource(string? Path, string? RunId = null, string? CandidateId = null)
{
    public static KnowledgeSource File(string path) => new(path);

    public static KnowledgeSource Run(string runId, string candidateId) => new(null, runId, candidateId);

    public override string ToString() => Path ?? $"run {RunId}, candidate {CandidateId}";
}

/// <summary>One retrievable piece of text with its heading path as title.</summary>
public sealed record KnowledgeChunk(string Title, string Text, KnowledgeSource Source, KnowledgeKind Kind);

/// <summary>A chunk found by a search; a higher score is a better match (scores compare within one search only).</summary>
public sealed record KnowledgeHit(string Title, string Text, KnowledgeSource Source, KnowledgeKind Kind, double Score);
