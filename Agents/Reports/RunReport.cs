using HwForge.Agents.Design;
using HwForge.Tools.Judge;

namespace HwForge.Agents.Reports;

/// <summary>
/// The outcome of a design run, for people (<c>report.md</c>) and programs (<c>report.json</c>, <c>--json</c>):
/// the best verified design, every candidate with its verdict, PPA and reward, the Pareto frontier, and what
/// the design was verified against.
/// </summary>
public sealed record RunReport
{
    public required string RunId { get; init; }

    public required string RunFolder { get; init; }

    /// <summary>"verified" when a candidate passed the judge, otherwise "not-verified".</summary>
    public required string Status { get; init; }

    public required string Headline { get; init; }

    public required string Strategy { get; init; }

    public string? Request { get; init; }

    public required string Top { get; init; }

    public required string Description { get; init; }

    public required ReferenceOrigin ReferenceOrigin { get; init; }

    /// <summary>A sentence on what the design was checked against, and whether a person should review it.</summary>
    public required string VerifiedAgainst { get; init; }

    /// <summary>True when a model wrote the reference itself: then the reference needs a human look.</summary>
    public bool ReferenceNeedsReview { get; init; }

    public IReadOnlyList<string> Assumptions { get; init; } = [];

    public string? Family { get; init; }

    public IReadOnlyDictionary<string, string>? Parameters { get; init; }

    public PpaSummary? BaselinePpa { get; init; }

    public CandidateRow? Best { get; init; }

    public required IReadOnlyList<CandidateRow> Candidates { get; init; }

    /// <summary>Ids of the verified candidates no other verified candidate beats on every objective.</summary>
    public required IReadOnlyList<string> ParetoFrontier { get; init; }

    /// <summary>Path of the best design's Verilog, inside the run folder.</summary>
    public string? FinalDesign { get; init; }

    public int LlmCalls { get; init; }

    public long Tokens { get; init; }

    public double ElapsedSeconds { get; init; }

    /// <summary>Why the run stopped early, when a budget ran out.</summary>
    public string? StopReason { get; init; }
}

/// <summary>One candidate in the report's table.</summary>
public sealed record CandidateRow(
    string Id,
    string Origin,
    string? ParentId,
    string? Parameters,
    Verdict Verdict,
    FailureClass FailureClass,
    FormalStatus Formal,
    int? FormalBound,
    PpaSummary? Ppa,
    double Reward,
    bool OnFrontier,
    string Summary);
