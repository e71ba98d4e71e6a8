using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs;
using HwForge.Tools.Programs.Icarus;

namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>A module simulated under the harness: the simulator's report and the trace the harness wrote.</summary>
internal sealed record TraceRun(SimulationReport Report, Trace Trace, byte[]? Vcd);

/// <summary>Runs one module (design or reference) under a generated harness with Icarus, confined.</summary>
internal static class TraceSimulation
{
    private const string VcdFile = "hwforge-design.vcd";

    public static async Task<TraceRun> RunAsync(
        ToolHost host, ToolVersions versions, IReadOnlyList<SourceFile> sources, ModuleInterface module, Stimulus stimulus,
        string tag, TimeSpan timeout, bool wantVcd, CancellationToken cancellation, double cycleNs = 10)
    {
        var harness = HarnessWriter.Write(module, stimulus.Cycles.Count, tag, wantVcd ? VcdFile : null, cycleNs);
        var options = new IcarusOptions
        {
            Harness = [SourceLoader.FromText($"hwforge-harness-{tag}.v", harness)],
            DataFiles = [InputFile.FromText(HarnessWriter.StimulusFile, stimulus.ToMemoryFile())],
            CollectFiles = wantVcd ? [HarnessWriter.TraceFile(tag), VcdFile] : [HarnessWriter.TraceFile(tag)],
            Timeout = timeout,
        };
        var report = await IcarusSimulation.RunAsync(host, versions, sources, HarnessWriter.ModuleName(tag), options, cancellation).ConfigureAwait(false);
        var trace = Trace.Parse(report.OutputText(HarnessWriter.TraceFile(tag)), module.Outputs.Count(), tag);
        return new TraceRun(report, trace, report.Outputs.GetValueOrDefault(VcdFile));
    }
}
