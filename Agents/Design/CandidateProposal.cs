namespace HwForge.Agents.Design;

/// <summary>
/// A design put forward for judging: its code, where it came from and why. A catalog variant carries its
/// own reference (same function, its own latency); every other candidate is checked against the spec's.
/// </summary>
public sealed record CandidateProposal
{
    public required string Id { get; init; }

    /// <summary>"coder", "repair", "optimizer", or "catalog".</summary>
    public required string Origin { get; init; }

    public required string Top { get; init; }

    public required string Verilog { get; init; }

    public string? ParentId { get; init; }

    /// <summary>What the author says it changed or tried, in a sentence or two.</summary>
    public string? Notes { get; init; }

    public string? ReferenceTop { get; init; }

    public string? ReferenceVerilog { get; init; }

    /// <summary>A catalog variant's parameters (architecture, pipeline stages...).</summary>
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }
}
