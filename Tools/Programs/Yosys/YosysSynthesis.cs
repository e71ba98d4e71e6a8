using System.Text.RegularExpressions;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs.Liberty;

namespace HwForge.Tools.Programs.Yosys;

/// <summary>
/// Synthesizes a design with Yosys, confined and cached as one step, and reads back cell counts,
/// logic depth and, with a library, area and the mapped netlist that OpenSTA analyses.
/// </summary>
internal static partial class YosysSynthesis
{
    /// <summary>Room for designs of a few hundred thousand gates; a runaway elaboration stops here.</summary>
    public static ResourceLimits DefaultLimits { get; } = ResourceLimits.Default.WithTimeout(TimeSpan.FromMinutes(10));

    public static Task<SynthesisReport> RunAsync(
        ToolHost host, ToolVersions versions, IReadOnlyList<SourceFile> sources, string top, LibertyLibrary? liberty,
        CancellationToken cancellation = default) =>
        RunAsync(host, versions, sources, top, liberty, DefaultLimits, cancellation);

    public static async Task<SynthesisReport> RunAsync(
        ToolHost host, ToolVersions versions, IReadOnlyList<SourceFile> sources, string top, LibertyLibrary? liberty,
        ResourceLimits limits, CancellationToken cancellation = default)
    {
        if (sources.Count == 0) throw new ArgumentException("no design sources given", nameof(sources));
        var version = await versions.RequireAsync(YosysTool.Descriptor, cancellation).ConfigureAwait(false);
        if (!Identifier().IsMatch(top))
            return NotRun(top, liberty, version, $"'{top}' is not a Verilog module name; give the name of the top module, not a file");

        var script = YosysScript.For(sources.Select(s => s.StagedName), top, liberty is not null);
        List<InputFile> inputs = [InputFile.FromText(YosysScript.ScriptFile, script), .. sources.Select(s => InputFile.FromText(s.StagedName, s.Text))];
        if (liberty is not null) inputs.Add(LibertyStaging.Input(liberty));
        var step = new ToolStep(YosysTool.Descriptor.Name, version,
            YosysTool.Script(YosysScript.ScriptFile).WithLimits(limits))
        {
            Inputs = inputs,
            Outputs = [YosysScript.StatFile, YosysScript.AreaFile, YosysScript.DepthFile, YosysScript.NetlistFile],
        };
        var result = await host.RunAsync(step, cancellation).ConfigureAwait(false);
        return Read(result, top, liberty, version, sources, limits);
    }

    private static SynthesisReport Read(
        StepResult result, string top, LibertyLibrary? liberty, string version, IReadOnlyList<SourceFile> sources, ResourceLimits limits)
    {
        var run = result.Run;
        var byStagedName = sources.ToDictionary(s => s.StagedName, s => s.Path);
        var (errors, warnings) = YosysOutputParser.ParseMessages(run.StandardError + "\n" + run.StandardOutput,
            file => byStagedName.GetValueOrDefault(file, file));
        SynthesisReport Failed(SynthesisFailureKind kind, string summary) =>
            new(top, liberty, null, null, new SynthesisFailure(kind, summary, errors), warnings, run, version, result.FromCache);

        if (run.Limit != LimitHit.None) return Failed(SynthesisFailureKind.Limit, $"yosys {run.Describe(limits)}");
        if (errors.FirstOrDefault(e => YosysOutputParser.MissingModule(e.Message) == top) is not null)
            return Failed(SynthesisFailureKind.UnknownTop,
                $"no module named '{top}' in {string.Join(", ", sources.Select(s => s.Path))}; check the top module's name");
        if (errors.FirstOrDefault(e => e.File.Length > 0) is { } located)
            return Failed(SynthesisFailureKind.ParseError, located.ToString());
        if (run.ExitCode != 0 || errors.Count > 0)
            return Failed(SynthesisFailureKind.ToolError, errors.Count > 0
                ? errors[0].Message
                : $"yosys {run.Describe(limits)} without an error message: {Tail(run.StandardError + run.StandardOutput)}");

        var cells = result.OutputText(YosysScript.StatFile) is { } json ? YosysOutputParser.ParseCells(json) : null;
        var depth = result.OutputText(YosysScript.DepthFile) is { } ltp ? YosysOutputParser.ParseDepth(ltp) : null;
        var area = result.OutputText(YosysScript.AreaFile) is { } text ? YosysOutputParser.ParseArea(text) : null;
        var netlist = result.OutputText(YosysScript.NetlistFile);
        if (cells is null || depth is null || (liberty is not null && (area is null || netlist is null)))
            return Failed(SynthesisFailureKind.ToolError,
                "yosys finished but left no statistics (stat.json, depth.txt" + (liberty is null ? "" : ", area.txt, netlist.v") + ")");

        var stats = new SynthesisStats(cells.Value.ByType, cells.Value.Total, depth.Value, area);
        return new SynthesisReport(top, liberty, stats, netlist, null, warnings, run, version, result.FromCache);
    }

    /// <summary>A report for a request refused before Yosys ran (its Run says so).</summary>
    private static SynthesisReport NotRun(string top, LibertyLibrary? liberty, string version, string why) =>
        new(top, liberty, null, null, new SynthesisFailure(SynthesisFailureKind.UnknownTop, why, []), [],
            new ToolRunResult(-1, "", "not run: " + why, TimeSpan.Zero), version, FromCache: false);

    private static string Tail(string text) => text.Length <= 400 ? text.Trim() : "…" + text[^400..].Trim();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_$]*$")]
    private static partial Regex Identifier();
}
