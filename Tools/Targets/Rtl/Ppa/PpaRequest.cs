using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs.Nextpnr;

namespace HwForge.Tools.Targets.Rtl.Ppa;

/// <summary>What to measure: an ASIC flow with a liberty (or generic gates), or an iCE40 FPGA flow.</summary>
public sealed record PpaRequest(IReadOnlyList<SourceFile> Design, string Top)
{
    /// <summary><c>osu018</c>, <c>sky130</c>, a .lib/.lib.gz path, or <c>generic</c> (gate counts only).</summary>
    public string Liberty { get; init; } = "osu018";

    /// <summary>When set, the FPGA flow on this device replaces the ASIC flow.</summary>
    public Ice40Device? Fpga { get; init; }

    /// <summary>
    /// FPGA only: place and route the design inside a wrapper that keeps its ports off the pins (inputs from a shift
    /// register, outputs to registers), so the figures are the logic's alone, whatever the package's pin count.
    /// </summary>
    public bool OutOfContext { get; init; }

    public double ClockPeriodNs { get; init; } = 10;

    /// <summary>Overrides the clock found by use and name.</summary>
    public string? Clock { get; init; }

    /// <summary>A VCD of the design to take switching activity from; without it HwForge simulates the design itself.</summary>
    public string? ActivityVcd { get; init; }

    /// <summary>The design's instance in <see cref="ActivityVcd"/> (<c>tb.dut</c>); null picks the first scope with signals.</summary>
    public string? ActivityScope { get; init; }

    /// <summary>Cycles of HwForge's own random simulation used for switching activity.</summary>
    public int ActivityCycles { get; init; } = 500;
}
