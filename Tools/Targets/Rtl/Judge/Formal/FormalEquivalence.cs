using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Programs;
using HwForge.Tools.Programs.Yosys;

namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>
/// Runs the equivalence check as two confined steps: Yosys writes an AIGER model of each side, the
/// miter is joined here (<see cref="EquivalenceMiter"/>), and ABC's engines answer within the budget
/// (a combinational miter with few input bits is enumerated here instead: <see cref="ExhaustiveCheck"/>).
/// A counterexample becomes a stimulus for replay in simulation.
/// </summary>
internal static class FormalEquivalence
{
    private const string YosysLog = "hwforge-formal-yosys.log";

    public static async Task<(FormalOutcome Outcome, Stimulus? Counterexample, bool FromCache)> RunAsync(
        ToolHost host, ToolVersions versions, VerifyRequest request, ModuleInterface module, CancellationToken cancellation)
    {
        var version = await versions.RequireAsync(YosysTool.Descriptor, cancellation).ConfigureAwait(false);
        var budget = Budget(request);
        var referenceFiles = request.Reference.Select(s => $"ref/{s.StagedName}").ToList();
        var designFiles = request.Design.Select(s => $"design/{s.StagedName}").ToList();
        var export = new ToolStep("yosys-formal-model", version,
            YosysTool.Script(FormalScript.YosysScriptFile, YosysLog)
                .WithLimits(ResourceLimits.Default.WithTimeout(budget)))
        {
            Inputs =
            [
                .. request.Reference.Select(s => InputFile.FromText($"ref/{s.StagedName}", s.Text)),
                .. request.Design.Select(s => InputFile.FromText($"design/{s.StagedName}", s.Text)),
                InputFile.FromText(RippleCarryMap.FileName, RippleCarryMap.Verilog),
                InputFile.FromText(FormalScript.YosysScriptFile, FormalScript.Yosys(referenceFiles, request.ReferenceTop, designFiles, request.Top, module)),
            ],
            Outputs = [YosysLog, FormalScript.Model("gold"), FormalScript.ModelMap("gold"), FormalScript.Model("gate"), FormalScript.ModelMap("gate")],
        };
        var models = await host.RunAsync(export, cancellation).ConfigureAwait(false);
        if (models.Run.Limit != LimitHit.None)
            return (new FormalOutcome(FormalStatus.TimedOut, null, $"building the formal model {models.Run.Describe(export.Invocation.Limits)}"), null, false);
        if (models.OutputText(FormalScript.Model("gold")) is not { } goldText || models.OutputText(FormalScript.Model("gate")) is not { } gateText)
            return (new FormalOutcome(FormalStatus.Unsupported, null, YosysProblem(models.OutputText(YosysLog) ?? models.Run.StandardError)), null, models.FromCache);

        EquivalenceMiter.Result miter;
        try
        {
            miter = EquivalenceMiter.Build(
                AsciiAiger.Parse(goldText, models.OutputText(FormalScript.ModelMap("gold")) ?? ""),
                AsciiAiger.Parse(gateText, models.OutputText(FormalScript.ModelMap("gate")) ?? ""), module);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException)
        {
            return (new FormalOutcome(FormalStatus.Unsupported, null, $"the formal model could not be built: {e.Message}"), null, models.FromCache);
        }

        var sequential = miter.Latches > 0;
        budget = GrownWithModel(budget, miter.Graph);
        // Each output word, its bits weighted 2^k, rewritten from the outputs back to the inputs as a polynomial:
        // equal polynomials are a proof, for any number of input bits (two 16×16 multipliers). It settles arithmetic
        // in a second where 2^28 patterns take several, so past 24 input bits it goes first; below, enumeration does.
        async Task<(FormalOutcome, Stimulus?, bool)?> RewriteWordsAsync()
        {
            if (miter.OutputWords.Count != module.Outputs.Count()) return null;
            var clock = DateTime.UtcNow;
            var words = await Task.Run(() => OutputWordProof.Run(miter, budget / 3, cancellation), cancellation).ConfigureAwait(false);
            if (words.Proven)
                return (new FormalOutcome(FormalStatus.Proven, null,
                    "proven for all inputs by algebraic rewriting: each output word, its bits weighted by their place, was rewritten gate by gate " +
                    "into a polynomial over the inputs, and the two sides' polynomials are identical"), null, false);
            if (words.Witness is { } witness)
                return (new FormalOutcome(FormalStatus.Counterexample, null, $"algebraic rewriting found inputs for which output {words.Port} differs", 0),
                    FormalCounterexample.ToStimulus(witness, miter.Inputs, module, startsWithReset: false), false);
            budget = TimeSpan.FromSeconds(Math.Max(3, (budget - (DateTime.UtcNow - clock)).TotalSeconds));
            return null;
        }
        var rewritten = !sequential && miter.Graph.InputCount > 24;
        if (rewritten && await RewriteWordsAsync() is { } beforeEnumeration) return beforeEnumeration;

        // Few input bits: enumerate them all on the host, which settles multipliers SAT cannot.
        var started = DateTime.UtcNow;
        if (!sequential && ExhaustiveCheck.EstimatedSeconds(miter.Graph) is { } estimate && estimate <= budget.TotalSeconds)
        {
            var enumeration = await Task.Run(() => ExhaustiveCheck.Run(miter.Graph, budget, cancellation), cancellation).ConfigureAwait(false);
            if (enumeration.Completed)
                return enumeration.FailingPattern is { } pattern
                    ? (new FormalOutcome(FormalStatus.Counterexample, null, "exhaustive evaluation found inputs for which the outputs differ", 0),
                        FormalCounterexample.ToStimulus(ExhaustiveCheck.ToCounterexample(pattern, miter.Graph.InputCount), miter.Inputs, module, startsWithReset: false), false)
                    : (new FormalOutcome(FormalStatus.Proven, null, $"proven for all inputs by exhaustive evaluation (all 2^{miter.Graph.InputCount} input patterns)"), null, false);
            // Slower than estimated (a loaded machine): SAT gets what is left of the budget.
            budget = TimeSpan.FromSeconds(Math.Max(3, (budget - (DateTime.UtcNow - started)).TotalSeconds));
        }
        if (!sequential && !rewritten && await RewriteWordsAsync() is { } afterEnumeration) return afterEnumeration;
        // A pipeline on both sides (no register feedback) is settled by its first cycles alone, each enumerated.
        if (sequential && FeedForwardProof.Depth(miter.Graph) is { } depth)
        {
            var from = module.Reset is not null ? "after reset" : "from power-up";
            var pipeline = await Task.Run(() => FeedForwardProof.Run(miter.Graph, depth, budget / 2, cancellation), cancellation).ConfigureAwait(false);
            if (pipeline.Completed)
                return pipeline.FailingCycle is { } cycle
                    ? (new FormalOutcome(FormalStatus.Counterexample, null, $"exhaustive evaluation found inputs for which the outputs differ {cycle + 1} cycle(s) {from}", cycle + 1),
                        FormalCounterexample.ToStimulus(pipeline.Counterexample, miter.Inputs, module, startsWithReset: module.Reset is not null), false)
                    : (new FormalOutcome(FormalStatus.Proven, null,
                        $"proven for all cycles: neither side has register feedback (the longest chain of registers is {depth}), so every output after cycle {depth} " +
                        $"repeats cycle {depth}'s function of the inputs, and the outputs were compared on every input pattern in each of the first {depth + 1} cycles {from}"), null, false);
            budget = TimeSpan.FromSeconds(Math.Max(3, (budget - pipeline.Elapsed).TotalSeconds));
            // Too many input bits to enumerate (a FIR's window of samples): the same cycles, unrolled, are compared
            // word by word (arithmetic written in another order: a transposed FIR), then go to SAT, which settles
            // adder trees well.
            if (pipeline.TooWide && miter.OutputWords.Count == module.Outputs.Count()
                && FeedForwardProof.UnrolledWords(miter.Graph, miter.OutputWords, depth) is { } unrolledWords)
            {
                var clock = DateTime.UtcNow;
                var cycleWords = miter with { Graph = unrolledWords.Graph, OutputWords = unrolledWords.Words };
                var words = await Task.Run(() => OutputWordProof.Run(cycleWords, budget / 4, cancellation), cancellation).ConfigureAwait(false);
                // Only a proof is taken from here: a difference is left to SAT, whose counterexample is the one replayed.
                if (words.Proven)
                    return (new FormalOutcome(FormalStatus.Proven, null,
                        $"proven for all cycles: neither side has register feedback (the longest chain of registers is {depth}), so every output after cycle {depth} " +
                        $"repeats cycle {depth}'s function of the inputs, and in each of the first {depth + 1} cycles {from} every output word, rewritten gate by gate " +
                        "into a polynomial over the inputs, is the same on both sides (algebraic rewriting)"), null, false);
                budget = TimeSpan.FromSeconds(Math.Max(3, (budget - (DateTime.UtcNow - clock)).TotalSeconds));
            }
            if (pipeline.TooWide && FeedForwardProof.UnrolledMiter(miter.Graph, depth) is { } unrolled)
            {
                var share = budget / 3;
                var clock = DateTime.UtcNow;
                var sat = await ProveAsync(unrolled, asSequential: false, share);
                budget = TimeSpan.FromSeconds(Math.Max(3, (budget - (DateTime.UtcNow - clock)).TotalSeconds));
                if (sat.Stopped is null)
                {
                    var cycles = FormalOutputParser.ParseCombinational(sat.Log, share);
                    if (cycles.Status == FormalStatus.Proven)
                        return (new FormalOutcome(FormalStatus.Proven, null,
                            $"proven for all cycles: neither side has register feedback (the longest chain of registers is {depth}), so every output after cycle {depth} " +
                            $"repeats cycle {depth}'s function of the inputs, and SAT proved the outputs equal for all inputs in each of the first {depth + 1} cycles {from}"), null, false);
                    if (cycles.Status == FormalStatus.Counterexample && FeedForwardProof.CyclesOf(sat.Counterexample, miter.Graph.InputCount) is { } frames)
                        return (new FormalOutcome(FormalStatus.Counterexample, null, $"SAT found inputs for which the outputs differ within {depth + 1} cycle(s) {from}"),
                            FormalCounterexample.ToStimulus(frames, miter.Inputs, module, startsWithReset: module.Reset is not null), false);
                }
            }
        }
        // Gates of both sides that compute the same function of few bits are merged first (each pair enumerated):
        // what SAT finds hard in a multiplier is then gone, and often the whole difference with it.
        // Named words of the two sides equal for every input and state (a product and the reference's a * b), each
        // proven as a whole by algebraic rewriting and merged: what neither enumeration nor SAT can match bit by bit.
        var namedWords = WordSweep.Run(miter.Graph, miter.Words, budget / 4, cancellation);
        budget = TimeSpan.FromSeconds(Math.Max(3, (budget - namedWords.Elapsed).TotalSeconds));
        var wordsSwept = namedWords.Bits > 0 ? $" (after {namedWords.Words} word(s) of the two sides, {namedWords.Bits} bit(s), were proven equal by algebraic rewriting and merged)" : "";
        if (namedWords.Graph.Outputs[0] == AigBuilder.False)
            return (new FormalOutcome(FormalStatus.Proven, null, (sequential
                ? "proven for all cycles: every output of the two sides was proven equal in every state"
                : "proven for all inputs: every output of the two sides was proven equal") + wordsSwept), null, false);
        var sweep = ExhaustiveSweep.Run(namedWords.Graph, miter.ReferenceAnds, budget / 4, cancellation);
        var swept = wordsSwept + (sweep.Merged > 0 ? $" (after {sweep.Merged} gate(s) of the two sides were proven equal by enumeration and merged)" : "");
        if (sweep.Graph.Outputs[0] == AigBuilder.False)
            return (new FormalOutcome(FormalStatus.Proven, null, sequential
                ? $"proven for all cycles: every output of the two sides was proven equal by enumeration in every state{swept}"
                : $"proven for all inputs: every output of the two sides was proven equal by enumeration{swept}"), null, false);
        budget = TimeSpan.FromSeconds(Math.Max(3, (budget - sweep.Elapsed).TotalSeconds));
        var miterForAbc = sweep.Graph;
        // Registers and gates equal in every reachable state, proven by induction (each step enumerated) and merged:
        // a multiplier behind operand registers meets the reference's product register this way.
        if (sequential)
        {
            var correspondence = await Task.Run(() => SignalCorrespondence.Run(sweep.Graph, budget / 3, cancellation, miter.LatchNames, miter.Inputs,
                miter.Wires.Through(l => sweep.Map(namedWords.Map(l)), 1 + sweep.Graph.InputCount + sweep.Graph.LatchCount)), cancellation).ConfigureAwait(false);
            if (correspondence.Completed && correspondence.Merged > 0)
            {
                if (correspondence.Graph.Outputs[0] == AigBuilder.False)
                    return (new FormalOutcome(FormalStatus.Proven, null,
                        $"proven for all cycles by induction: {correspondence.Merged} signal(s) of the two sides were proven equal in every reachable state " +
                        $"(signal correspondence, each step enumerated), the outputs among them{swept}"), null, false);
                miterForAbc = correspondence.Graph;
                swept += $" (after {correspondence.Merged} signal(s) were proven equal in every reachable state by induction and merged)";
            }
            budget = TimeSpan.FromSeconds(Math.Max(3, (budget - correspondence.Elapsed).TotalSeconds));
        }
        var proof = await ProveAsync(miterForAbc, sequential, budget);
        if (proof.Stopped is { } stopped)
            return (new FormalOutcome(FormalStatus.TimedOut, null, $"the proof {stopped}"), null, false);
        var outcome = sequential
            ? FormalOutputParser.ParseSequential(proof.Log, budget, module.Reset is not null)
            : FormalOutputParser.ParseCombinational(proof.Log, budget);
        if (outcome.Status == FormalStatus.Proven) outcome = outcome with { Detail = outcome.Detail + swept };
        var counterexample = outcome.Status == FormalStatus.Counterexample
            ? FormalCounterexample.ToStimulus(proof.Counterexample, miter.Inputs, module, startsWithReset: sequential && module.Reset is not null)
            : null;
        return (outcome, counterexample, false);

        // ABC's schedule on a miter in the sandbox: its words and counterexample, or what stopped it (a limit).
        async Task<(string Log, string? Counterexample, string? Stopped)> ProveAsync(AigGraph graph, bool asSequential, TimeSpan share)
        {
            var prove = new ToolStep("yosys-abc-prove", version, new ToolInvocation("sh", ["-c", FormalScript.Abc(asSequential, request.FormalDepth, share)])
                // ABC's engines keep to their own shares; the wall-clock limit is the backstop.
                .WithLimits(ResourceLimits.Default.WithTimeout(share + AbcAllowance)))
            {
                Inputs = [new InputFile(FormalScript.Miter, graph.ToBinaryAiger())],
                Outputs = [FormalScript.Counterexample],
                // A proof that ran out of time on a busy machine is not a fact about the design: never remembered.
                Cacheable = false,
            };
            var result = await host.RunAsync(prove, cancellation).ConfigureAwait(false);
            return result.Run.Limit != LimitHit.None
                ? ("", null, result.Run.Describe(prove.Invocation.Limits))
                : (result.Run.StandardOutput, result.OutputText(FormalScript.Counterexample), null);
        }
    }

