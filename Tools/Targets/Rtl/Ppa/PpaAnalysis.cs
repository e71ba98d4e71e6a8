using System.Diagnostics;
using HwForge.Tools.Foundation;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs;
using HwForge.Tools.Programs.Nextpnr;
using HwForge.Tools.Programs.OpenSta;
using HwForge.Tools.Programs.Yosys;
using HwForge.Tools.Targets.Rtl.Judge;
using HwForge.Tools.Programs.Liberty;

namespace HwForge.Tools.Targets.Rtl.Ppa;

/// <summary>
/// Measures power, performance and area with real tools: Yosys synthesis mapped to a liberty,
/// OpenSTA for timing and power with switching activity from a simulation of the design; or
/// Yosys and nextpnr for an iCE40; or generic gate counts when no library is wanted.
/// </summary>
public sealed class PpaAnalysis(ToolHost host, ToolVersions versions)
{
    /// <param name="progress">Told a line as each tool's step is done ("synthesis ok: 412 cells"), for a person watching.</param>
    public async Task<PpaReport> MeasureAsync(PpaRequest request, CancellationToken cancellation = default, Action<string>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        if (request.ClockPeriodNs is <= 0 or > 1e6) throw new HwForgeException(ProblemKind.InvalidInput, "the clock period must be a positive number of nanoseconds");
        // The text the judge verified: preprocessed once with no tool macros, so synthesis measures the code simulation saw.
        var canonical = await CanonicalSource.PrepareAsync(host, versions, request.Design, cancellation).ConfigureAwait(false);
        if (!canonical.Succeeded)
            return new PpaReport(request.Top, request.Fpga is null ? "asic" : "fpga", request.Fpga?.Name ?? request.Liberty, false, canonical.Detail,
                new Dictionary<string, string>()) { Elapsed = clock.Elapsed };
        request = request with { Design = canonical.Sources };
        var report = request.Fpga is { } device
            ? await MeasureFpgaAsync(request, device, progress, cancellation).ConfigureAwait(false)
            : await MeasureAsicAsync(request, progress, cancellation).ConfigureAwait(false);
        return report with { Elapsed = clock.Elapsed };
    }

    private async Task<PpaReport> MeasureFpgaAsync(PpaRequest request, Ice40Device device, Action<string>? tell, CancellationToken cancellation)
    {
        if (request.OutOfContext) return await MeasureOutOfContextAsync(request, device, tell, cancellation).ConfigureAwait(false);
        var fpga = await NextpnrIce40.RunAsync(host, versions, request.Design, request.Top, device, 1000 / request.ClockPeriodNs, cancellation).ConfigureAwait(false);
        tell?.Invoke($"place and route on {device} {(fpga.Routed ? "ok" : "FAILED")}");
        return FpgaFigures(request, device, fpga);
    }

    private static PpaReport FpgaFigures(PpaRequest request, Ice40Device device, FpgaReport fpga)
    {
        var tools = new Dictionary<string, string> { ["yosys+nextpnr-ice40"] = fpga.ToolVersion };
        var fmax = fpga.Clocks.Count > 0 ? fpga.Clocks.Min(c => c.FmaxMhz) : (double?)null;
        return new PpaReport(request.Top, "fpga", $"iCE40 {device.Name}", fpga.Routed, fpga.Routed ? null : fpga.Message, tools)
        {
            CellCount = fpga.LogicCells?.Used,
            ClockPeriodNs = request.ClockPeriodNs,
            FmaxMhz = fmax,
            CriticalPathNs = fmax is { } f ? 1000 / f : fpga.CombinationalDelayNs,
            FpgaDetails = fpga,
        };
    }

    /// <summary>
    /// The design inside <see cref="OutOfContextWrapper"/>, kept as its own module so nothing is optimised across its
    /// ports: Fmax is register to register (the wrapper's registers stand in for the pins), the LUTs and flip-flops
    /// are the design's own from Yosys, and the logic-cell total (which includes the wrapper's registers) is said so.
    /// </summary>
    private async Task<PpaReport> MeasureOutOfContextAsync(PpaRequest request, Ice40Device device, Action<string>? tell, CancellationToken cancellation)
    {
        var probe = await InterfaceProbe.RunAsync(host, versions, request.Design, request.Top, cancellation).ConfigureAwait(false);
        if (probe.Interface is not { } module)
            return new PpaReport(request.Top, "fpga", $"iCE40 {device.Name}", false, $"out of context: the design's ports could not be read: {probe.Detail}",
                new Dictionary<string, string>());
        var wrapper = new SourceFile(OutOfContextWrapper.FileName, OutOfContextWrapper.Verilog(module));
        var fpga = await NextpnrIce40.RunAsync(host, versions, [.. request.Design, wrapper], OutOfContextWrapper.Top, device, 1000 / request.ClockPeriodNs,
            timeout: null, keepModule: request.Top, cancellation).ConfigureAwait(false);
        tell?.Invoke($"place and route on {device}, out of context, {(fpga.Routed ? "ok" : "FAILED")}");
        // The wrapper's clock is the design's clock; name it as the user knows it.
        if (module.Clock is { } clock) fpga = fpga with { Clocks = [.. fpga.Clocks.Select(c => c with { Clock = clock })] };
        var report = FpgaFigures(request, device, fpga);
        var cells = fpga.ModuleCells ?? new Dictionary<string, int>();
        var note = $"out of context: {request.Top}'s {module.Ports.Count} ports are kept inside a wrapper ({OutOfContextWrapper.Registers(module)} registers, "
            + "inputs shifted in from one pin, outputs reduced to one parity pin), not assigned to package pins; Fmax is register to register "
            + "with no pad delays, LUTs and flip-flops are the design's own, and the logic-cell total includes the wrapper's registers";
        return report with
        {
            OutOfContext = true,
            OutOfContextNote = note,
            Library = $"iCE40 {device.Name}, out of context",
            CellsByType = cells,
        };
    }

