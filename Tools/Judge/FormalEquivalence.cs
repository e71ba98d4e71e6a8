using HwForge.Tools.Catalog;
using HwForge.Tools.Execution;
using HwForge.Tools.Sources;
using HwForge.Tools.Yosys;

namespace HwForge.Tools.Judge;

/// <summary>Runs the formal equivalence script, confined, and turns the log into an outcome and a replayable stimulus.</summary>
public static class FormalEquivalence
{
    private const string ScriptFile = "hwforge-formal.ys";

    public static async Task<(FormalOutcome Outcome, Stimulus? Counterexample, bool FromCache)> RunAsync(
        ToolHost host, ToolVersions versions, VerifyRequest request, ModuleInterface module, CancellationToken cancellation)
    {
        var version = await versions.RequireAsync(YosysTool.Descriptor, cancellation).ConfigureAwait(false);
        var referenceFiles = request.Reference.Select(s => $"ref/{s.StagedName}").ToList();
        var designFiles = request.Design.Select(s => $"design/{s.StagedName}").ToList();
        var script = FormalScript.Write(referenceFiles, request.ReferenceTop, designFiles, request.Top, module, request.FormalDepth);
        var step = new ToolStep("yosys-formal", version, new ToolInvocation("yosys", ["-s", ScriptFile])
            .WithLimits(ResourceLimits.Default.WithTimeout(request.FormalTimeout)))
        {
            Inputs =
            [
                .. request.Reference.Select(s => InputFile.FromText($"ref/{s.StagedName}", s.Text)),
                .. request.Design.Select(s => InputFile.FromText($"design/{s.StagedName}", s.Text)),
                InputFile.FromText(ScriptFile, script),
            ],
        };
        var result = await host.RunAsync(step, cancellation).ConfigureAwait(false);
        var log = result.Run.StandardOutput + "\n" + result.Run.StandardError;
        if (result.Run.Limit != LimitHit.None)
            return (new FormalOutcome(FormalStatus.Unsupported, $"yosys {result.Run.Describe(step.Invocation.Limits)}", new Dictionary<int, Dictionary<string, string>>()), null, result.FromCache);

        var outcome = FormalOutputParser.Parse(log, module.IsSequential, request.FormalDepth);
        if (outcome.Status == FormalStatus.Unsupported)
        {
            var error = log.Split('\n').FirstOrDefault(l => l.StartsWith("ERROR:", StringComparison.Ordinal))?.Trim();
            outcome = outcome with { Detail = error ?? outcome.Detail };
        }
        return (outcome, ToStimulus(outcome, module), result.FromCache);
    }

    /// <summary>The counterexample's inputs as a stimulus; unknown bits become 0, as SAT leaves them free.</summary>
    private static Stimulus? ToStimulus(FormalOutcome outcome, ModuleInterface module)
    {
        if (outcome.Status != FormalStatus.Counterexample || outcome.CounterexampleInputs.Count == 0) return null;
        var inputs = module.DrivenInputs;
        var cycles = new List<string[]>();
        foreach (var step in outcome.CounterexampleInputs.Keys.Where(k => k > 0).Order())
        {
            var values = outcome.CounterexampleInputs[step];
            cycles.Add([.. inputs.Select(p => Normalise(values.GetValueOrDefault(p.Name), p.Width))]);
        }
        // A couple of quiet cycles after the last step let a registered difference reach the outputs.
        if (module.IsSequential && cycles.Count > 0) { cycles.Add(cycles[^1]); cycles.Add(cycles[^1]); }
        return cycles.Count == 0 ? null : new Stimulus(inputs, cycles);
    }

    private static string Normalise(string? bits, int width)
    {
        var known = (bits ?? "").Replace('x', '0').Replace('z', '0').Replace('-', '0');
        return known.Length >= width ? known[^width..] : known.PadLeft(width, '0');
    }
}
