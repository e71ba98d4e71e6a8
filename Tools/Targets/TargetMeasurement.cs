using HwForge.Tools.Reward;

namespace HwForge.Tools.Targets;

/// <summary>
/// What a target measured on a design: a figure per objective it declares (what the reward and the frontier
/// compare), further figures people read (cells, fmax), where they came from, and the target's full report.
/// </summary>
public sealed record TargetMeasurement
{
    /// <summary>False when the measuring tools failed; <see cref="Problem"/> says why.</summary>
    public required bool Succeeded { get; init; }

    public string? Problem { get; init; }

    /// <summary>The figures the objectives compare, by objective name.</summary>
    public PpaMetrics Metrics { get; init; } = PpaMetrics.Unmeasured;

    /// <summary>The unit of each figure in <see cref="Metrics"/> and <see cref="Details"/>, so a reader needs no target to show them.</summary>
    public IReadOnlyDictionary<string, string> Units { get; init; } = new Dictionary<string, string>();

    /// <summary>Other figures worth showing, by name with their unit ("cells", "fmax MHz").</summary>
    public IReadOnlyDictionary<string, double> Details { get; init; } = new Dictionary<string, double>();

    /// <summary>Where the figures came from ("osu018 liberty, vector-based activity").</summary>
    public string Basis { get; init; } = "";

    /// <summary>The target's full report, written beside the candidate (not carried in outcomes).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public object? Report { get; init; }

    /// <summary>Files the measuring tools made that people may want (a netlist, a timing report), by file name; written beside the candidate.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>();

    // Value equality over the figures (the maps compared by content), so a measurement read back from JSON
    // equals the one written; the full report is not part of it.
    public bool Equals(TargetMeasurement? other) =>
        other is not null && Succeeded == other.Succeeded && Problem == other.Problem && Basis == other.Basis
        && Metrics.Equals(other.Metrics) && Same(Details, other.Details) && Same(Units, other.Units);

    public override int GetHashCode() => HashCode.Combine(Succeeded, Problem, Basis, Metrics);

    private static bool Same<T>(IReadOnlyDictionary<string, T> a, IReadOnlyDictionary<string, T> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && EqualityComparer<T>.Default.Equals(v, p.Value));
}
