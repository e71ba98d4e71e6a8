using System.Globalization;
using System.Text.RegularExpressions;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs.Yosys;

namespace HwForge.Tools.Programs.Nextpnr;

/// <summary>
/// Synthesises with <c>yosys synth_ice40</c> and places and routes with <c>nextpnr-ice40</c>, as one
/// confined, cacheable step, and reads utilisation and post-route Fmax from nextpnr's log.
/// </summary>
internal static partial class NextpnrIce40
{
    // HwForge's own files in the work folder.
    private const string Netlist = "hwforge-netlist.json";
    private const string SynthesisedMarker = "hwforge-synthesised";
    private const string PnrLog = "hwforge-nextpnr.log";
    private const string Stat = "hwforge-stat.txt";

    /// <summary>A fixed seed makes placement, and so the figures, reproducible, which is what lets the cache answer.</summary>
    public const int Seed = 1;

    /// <summary>Runs the flow under the default budget (<see cref="ResourceLimits.Default"/>'s wall clock).</summary>
    public static Task<FpgaReport> RunAsync(
        ToolHost host, ToolVersions versions, IReadOnlyList<SourceFile> sources, string top, Ice40Device device,
        double? targetFreqMhz, CancellationToken cancellation = default) =>
        RunAsync(host, versions, sources, top, device, targetFreqMhz, timeout: null, cancellation);

    /// <summary>Runs the flow; past <paramref name="timeout"/> the report's outcome is <see cref="FpgaOutcome.LimitHit"/>.</summary>
    public static Task<FpgaReport> RunAsync(
        ToolHost host, ToolVersions versions, IReadOnlyList<SourceFile> sources, string top, Ice40Device device,
        double? targetFreqMhz, TimeSpan? timeout, CancellationToken cancellation = default) =>
        RunAsync(host, versions, sources, top, device, targetFreqMhz, timeout, keepModule: null, cancellation);

    /// <summary>
    /// Runs the flow with <paramref name="keepModule"/> synthesised as a module of its own (no optimisation across its
    /// ports) and its cells counted alone in <see cref="FpgaReport.ModuleCells"/>: the out-of-context flow, where
    /// <paramref name="top"/> is a wrapper that keeps the module's ports off the package's pins.
    /// </summary>
    public static async Task<FpgaReport> RunAsync(
        ToolHost host, ToolVersions versions, IReadOnlyList<SourceFile> sources, string top, Ice40Device device,
        double? targetFreqMhz, TimeSpan? timeout, string? keepModule, CancellationToken cancellation = default)
    {
        VerilogNames.RequireTop(top);
        if (keepModule is not null) VerilogNames.RequireTop(keepModule);
        if (targetFreqMhz is <= 0 or double.NaN) throw new ArgumentOutOfRangeException(nameof(targetFreqMhz), "a target frequency must be positive");
        var yosys = await versions.RequireAsync(YosysTool.Descriptor, cancellation).ConfigureAwait(false);
        var nextpnr = await versions.RequireAsync(NextpnrTool.Descriptor, cancellation).ConfigureAwait(false);
        var version = $"yosys {yosys}; nextpnr-ice40 {nextpnr}";

        var limits = ResourceLimits.Default.WithTimeout(timeout ?? ResourceLimits.Default.WallClock);
        var step = new ToolStep(NextpnrTool.Descriptor.Name, version, new ToolInvocation("sh", ["-c", Script(sources, top, device, targetFreqMhz, keepModule)])
            .WithLimits(limits))
        {
            Inputs = [.. sources.Select(s => InputFile.FromText(s.StagedName, s.Text))],
            Outputs = keepModule is null ? [SynthesisedMarker, PnrLog] : [SynthesisedMarker, PnrLog, Stat],
        };
        var result = await host.RunAsync(step, cancellation).ConfigureAwait(false);

        var run = result.Run;
        var synthesised = result.Outputs.ContainsKey(SynthesisedMarker);
        var log = NextpnrLog.Parse(result.OutputText(PnrLog) ?? run.StandardError);
        var (outcome, message) = Classify(run, limits, synthesised, log, device, sources);
        return new FpgaReport(outcome, device, log.Utilisation, log.Clocks, log.CombinationalDelayNs, message, run, version, result.FromCache)
        {
            ModuleCells = keepModule is not null && result.OutputText(Stat) is { } stat ? YosysStat.CellsOf(stat, keepModule) : null,
        };
    }

