using HwForge.Agents.Design;
using HwForge.Tools.Reward;
using HwForge.Tools.Targets;

namespace HwForge.Agents.Reports;

/// <summary>
/// The outcome of a design run, for people (<c>report.md</c>) and programs (<c>report.json</c>, <c>--json</c>):
/// the best design and how strongly its equivalence was shown, every candidate with its verdict, PPA and reward,
/// the Pareto frontier, and what the design was checked against.
/// </summary>
public sealed record RunReport
{
    public required string RunId { get; init; }

    public required string RunFolder { get; init; }

    /// <summary>One of <see cref="RunStatus"/>: verified only when the best design is proven equivalent.</summary>
    public required string Status { get; init; }

    /// <summary>How strongly the best design's equivalence was shown; none when no candidate passed.</summary>
    public Assurance Assurance { get; init; }

    /// <summary>The judge's words for what was shown of the best design; null when no candidate passed.</summary>
    public string? Shown { get; init; }

    /// <summary>The lowest assurance the run was asked to accept (<c>--accept</c>); null: only a proof is accepted.</summary>
    public Assurance? Accept { get; init; }

    /// <summary>
    /// The best design is good enough for what was asked: proven, or at least <see cref="Accept"/>. The design
    /// command exits 0 only then.
    /// </summary>
    public bool Accepted { get; init; }

    public required string Headline { get; init; }

    public required string Strategy { get; init; }

    public string? Request { get; init; }

    /// <summary>The target the designs are written for (<c>rtl</c>).</summary>
    public string Target { get; init; } = TargetRegistry.DefaultName;

    /// <summary>What the designs were compared on, with units: the target's objectives.</summary>
    public IReadOnlyList<Objective> Objectives { get; init; } = [];

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

    /// <summary>What the reference measured: the baseline improvements are relative to.</summary>
    public TargetMeasurement? Baseline { get; init; }

    public CandidateRow? Best { get; init; }

    /// <summary>
    /// The best design against the reference on the run's objectives; null when either is unmeasured (a C++ golden
    /// model has no PPA). A negative improvement means the optimiser ended worse than the plain reference.
    /// </summary>
    public ImprovementBreakdown? BestVersusReference { get; init; }

    /// <summary>The module the final design is: the best candidate's, which may differ from the spec's default.</summary>
    public string FinalTop => Best?.Top ?? Top;

    public required IReadOnlyList<CandidateRow> Candidates { get; init; }

    /// <summary>Candidates the judge could not finish (a tool failed, the machine ran out of time): neither passed nor failed.</summary>
    public int NotJudged { get; init; }

    /// <summary>Ids of the passing candidates (proven or not) no other passing candidate beats on every objective.</summary>
    public required IReadOnlyList<string> ParetoFrontier { get; init; }

    /// <summary>Path of the best design's main file, inside the run folder.</summary>
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
    string Formal,
    int? FormalBound,
    Assurance Assurance,
    TargetMeasurement? Measurement,
    double Reward,
    bool OnFrontier,
    string Summary,
    string? Top = null);

/// <summary>The values of <see cref="RunReport.Status"/>, which scripts and the batch read.</summary>
public static class RunStatus
{
    /// <summary>The best design is proven equivalent to the reference.</summary>
    public const string Verified = "verified";

    /// <summary>A design passed (no difference found), but none is proven: a bounded check or simulation only.</summary>
    public const string NotProven = "not-proven";

    /// <summary>No candidate passed.</summary>
    public const string NotVerified = "not-verified";

    /// <summary>
    /// No candidate could be judged at all: every one ended in a judge error (a tool failed, the machine ran out of
    /// time), even when asked again. Nothing is known about the designs; the design command exits 2.
    /// </summary>
    public const string NotJudged = "not-judged";
}
