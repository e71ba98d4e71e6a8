using HwForge.Tools.Foundation.Diagnostics;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sources;

namespace HwForge.Tools.Programs.Verilator;

/// <summary>The outcome of linting: typed diagnostics, the raw run, and the tool version that produced them.</summary>
public sealed record LintReport(IReadOnlyList<Diagnostic> Diagnostics, ToolRunResult Run, string ToolVersion, bool FromCache)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error) || (Run.ExitCode != 0 && Run.Limit == LimitHit.None && !Diagnostics.Any());

    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
}

/// <summary>
/// Runs <c>verilator --lint-only -Wall</c> confined, and maps messages back to the user's paths.
/// What Verilator cannot handle is kept, in its words, as a warning: lint judges the design, and
/// Icarus and Yosys still read what Verilator could not.
/// </summary>
public static class VerilatorLint
{
    /// <summary>Warnings that say nothing about the design's behaviour; they would drown the useful ones.</summary>
    private static readonly string[] QuietWarnings = ["-Wno-DECLFILENAME", "-Wno-EOFNEWLINE"];

    public static async Task<LintReport> RunAsync(
        ToolHost host, ToolVersions versions, IReadOnlyList<SourceFile> sources, string? top,
        CancellationToken cancellation = default)
    {
        var version = await versions.RequireAsync(VerilatorTool.Descriptor, cancellation).ConfigureAwait(false);
        // Sources are staged in their own folder; their includes are found there.
        // --timing: read delays and event controls as simulators do; without it Verilator 5 stops at
        // an old-style `q <= #1 d` with NEEDTIMINGOPT, an option it wants, not a fault of the design.
        List<string> args = ["--lint-only", "-Wall", "-Wno-fatal", "--timing", $"-I{SourceFile.Folder}", .. QuietWarnings];
        if (top is not null) args.AddRange(["--top-module", top]);
        args.AddRange(sources.Select(s => s.StagedName));

        var step = new ToolStep(VerilatorTool.Descriptor.Name, version, VerilatorTool.Invocation(args)
            .WithLimits(ResourceLimits.Default.WithTimeout(TimeSpan.FromSeconds(60))))
        {
            Inputs = [.. sources.Select(s => InputFile.FromText(s.StagedName, s.Text))],
        };
        var result = await host.RunAsync(step, cancellation).ConfigureAwait(false);
        var byStagedName = sources.ToDictionary(s => s.StagedName, s => s.Path);
        var diagnostics = VerilatorDiagnosticParser.Parse(result.Run.StandardError + result.Run.StandardOutput,
                file => byStagedName.GetValueOrDefault(file, file))
            .Select(d => d.Severity == Severity.Error && VerilatorDiagnosticParser.IsToolLimitation(d) ? d with { Severity = Severity.Warning } : d)
            .ToList();
        return new LintReport(diagnostics, result.Run, version, result.FromCache);
    }
}
