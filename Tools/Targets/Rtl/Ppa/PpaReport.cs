using HwForge.Tools.Programs.Nextpnr;

namespace HwForge.Tools.Targets.Rtl.Ppa;

/// <summary>Area, timing and power of a design, with the tools, versions and library that measured them.</summary>
public sealed record PpaReport(
    string Top,
    string Flow,
    string Library,
    bool Succeeded,
    string? Failure,
    IReadOnlyDictionary<string, string> Tools)
{
    public double? AreaUm2 { get; init; }

    public int? CellCount { get; init; }

    public IReadOnlyDictionary<string, int> CellsByType { get; init; } = new Dictionary<string, int>();

    public int? LogicDepth { get; init; }

    public double? ClockPeriodNs { get; init; }

    public string? ClockPort { get; init; }

    public double? CriticalPathNs { get; init; }

    public double? WorstSlackNs { get; init; }

    public double? FmaxMhz { get; init; }

    public string? CriticalPathFrom { get; init; }

    public string? CriticalPathTo { get; init; }

    public double? TotalPowerW { get; init; }

    public double? DynamicPowerW { get; init; }

    public double? LeakagePowerW { get; init; }

    /// <summary>Where switching activity came from: a VCD (whose), or an assumed rate.</summary>
    public string? Activity { get; init; }

    public FpgaReport? FpgaDetails { get; init; }

    /// <summary>Out-of-context FPGA figures: the design's ports were registers of a wrapper, not pins (see <see cref="OutOfContextNote"/>).</summary>
    public bool OutOfContext { get; init; }

    /// <summary>What out of context means for these figures, in words; null for an in-context run.</summary>
    public string? OutOfContextNote { get; init; }

    /// <summary>The synthesised netlist the figures were measured on (kept out of the JSON report; saved as its own file).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Netlist { get; init; }

    /// <summary>OpenSTA's own output (timing paths, power), kept out of the JSON report; saved as its own file.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? StaText { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>A short account for people.</summary>
    public string Describe()
    {
        if (!Succeeded) return $"{Top}: {Flow} flow failed: {Failure}";
        var parts = new List<string>();
        if (AreaUm2 is { } area) parts.Add($"area {area:0.#} um^2");
        if (OutOfContext && CellsByType.TryGetValue("SB_LUT4", out var luts)) parts.Add($"{luts} LUTs");
        if (CellCount is { } cells) parts.Add($"{cells} cells");
        if (LogicDepth is { } depth) parts.Add($"logic depth {depth}");
        if (CriticalPathNs is { } path) parts.Add($"critical path {path:0.###} ns");
        if (WorstSlackNs is { } slack) parts.Add($"slack {slack:0.###} ns at {ClockPeriodNs} ns");
        if (FmaxMhz is { } fmax) parts.Add($"Fmax {fmax:0.#} MHz");
        if (TotalPowerW is { } power) parts.Add($"power {power * 1e3:0.###} mW");
        return $"{Top} ({Flow}, {Library}): {string.Join(", ", parts)}";
    }
}
