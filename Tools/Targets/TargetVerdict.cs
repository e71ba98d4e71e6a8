namespace HwForge.Tools.Targets;

/// <summary>
/// A target's judgement of one candidate against its reference, in the words every layer above understands:
/// the verdict, why it failed, how strongly a pass was shown, and the first difference. <see cref="Report"/> is
/// the target's own full report (stages, diagnostics, traces), written beside the candidate for people.
/// </summary>
public sealed record TargetVerdict
{
    public required Verdict Verdict { get; init; }

    public required FailureClass FailureClass { get; init; }

    /// <summary>The stage that decided, in the target's words ("simulation", "formal"); null when set-up failed.</summary>
    public string? DecidedBy { get; init; }

    public required string Summary { get; init; }

    /// <summary>How strongly "no difference" was shown; <see cref="Targets.Assurance.None"/> unless it passed.</summary>
    public Assurance Assurance { get; init; }

    /// <summary>Exactly what was shown, in words.</summary>
    public string Shown { get; init; } = "";

    /// <summary>The first difference from the reference, described ("cycle 17, output y: expected 0x3, got 0x1").</summary>
    public string? FirstMismatch { get; init; }

    /// <summary>Share of the checked steps (cycles, calls) that matched before the first difference, in [0, 1].</summary>
    public double? MatchedFraction { get; init; }

    /// <summary>How the formal check ended, in the target's words ("proven", "bounded", "skipped"…); null when it has none.</summary>
    public string? Formal { get; init; }

    /// <summary>The depth of a bounded formal check.</summary>
    public int? FormalBound { get; init; }

    public bool FromCache { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>The target's full report, serialised as is into the candidate's <c>verify.json</c>.</summary>
    public required object Report { get; init; }

    /// <summary>
    /// What the target estimates of a passing design without measuring it, in words that say so (CUDA: the problem's
    /// roofline bound per size); null when it estimates nothing.
    /// </summary>
    public string? Estimated { get; init; }

    /// <summary>
    /// What a real compiler says of the design without running it, labelled static (CUDA: each kernel's registers,
    /// spills, shared memory and occupancy bound, from ptxas); null when no such figures were made.
    /// </summary>
    public string? Static { get; init; }

    public bool Passed => Verdict == Verdict.Pass;

    /// <summary>Verified means proven.</summary>
    public bool Verified => Passed && Assurance == Assurance.Proven;
}
