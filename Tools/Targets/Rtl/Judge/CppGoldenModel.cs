using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs;
using HwForge.Tools.Programs.Gcc;

namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>
/// Runs a C++ golden model as a reference: compiles the user's model with the generated header and
/// main, runs it on the stimulus, and reads back a trace in the Verilog harness's format, so
/// <see cref="TraceComparer"/> compares it like any other. See <see cref="CppGoldenModelAbi.Header"/>
/// for the contract the model implements.
/// </summary>
internal static class CppGoldenModel
{
    private const string Binary = "hwforge-model";
    private const string CompiledMarker = "hwforge-compiled";
    private const int CompilerLinesShown = 25;
    private const int OutputCharsShown = 1500;

    private static string TraceFile => HarnessWriter.TraceFile(CppGoldenModelAbi.Tag);

    /// <summary>
    /// Compiles and runs the model in one confined, cached step; the timeout covers both. Failures
    /// (compile errors, crashes, hangs, an interface C++ cannot model) come back as data.
    /// </summary>
    public static async Task<CppModelResult> RunAsync(
        ToolHost host, ToolVersions versions, SourceFile model, ModuleInterface module, Stimulus stimulus,
        TimeSpan timeout, CancellationToken cancellation)
    {
        if (CppGoldenModelAbi.Unsupported(module) is { } reason) return CppModelResult.Refused(reason);
        var version = await versions.RequireAsync(CompilerTools.Gxx, cancellation).ConfigureAwait(false);

        var cycles = stimulus.Cycles.Count;
        var step = new ToolStep("g++-golden-model", version, new ToolInvocation("sh", ["-c", Script(model.StagedName)])
            .WithLimits(ResourceLimits.Default.WithTimeout(timeout)))
        {
            Inputs =
            [
                InputFile.FromText(CppGoldenModelAbi.HeaderFile, CppGoldenModelAbi.Header(module)),
                InputFile.FromText(CppGoldenModelAbi.MainFile, CppGoldenModelAbi.Main(module, cycles, HarnessWriter.StimulusFile, TraceFile)),
                InputFile.FromText(HarnessWriter.StimulusFile, stimulus.ToMemoryFile()),
                InputFile.FromText(model.StagedName, model.Text),
            ],
            Outputs = [CompiledMarker, TraceFile],
        };
        var result = await host.RunAsync(step, cancellation).ConfigureAwait(false);
        var run = result.Run;
        var trace = Trace.Parse(result.OutputText(TraceFile), module.Outputs.Count(), CppGoldenModelAbi.Tag);
        var limits = step.Invocation.Limits;

        if (!result.Outputs.ContainsKey(CompiledMarker))
        {
            return run.Limit != LimitHit.None
                ? new(CppModelFailure.Limit, trace, $"compiling the golden model {run.Describe(limits)}", run, result.FromCache)
                : new(CppModelFailure.Compile, trace, $"the golden model {model.Path} did not compile:\n{FirstLines(run.StandardError)}", run, result.FromCache);
        }
        var progress = $"after {trace.Cycles.Count} of {cycles} cycles";
        if (run.Limit == LimitHit.WallClock)
            return new(CppModelFailure.Limit, trace, $"the golden model stopped {progress}: it {run.Describe(limits)}; does hwforge_step loop forever?", run, result.FromCache);
        if (run.Limit != LimitHit.None)
            return new(CppModelFailure.Limit, trace, $"the golden model stopped {progress}: it {run.Describe(limits)}", run, result.FromCache);
        if (run.ExitCode != 0)
            return new(CppModelFailure.Crash, trace, $"the golden model stopped {progress}: it {run.Describe(limits)}{SignalHint(run.ExitCode)}{Said(run)}", run, result.FromCache);
        if (!trace.Complete || trace.Cycles.Count != cycles)
            return new(CppModelFailure.Crash, trace, $"the golden model ended the program {progress}; does it call exit()?{Said(run)}", run, result.FromCache);
        return new(CppModelFailure.None, trace, $"the golden model ran {cycles} cycles", run, result.FromCache);
    }

    /// <summary>
    /// Compile, leave a marker, then run. g++ speaks only on stderr, so stderr holds the compile
    /// messages alone; the model's own stderr joins its stdout. <c>-x c++</c> so a <c>.c</c> or
    /// <c>.cc</c> name still compiles as C++. The model is staged in the sources' folder, where no
    /// HwForge file is, and finds the generated header through <c>-I.</c>.
    /// </summary>
    private static string Script(string modelFile)
    {
        return $"{CompilerTools.CompileCxx17Command(Binary, CppGoldenModelAbi.MainFile, modelFile)} || exit $?\n" +
               $": > {CompiledMarker}\n" +
               $"exec ./{Binary} 2>&1\n";
    }

    private static string FirstLines(string text)
    {
        var lines = text.Trim().Split('\n');
        var shown = string.Join('\n', lines.Take(CompilerLinesShown));
        return lines.Length > CompilerLinesShown ? $"{shown}\n… ({lines.Length - CompilerLinesShown} more lines)" : shown;
    }

    private static string Said(ToolRunResult run)
    {
        var output = run.StandardOutput.Trim();
        if (output.Length == 0) return "";
        return output.Length > OutputCharsShown ? $"; it printed, at the end:\n…{output[^OutputCharsShown..]}" : $"; it printed:\n{output}";
    }

    /// <summary>A shell reports death by signal n as exit code 128 + n; name the common ones.</summary>
    private static string SignalHint(int exitCode) => exitCode switch
    {
        134 => " (SIGABRT: an assert or an uncaught exception?)",
        136 => " (SIGFPE: a division by zero?)",
        139 => " (SIGSEGV: a bad pointer or array index?)",
        _ => "",
    };
}
