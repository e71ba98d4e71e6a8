using HwForge.Tools.Foundation.Diagnostics;

namespace HwForge.Tools.Targets.Rtl.Judge;

public enum FormalStatus
{
    Proven,
    Bounded,
    Counterexample,
    Skipped,
    Unsupported,

    /// <summary>The prover ran out of its time budget: not a verdict on the design, and not "unsupported".</summary>
    TimedOut,
}

/// <summary>What the formal check found; <see cref="Bound"/> is the depth of a bounded check.</summary>
public sealed record FormalResult(FormalStatus Status, int? Bound, string Method, string Detail, Mismatch? Counterexample = null)
{
    public static FormalResult Skipped(string why) => new(FormalStatus.Skipped, null, "none", why);
}

/// <summary>
/// The judge's answer. The verdict comes from HwForge's own comparison of traces and its own
/// proof, never from anything the design printed; <see cref="DecidedBy"/> names the stage that decided.
/// </summary>
public sealed record VerifyReport(
    Verdict Verdict,
    FailureClass FailureClass,
    StageName? DecidedBy,
    string Summary,
    IReadOnlyList<StageResult> Stages,
    Mismatch? FirstMismatch,
    FormalResult Formal,
    IReadOnlyList<Diagnostic> Diagnostics,
    ModuleInterface? Interface,
    IReadOnlyDictionary<string, string> ToolVersions,
    TimeSpan Elapsed)
{
    public bool FromCache { get; init; }

    /// <summary>How strongly "no difference" was shown; <see cref="Targets.Assurance.None"/> unless the verdict is a pass.</summary>
    public Assurance Assurance { get; init; }

    /// <summary>
    /// Exactly what was shown, in words ("formally proven equivalent (IC3/PDR) and matched in 1000 simulated
    /// cycles", "no difference in 20 cycles from reset and 1000 simulated cycles; not proven").
    /// </summary>
    public string Shown { get; init; } = "";

    /// <summary>Verified means proven: no difference was found and a full proof says none exists.</summary>
    public bool Verified => Verdict == Verdict.Pass && Assurance == Assurance.Proven;

    /// <summary>True when no difference was found and it was shown at least as strongly as <paramref name="required"/>.</summary>
    public bool Meets(Assurance required) => Verdict == Verdict.Pass && Assurance >= required && Assurance != Assurance.None;

    /// <summary>The whole verification's time in milliseconds, for programs reading the JSON.</summary>
    public double ElapsedMs => Math.Round(Elapsed.TotalMilliseconds, 1);

    /// <summary>The design's VCD when one was asked for (not cached, not serialised).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public byte[]? Vcd { get; init; }

    /// <summary>No difference was found (at whatever <see cref="Assurance"/>); use <see cref="Verified"/> for "proven".</summary>
    public bool Passed => Verdict == Verdict.Pass;
}
