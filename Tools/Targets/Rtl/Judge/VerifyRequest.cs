using HwForge.Tools.Foundation.Sources;

namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>How hard to try for a formal proof.</summary>
public enum FormalMode
{
    /// <summary>Prove when Yosys can read both designs; otherwise say unsupported and rely on simulation.</summary>
    Auto,

    /// <summary>A design that cannot be checked formally is an error, not a pass.</summary>
    On,

    Off,
}

/// <summary>What to verify against what, and how.</summary>
public sealed record VerifyRequest(IReadOnlyList<SourceFile> Design, string Top, IReadOnlyList<SourceFile> Reference, string ReferenceTop)
{
    /// <summary>
    /// A C++ golden model to verify against instead of RTL (see <see cref="CppGoldenModelAbi"/>);
    /// <see cref="Reference"/> is then empty and the design's own interface is judged.
    /// </summary>
    public SourceFile? ReferenceModel { get; init; }

    /// <summary>Overrides the clock found by use and name.</summary>
    public string? Clock { get; init; }

    /// <summary>Overrides the reset found by use and name.</summary>
    public string? Reset { get; init; }

    /// <summary>With <see cref="Reset"/>: the reset's polarity when it cannot be inferred.</summary>
    public bool? ResetActiveLow { get; init; }

    public int Cycles { get; init; } = 1000;

    public int Seed { get; init; } = 1;

    public FormalMode Formal { get; init; } = FormalMode.Auto;

    /// <summary>Cycles a sequential design is checked from reset when induction does not close.</summary>
    public int FormalDepth { get; init; } = 20;

    /// <summary>Wall-clock limit of the formal check; a design SAT cannot settle in time (a large multiplier, say) is reported unsupported.</summary>
    public TimeSpan FormalTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>When set, the design's simulation writes a VCD, returned in the report.</summary>
    public bool WantVcd { get; init; }

    /// <summary>Wall-clock limit for each simulation (a hanging design is a timeout verdict).</summary>
    public TimeSpan SimulationTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