    /// <summary>
    /// Synthesis, a marker, then place and route. Yosys reads every file as SystemVerilog; <c>-dsp</c>
    /// maps multipliers onto the UP5K's DSP blocks (yosys leaves them in LUTs otherwise). Timing may
    /// fail without failing the run, so a slow design still gets its Fmax.
    /// </summary>
    private static string Script(IReadOnlyList<SourceFile> sources, string top, Ice40Device device, double? targetFreqMhz, string? keepModule)
    {
        var synth = $"synth_ice40 {(device.HasDsp ? "-dsp " : "")}-top {top} -json {Netlist}";
        if (keepModule is not null) synth = $"setattr -mod -set keep_hierarchy 1 {keepModule}; {synth}; tee -q -o {Stat} stat";
        List<string> pnr = [$"--{device.Name}", "--package", device.Package, "--json", Netlist, "--pcf-allow-unconstrained",
            "--seed", Seed.ToString(CultureInfo.InvariantCulture), "--timing-allow-fail", "-q", "-l", PnrLog];
        if (targetFreqMhz is { } freq) pnr.AddRange(["--freq", freq.ToString("0.###", CultureInfo.InvariantCulture)]);
        return $"{YosysTool.ShellCommand(synth, sources.Select(s => s.StagedName))} || exit $?\n" +
               $": > {SynthesisedMarker}\n" +
               $"exec nextpnr-ice40 {ShellWords.Join(pnr)}\n";
    }

    private static (FpgaOutcome, string) Classify(
        ToolRunResult run, ResourceLimits limits, bool synthesised, NextpnrLog log, Ice40Device device, IReadOnlyList<SourceFile> sources)
    {
        var stage = synthesised ? "place and route" : "synthesis";
        if (run.Limit != LimitHit.None) return (FpgaOutcome.LimitHit, $"{stage} on the {device} {run.Describe(limits)}");
        if (!synthesised) return (FpgaOutcome.SynthesisFailed, "synthesis failed: " + YosysErrors(run, sources));
        if (run.ExitCode == 0) return (FpgaOutcome.Routed, "placed and routed");

        var over = log.Utilisation.Where(u => !u.Value.Fits).Select(u => $"{u.Value.Used} {Describe(u.Key)} but the {device} has {u.Value.Available}").ToList();
        if (over.Count > 0)
            return (FpgaOutcome.TooBig, $"the design is too big: it needs {string.Join(", and ", over)}; shrink it or choose a larger device");
        var error = log.Errors.FirstOrDefault() ?? LastLine(run.StandardError) ?? $"nextpnr exited with code {run.ExitCode}";
        if (NoRoomLeft().IsMatch(error))
            return (FpgaOutcome.TooBig, $"the design does not fit the {device}: {error}; it may need more IO pins than the package has");
        return (FpgaOutcome.PlaceAndRouteFailed, $"place and route failed (nextpnr exit code {run.ExitCode}): {error}");
    }

    /// <summary>Yosys's ERROR lines, with the staged file names turned back into the user's paths.</summary>
    private static string YosysErrors(ToolRunResult run, IReadOnlyList<SourceFile> sources)
    {
        var stderr = run.StandardError;
        var byStagedName = sources.ToDictionary(s => s.StagedName, s => s.Path);
        var errors = stderr.Split('\n').Where(l => l.Contains("ERROR:")).Select(l => LocatedFile().Replace(l.Trim(),
            m => byStagedName.GetValueOrDefault(m.Groups["file"].Value, m.Groups["file"].Value) + ":")).ToList();
        return errors.Count > 0 ? string.Join("\n", errors) : $"yosys exited with code {run.ExitCode}: " + (LastLine(stderr) ?? "no message");
    }

    private static string? LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();

    private static string Describe(string resource) => resource switch
    {
        "ICESTORM_LC" => "logic cells",
        "ICESTORM_RAM" => "RAM blocks",
        "ICESTORM_DSP" => "DSP blocks",
        "SB_IO" => "IO sites",
        "SB_GB" => "global buffers",
        _ => resource,
    };

    [GeneratedRegex(@"no BELs remaining|Unable to find a placement location|Unable to place cell")]
    private static partial Regex NoRoomLeft();

    [GeneratedRegex(@"^(?<file>[^:\s]+):(?=\d+: ERROR:)")]
    private static partial Regex LocatedFile();
}
