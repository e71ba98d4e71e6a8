using HwForge.Tools.Foundation;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sources;

namespace HwForge.Tools.Programs.Icarus;

/// <summary>
/// Compiles with <c>iverilog -g2012</c> and runs with <c>vvp</c>, as one confined, cacheable step,
/// and maps iverilog's messages back to the user's paths.
/// </summary>
internal static class IcarusSimulation
{
    // Names of HwForge's own files in the work folder. Sources sit in their own folder, so only a data file could take one.
    private const string CompiledImage = "hwforge-sim.vvp";
    private const string CompiledMarker = "hwforge-compiled";

    public static async Task<SimulationReport> RunAsync(
        ToolHost host, ToolVersions versions, IReadOnlyList<SourceFile> sources, string top, IcarusOptions options,
        CancellationToken cancellation = default)
    {
        VerilogNames.RequireTop(top);
        var version = await versions.RequireAsync(IcarusTool.Descriptor, cancellation).ConfigureAwait(false);
        IReadOnlyList<SourceFile> compiled = [.. sources, .. options.Harness];
        RequireDistinctNames(compiled, options.DataFiles);

        var step = new ToolStep(IcarusTool.Descriptor.Name, version, new ToolInvocation("sh", ["-c", Script(compiled, top, options)])
            .WithLimits(ResourceLimits.Default.WithTimeout(options.Timeout)))
        {
            Inputs = [.. compiled.Select(s => InputFile.FromText(s.StagedName, s.Text)), .. options.DataFiles],
            Outputs = [CompiledMarker, .. options.CollectFiles],
        };
        var result = await host.RunAsync(step, cancellation).ConfigureAwait(false);

        var stage = result.Outputs.ContainsKey(CompiledMarker) ? SimulationStage.Simulate : SimulationStage.Compile;
        var byStagedName = compiled.ToDictionary(s => s.StagedName, s => s.Path);
        var diagnostics = IcarusDiagnosticParser.Parse(result.Run.StandardError, file => byStagedName.GetValueOrDefault(file, file));
        var outputs = result.Outputs.Where(o => o.Key != CompiledMarker).ToDictionary(o => o.Key, o => o.Value);
        return new SimulationReport(stage, diagnostics, result.Run, outputs, version, result.FromCache, options.Timeout);
    }

    /// <summary>
    /// Compile, leave a marker, then simulate. iverilog speaks only on stderr, so stderr holds the
    /// compile messages alone; vvp's stderr joins its stdout, so the simulation output is complete and in order.
    /// </summary>
    private static string Script(IReadOnlyList<SourceFile> compiled, string top, IcarusOptions options)
    {
        var plusArgs = options.PlusArgs.Select(a => a.StartsWith('+') ? a : "+" + a);
        return $"iverilog -g2012 -I {SourceFile.Folder} -s {ShellWords.Quote(top)} -o {CompiledImage} {ShellWords.Join(compiled.Select(s => s.StagedName))} || exit $?\n" +
               $": > {CompiledMarker}\n" +
               $"exec vvp -n {CompiledImage} {ShellWords.Join(plusArgs)} 2>&1\n";
    }

    private static void RequireDistinctNames(IReadOnlyList<SourceFile> compiled, IReadOnlyList<InputFile> data)
    {
        var names = compiled.Select(s => s.StagedName).Concat(data.Select(d => d.Name)).ToList();
        var clash = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1)?.Key
            ?? names.FirstOrDefault(n => n is CompiledImage or CompiledMarker);
        if (clash is not null)
            throw new HwForgeException(ProblemKind.InvalidInput, $"two inputs would be staged as '{clash}' (or it is a name HwForge reserves); rename one");
    }
}
