using HwForge.Tools.Foundation.Execution;

namespace HwForge.Tools.Programs.OpenSta;

/// <summary>Why timing analysis produced no figures.</summary>
internal enum StaFailureKind
{
    /// <summary>The netlist does not read or link against the library (a cell the library lacks, a syntax error).</summary>
    NetlistError,

    /// <summary>The clock port named is not a port of the design.</summary>
    ClockPortMissing,

    /// <summary>The VCD could not be used (no such scope, no time covered, not a VCD).</summary>
    VcdError,

    /// <summary>OpenSTA reported another error, or left no report.</summary>
    ToolError,

    /// <summary>A resource limit stopped the run; <see cref="ToolRunResult.Limit"/> says which.</summary>
    Limit,
}

internal sealed record StaFailure(StaFailureKind Kind, string Summary, IReadOnlyList<string> Messages);

/// <summary>The worst path: where it starts and ends (as OpenSTA names them) and when its data arrives.</summary>
/// <param name="Startpoint">An instance, or an input port, e.g. <c>_22_</c> or <c>a[3]</c>.</param>
/// <param name="StartpointKind">OpenSTA's note, e.g. <c>rising edge-triggered flip-flop clocked by clk</c>.</param>
/// <param name="ArrivalNs">Data arrival time: clock-to-output plus logic (the critical path delay).</param>
/// <param name="Text">OpenSTA's full path report, for people.</param>
public sealed record CriticalPath(string Startpoint, string StartpointKind, string Endpoint, string EndpointKind, double ArrivalNs, string Text);

/// <summary>Power in watts as OpenSTA splits it; Sequential and Combinational are the group totals.</summary>
internal sealed record PowerBreakdown(double InternalW, double SwitchingW, double LeakageW, double TotalW, double SequentialW, double CombinationalW);

/// <summary>Which switching activity the power figure rests on, said plainly: power means little without it.</summary>
/// <param name="FromVcd">True when input activities were measured from a simulation trace.</param>
/// <param name="DefaultInputActivity">Toggles per clock period assumed for inputs the trace does not cover (all of them without one).</param>
/// <param name="AnnotatedPorts">Input ports whose activity came from the trace (bits, as <c>a[0]</c>).</param>
internal sealed record ActivityUsed(bool FromVcd, double DefaultInputActivity, double DefaultDuty, IReadOnlyList<string> AnnotatedPorts, string Description);

/// <summary>
/// Timing and power of a mapped netlist at one clock period. Fmax is <c>1000 / (period − slack)</c>:
/// for register paths that includes clock-to-output and setup; for a combinational design (virtual
/// clock, zero input and output delays) it is 1000 / the critical path delay.
/// </summary>
internal sealed record TimingReport(
    string Top,
    double ClockPeriodNs,
    string? ClockPort,
    CriticalPath? CriticalPath,
    double? WorstSlackNs,
    PowerBreakdown? Power,
    ActivityUsed Activity,
    StaFailure? Failure,
    IReadOnlyList<string> Warnings,
    ToolRunResult Run,
    string ToolVersion,
    bool FromCache)
{
    public bool Succeeded => Failure is null;

    /// <summary>True when a virtual clock stood in for a missing clock port (in-to-out paths only).</summary>
    public bool Combinational => ClockPort is null;

    /// <summary>The shortest clock period at which the worst path still meets timing.</summary>
    public double? MinPeriodNs => WorstSlackNs is { } slack && CriticalPath is not null ? ClockPeriodNs - slack : null;

    public double? FmaxMhz => MinPeriodNs is > 0 and var period ? 1000.0 / period : null;

    /// <summary>One line for logs and prompts.</summary>
    public string Summary() => Failure is { } failure
        ? $"timing of {Top} failed: {failure.Summary}"
        : CriticalPath is null
            ? $"{Top}: no constrained timing paths; power {Power?.TotalW * 1e3:0.###} mW ({Activity.Description})"
            : $"{Top} at {ClockPeriodNs:0.###} ns: worst slack {WorstSlackNs:0.###} ns, critical path {CriticalPath.ArrivalNs:0.###} ns " +
              $"({CriticalPath.Startpoint} → {CriticalPath.Endpoint}), Fmax {FmaxMhz:0.#} MHz, power {Power?.TotalW * 1e3:0.###} mW ({Activity.Description})";
}