    private async Task<PpaReport> MeasureAsicAsync(PpaRequest request, Action<string>? tell, CancellationToken cancellation)
    {
        var liberty = new LibertyResolver(host.Home).Resolve(request.Liberty);
        var libraryName = liberty?.Name ?? LibertyResolver.Generic;
        var tools = new Dictionary<string, string> { [YosysTool.Descriptor.Name] = await versions.RequireAsync(YosysTool.Descriptor, cancellation).ConfigureAwait(false) };

        // Elaboration (for the clock) and synthesis do not depend on each other.
        var probeTask = InterfaceProbe.RunAsync(host, versions, request.Design, request.Top, cancellation);
        var synthesis = await YosysSynthesis.RunAsync(host, versions, request.Design, request.Top, liberty, cancellation).ConfigureAwait(false);
        tell?.Invoke(synthesis.Succeeded ? $"synthesis ok ({synthesis.Stats!.CellCount} cells, {libraryName})" : "synthesis FAILED");
        if (!synthesis.Succeeded)
            return new PpaReport(request.Top, "asic", libraryName, false, synthesis.Summary(), tools);
        var stats = synthesis.Stats!;
        var report = new PpaReport(request.Top, liberty is null ? "generic" : "asic", libraryName, true, null, tools)
        {
            AreaUm2 = stats.AreaUm2,
            CellCount = stats.CellCount,
            CellsByType = stats.CellsByType,
            LogicDepth = stats.LogicDepth,
            Netlist = synthesis.Netlist,
        };
        if (liberty is null) return report;

        var probe = await probeTask.ConfigureAwait(false);
        var module = probe.Interface;
        var clockPort = request.Clock ?? module?.Clock;
        var (vcd, scope, activitySource) = await ActivityAsync(request, module, cancellation).ConfigureAwait(false);
        tell?.Invoke($"activity ready ({activitySource})");
        // The reset holds still in operation; its paths are not the design's critical path.
        IReadOnlyList<string> staticInputs = module?.Reset is { } reset ? [reset] : [];
        var timing = await OpenStaAnalysis.RunAsync(host, versions, synthesis.Netlist!, request.Top, liberty, clockPort, request.ClockPeriodNs, vcd, scope,
            cancellation, staticInputs).ConfigureAwait(false);
        tools[OpenStaTool.Descriptor.Name] = timing.ToolVersion;
        tell?.Invoke(timing.Succeeded ? "timing and power ok" : "timing and power FAILED");
        if (!timing.Succeeded) return report with { Succeeded = false, Failure = timing.Summary() };
        return report with
        {
            ClockPeriodNs = request.ClockPeriodNs,
            ClockPort = clockPort,
            StaText = timing.Run.StandardOutput,
            CriticalPathNs = timing.CriticalPath?.ArrivalNs,
            CriticalPathFrom = RegisterNames.Of(timing.CriticalPath?.Startpoint, synthesis.Netlist),
            CriticalPathTo = RegisterNames.Of(timing.CriticalPath?.Endpoint, synthesis.Netlist),
            WorstSlackNs = timing.WorstSlackNs,
            FmaxMhz = timing.FmaxMhz,
            TotalPowerW = timing.Power?.TotalW,
            DynamicPowerW = timing.Power is { } p ? p.InternalW + p.SwitchingW : null,
            LeakagePowerW = timing.Power?.LeakageW,
            Activity = timing.Activity.FromVcd ? $"{activitySource}; {timing.Activity.Description}" : timing.Activity.Description,
        };
    }

    /// <summary>The user's VCD, or one from HwForge's own random simulation of the design, or none.</summary>
    private async Task<(string? Vcd, string? Scope, string Source)> ActivityAsync(PpaRequest request, ModuleInterface? module, CancellationToken cancellation)
    {
        if (request.ActivityVcd is { } path)
            return (await File.ReadAllTextAsync(path, cancellation).ConfigureAwait(false), request.ActivityScope, $"switching activity from {path}");
        if (module is null || module.Outputs.Count() == 0) return (null, null, "no simulation");
        var stimulus = StimulusGenerator.Generate(module, request.ActivityCycles, seed: 1);
        var tag = HarnessTag.For(host.Home, request.Design, stimulus);
        var run = await TraceSimulation.RunAsync(host, versions, request.Design, module, stimulus, tag, TimeSpan.FromSeconds(60), wantVcd: true, cancellation, request.ClockPeriodNs).ConfigureAwait(false);
        return run.Vcd is null
            ? (null, null, "the design's own simulation failed")
            : (System.Text.Encoding.UTF8.GetString(run.Vcd), $"{HarnessWriter.ModuleName(tag)}.dut",
               $"switching activity from {request.ActivityCycles} cycles of HwForge's random simulation of the design");
    }
}