    /// <summary>The wall clock's margin over ABC's own shares.</summary>
    private static readonly TimeSpan AbcAllowance = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The proof's time: the request's budget, grown with the design (a large design needs more than a
    /// small one to close), so a default budget does not starve a big pipeline.
    /// </summary>
    private static TimeSpan Budget(VerifyRequest request)
    {
        var size = request.Design.Sum(s => s.Text.Length) + request.Reference.Sum(s => s.Text.Length);
        var grown = TimeSpan.FromSeconds(Math.Min(120, size / 400.0));
        return grown > request.FormalTimeout ? grown : request.FormalTimeout;
    }

    /// <summary>
    /// The budget grown with the model itself, a second per thousand gates and registers (at most two minutes): a
    /// short source can unfold into a large model (a 4×4 GEMM tile written with generate loops: sixteen multipliers
    /// and accumulators, about 70 000 signals, which closes in 46 s at low load but not in the 30 s its text earned).
    /// </summary>
    private static TimeSpan GrownWithModel(TimeSpan budget, AigGraph graph)
    {
        var grown = TimeSpan.FromSeconds(Math.Min(120, (graph.AndCount + graph.LatchCount) / 1000.0));
        return grown > budget ? grown : budget;
    }

    /// <summary>Why Yosys could not build a model: the check that failed, in plain words, or its own error line.</summary>
    private static string YosysProblem(string log)
    {
        var lines = log.Split('\n');
        var error = lines.LastOrDefault(l => l.StartsWith("ERROR:", StringComparison.Ordinal))?.Trim() ?? "Yosys could not build the formal model";
        if (error.Contains("Assertion failed"))
        {
            var check = lines.LastOrDefault(l => l.Contains(FormalScript.CheckMarker))?.Split(FormalScript.CheckMarker).Last().Trim();
            return $"the design uses {check ?? "constructs"}, which the formal check does not support";
        }
        return error;
    }
}
