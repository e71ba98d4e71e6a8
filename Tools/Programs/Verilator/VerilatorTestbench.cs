using HwForge.Tools.Foundation.Diagnostics;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sources;

namespace HwForge.Tools.Programs.Verilator;

/// <summary>What drives the model: a C++ <c>main</c> around the generated class, or a SystemVerilog testbench module.</summary>
internal enum TestbenchLanguage
{
    Cpp,
    SystemVerilog,
}

/// <summary>How far a testbench got: it failed to build, or it was built and ran.</summary>
internal enum TestbenchStage
{
    Build,
    Run,
}

/// <summary>A Verilator testbench's build and run: diagnostics, the run's output, and files it left.</summary>
internal sealed record TestbenchReport(
    TestbenchStage Stage,
    IReadOnlyList<Diagnostic> Diagnostics,
    ToolRunResult Run,
    IReadOnlyDictionary<string, byte[]> Outputs,
    string ToolVersion,
    bool FromCache)
{
    public bool Built => Stage == TestbenchStage.Run;

    /// <summary>Built, ran to the end, and exited 0.</summary>
    public bool Passed => Built && Run.Succeeded;
}

/// <summary>
/// Builds a Verilator model with a testbench (C++ or SystemVerilog, with <c>--timing</c>) and runs
/// it, as one confined, cacheable step. Building compiles C++, so it takes seconds, not milliseconds:
/// the judge simulates with Icarus; this is for testbenches users and agents bring.
/// </summary>
internal static class VerilatorTestbench
{
    private const string BuildLog = "hwforge-build.log";
    private const string BuiltMarker = "hwforge-built";

    public static async Task<TestbenchReport> RunAsync(
        ToolHost host, ToolVersions versions, IReadOnlyList<SourceFile> sources, string top, SourceFile testbench,
        TestbenchLanguage language, TimeSpan timeout, IReadOnlyList<string>? collectFiles = null, CancellationToken cancellation = default)
    {
        var version = await versions.RequireAsync(VerilatorTool.Descriptor, cancellation).ConfigureAwait(false);
        var files = string.Join(' ', sources.Select(s => ShellWords.Quote(s.StagedName)).Append(ShellWords.Quote(testbench.StagedName)));
        var mode = language == TestbenchLanguage.Cpp ? $"--cc --exe --build --top-module {ShellWords.Quote(top)}" : $"--binary --timing --top-module {ShellWords.Quote(top)}";
        // Build output goes to a log of its own, so what the testbench prints is all that stdout holds.
        var script = $"verilator {mode} -j 2 -Wno-fatal -I{SourceFile.Folder} -Mdir obj -o hwforge-sim {files} > {BuildLog} 2>&1 || exit $?\n" +
                     $": > {BuiltMarker}\nexec ./obj/hwforge-sim\n";
        var step = new ToolStep("verilator-testbench", version, new ToolInvocation("sh", ["-c", script])
            .WithLimits(ResourceLimits.Default.WithTimeout(timeout)))
        {
            Inputs = [.. sources.Append(testbench).Select(s => InputFile.FromText(s.StagedName, s.Text))],
            Outputs = [BuildLog, BuiltMarker, .. collectFiles ?? []],
        };
        var result = await host.RunAsync(step, cancellation).ConfigureAwait(false);
        var log = result.OutputText(BuildLog) ?? result.Run.StandardError;
        var byStagedName = sources.Append(testbench).ToDictionary(s => s.StagedName, s => s.Path);
        Func<string, string> userPath = file => byStagedName.GetValueOrDefault(file, file);
        // Verilator's own messages, then the C++ compiler's: a testbench's mistakes surface in g++.
        IReadOnlyList<Diagnostic> diagnostics = [.. Programs.Gcc.GccDiagnosticParser.Parse(log, userPath), .. VerilatorDiagnosticParser.Parse(log, userPath)];
        if (!result.Outputs.ContainsKey(BuiltMarker) && diagnostics.Count == 0 && log.Trim().Length > 0)
            diagnostics = [new Diagnostic("", 0, 0, Severity.Error, "BUILD", LastLines(log, 8))];
        var outputs = result.Outputs.Where(o => o.Key is not (BuildLog or BuiltMarker)).ToDictionary(o => o.Key, o => o.Value);
        return new TestbenchReport(result.Outputs.ContainsKey(BuiltMarker) ? TestbenchStage.Run : TestbenchStage.Build,
            diagnostics, result.Run, outputs, version, result.FromCache);
    }

    private static string LastLines(string text, int count) =>
        string.Join('\n', text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(count));
}
