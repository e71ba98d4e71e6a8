using HwForge.Tools.Catalog;
using HwForge.Tools.Execution;
using HwForge.Tools.Yosys;

namespace HwForge.Tools.Judge;

/// <summary>
/// Runs the equivalence check (Yosys builds the AIGER miter, ABC proves it) as one confined,
/// cacheable step, and turns a counterexample into a stimulus for replay in simulation.
/// </summary>
public static class FormalEquivalence
{
    private const string YosysLog = "hwforge-formal-yosys.log";

    public static async Task<(FormalOutcome Outcome, Stimulus? Counterexample, bool FromCache)> RunAsync(
        ToolHost host, ToolVersions versions, VerifyRequest request, ModuleInterface module, CancellationToken cancellation)
    {
        var version = await versions.RequireAsync(YosysTool.Descriptor, cancellation).ConfigureAwait(false);
        var referenceFiles = request.Reference.Select(s => $"ref/{s.StagedName}").ToList();
        var designFiles = request.Design.Select(s => $"design/{s.StagedName}").ToList();
        var yosys = FormalScript.Yosys(referenceFiles, request.ReferenceTop, designFiles, request.Top, module);
        // Yosys's log goes to a file: only ABC's verdict is on stdout.
        var script = $"yosys -q -l {YosysLog} -s {FormalScript.YosysScriptFile} > /dev/null 2>&1 || {{ echo HWFORGE-YOSYS-FAILED; exit 0; }}\n" +
                     $"exec yosys-abc -c \"{FormalScript.Abc(module, request.FormalDepth)}\"\n";
        var step = new ToolStep("yosys-abc-formal", version, new ToolInvocation("sh", ["-c", script])
            .WithLimits(ResourceLimits.Default.WithTimeout(request.FormalTimeout)))
        {
            Inputs =
            [
                .. request.Reference.Select(s => InputFile.FromText($"ref/{s.StagedName}", s.Text)),
                .. request.Design.Select(s => InputFile.FromText($"design/{s.StagedName}", s.Text)),
                InputFile.FromText(FormalScript.YosysScriptFile, yosys),
            ],
            Outputs = [YosysLog, FormalScript.Map, FormalScript.Counterexample],
        };
        var result = await host.RunAsync(step, cancellation).ConfigureAwait(false);
        if (result.Run.Limit != LimitHit.None)
            return (new FormalOutcome(FormalStatus.Unsupported, null, $"the proof {result.Run.Describe(step.Invocation.Limits)}; large arithmetic (multipliers) is hard for SAT"), null, result.FromCache);
        if (result.Run.StandardOutput.Contains("HWFORGE-YOSYS-FAILED"))
        {
            var log = result.OutputText(YosysLog) ?? "";
            var error = log.Split('\n').LastOrDefault(l => l.StartsWith("ERROR:", StringComparison.Ordinal))?.Trim() ?? "Yosys could not build the miter";
            var detail = error.Contains("select -assert-none") || error.Contains("Assertion failed")
                ? "the design uses latches, negative-edge or several clocks, which the proof does not support"
                : error;
            return (new FormalOutcome(FormalStatus.Unsupported, null, detail), null, result.FromCache);
        }

        var outcome = module.IsSequential
            ? FormalOutputParser.ParseSequential(result.Run.StandardOutput)
            : FormalOutputParser.ParseCombinational(result.Run.StandardOutput);
        var counterexample = outcome.Status == FormalStatus.Counterexample
            ? FormalCounterexample.ToStimulus(result.OutputText(FormalScript.Counterexample), result.OutputText(FormalScript.Map), module)
            : null;
        return (outcome, counterexample, result.FromCache);
    }
}
