using HwForge.Tools.Verilator;

namespace HwForge.Tools.Judge;

public enum FormalStatus
{
    Proven,
    Bounded,
    Counterexample,
    Skipped,
    Unsupported,
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

    /// <summary>The whole verification's time in milliseconds, for programs reading the JSON.</summary>
    public double ElapsedMs => Math.Round(Elapsed.TotalMilliseconds, 1);

    /// <summary>The design's VCD when one was asked for (not cached, not serialised).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public byte[]? Vcd { get; init; }

    public bool Passed => Verdict == Verdict.Pass;
}
