using HwForge.Tools.Foundation.Execution;

namespace HwForge.Tools.Programs.Nextpnr;

/// <summary>How far the FPGA flow got, and if it stopped, why.</summary>
public enum FpgaOutcome
{
    /// <summary>Synthesised, placed and routed: utilisation and timing are final.</summary>
    Routed,

    /// <summary>Yosys rejected the design; <see cref="FpgaReport.Message"/> carries its error.</summary>
    SynthesisFailed,

    /// <summary>The design needs more logic cells, RAM, DSPs or pins than the device and package have.</summary>
    TooBig,

    /// <summary>nextpnr failed for another reason (an unroutable design, an unsupported primitive).</summary>
    PlaceAndRouteFailed,

    /// <summary>A resource limit stopped a tool; <see cref="FpgaReport.Run"/>'s Limit says which (WallClock is a timeout).</summary>
    LimitHit,
}

/// <summary>How much of one kind of resource the design uses, against what the device has.</summary>
public sealed record ResourceUse(int Used, int Available)
{
    public double Fraction => Available == 0 ? 0 : (double)Used / Available;

    public bool Fits => Used <= Available;

    public override string ToString() => $"{Used}/{Available}";
}

/// <summary>
/// The post-route maximum frequency of one clock. <see cref="Clock"/> is the user's net name;
/// <see cref="Net"/> is nextpnr's (<c>clk$SB_IO_IN_$glb_clk</c> once routed through a global buffer).
/// </summary>
public sealed record ClockFmax(string Clock, string Net, double FmaxMhz, double TargetMhz, bool MetTarget);

/// <summary>The result of synthesising for, placing on and routing an iCE40, with the figures a designer asks first.</summary>
public sealed record FpgaReport(
    FpgaOutcome Outcome,
    Ice40Device Device,
    IReadOnlyDictionary<string, ResourceUse> Utilisation,
    IReadOnlyList<ClockFmax> Clocks,
    double? CombinationalDelayNs,
    string Message,
    ToolRunResult Run,
    string ToolVersion,
    bool FromCache)
{
    public bool Routed => Outcome == FpgaOutcome.Routed;

    /// <summary>Out of context: the cells of the kept module alone (SB_LUT4, SB_DFF..., SB_CARRY), from Yosys; null otherwise.</summary>
    public IReadOnlyDictionary<string, int>? ModuleCells { get; init; }

    public bool TimedOut => Run.TimedOut;

    /// <summary>Logic cells (a 4-input LUT plus a flip-flop each): the iCE40's main measure of size.</summary>
    public ResourceUse? LogicCells => Utilisation.GetValueOrDefault("ICESTORM_LC");

    /// <summary>4 kbit block RAMs.</summary>
    public ResourceUse? RamBlocks => Utilisation.GetValueOrDefault("ICESTORM_RAM");

    /// <summary>16x16 multiply-accumulate blocks; null on parts without them (HX).</summary>
    public ResourceUse? DspBlocks => Utilisation.GetValueOrDefault("ICESTORM_DSP");

    /// <summary>IO sites used, against those on the die (the package may bond fewer).</summary>
    public ResourceUse? Io => Utilisation.GetValueOrDefault("SB_IO");

    /// <summary>True when every clock met its target; vacuously true for a design without clocks.</summary>
    public bool MetTiming => Routed && Clocks.All(c => c.MetTarget);

    /// <summary>A few lines for people and prompts: outcome, size, and speed.</summary>
    public string Summary
    {
        get
        {
            if (!Routed) return Message;
            var lines = new List<string> { $"{Device}: {LogicCells} logic cells, {RamBlocks} RAM blocks" + (DspBlocks is { } dsp ? $", {dsp} DSP blocks" : "") + $", {Io} IO" };
            lines.AddRange(Clocks.Select(c => $"clock {c.Clock}: Fmax {c.FmaxMhz:0.##} MHz ({(c.MetTarget ? "meets" : "FAILS")} {c.TargetMhz:0.##} MHz)"));
            if (CombinationalDelayNs is { } delay) lines.Add($"longest input-to-output path: {delay:0.##} ns");
            return string.Join('\n', lines);
        }
    }
}
