using System.Diagnostics;
using HwForge.Tools.Foundation.Caching;
using HwForge.Tools.Foundation.Diagnostics;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Programs;
using HwForge.Tools.Programs.Gcc;
using HwForge.Tools.Programs.Icarus;
using HwForge.Tools.Programs.Verilator;
using HwForge.Tools.Programs.Yosys;

namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>
/// The judge's verification pipeline: lint, compile, interface check, simulation, formal
/// equivalence. Independent work runs in parallel, but the verdict is decided stage by stage in
/// that order, by the first stage that fails. Every tool runs confined; nothing the design prints
/// is believed.
/// </summary>
public sealed class Verifier(ToolHost host, ToolVersions versions)
{
    /// <summary>The tag of the reference's harness. The reference is trusted, and a fixed tag keeps its trace cacheable.</summary>
    private const string ReferenceTag = "reference";

    /// <param name="onStage">Told of each stage as it is decided, in order (a report from the cache tells all of its own at once).</param>
    public async Task<VerifyReport> VerifyAsync(VerifyRequest request, CancellationToken cancellation = default, Action<StageResult, string>? onStage = null)
    {
        // Work started in parallel is stopped as soon as a stage decides.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        try
        {
            // Without a report cache, nothing waits for the versions: the stages start at once.
            var toolsTask = ToolVersionsAsync(request, cancellation);
            string? key = null;
            if (!request.WantVcd && host.Reports is not null)
            {
                key = ReportKey(request, await toolsTask.ConfigureAwait(false));
                if (host.Reports.TryGet<VerifyReport>(key) is { } known)
                {
                    foreach (var stage in known.Stages) onStage?.Invoke(stage with { FromCache = true }, StageWords.Of(stage, known.Formal.Status));
                    return known with { FromCache = true };
                }
            }

            var report = await VerifyStagesAsync(request, onStage, stop.Token).ConfigureAwait(false) with { ToolVersions = await toolsTask.ConfigureAwait(false) };
            // Errors and resource limits depend on the machine, not only on the design: those are asked again.
            // A proof that did not close may close on a quieter machine: only decided proofs are remembered.
            if (key is not null && report.Verdict != Verdict.Error && report.FailureClass != FailureClass.Timeout
                && report.Formal.Status is not (FormalStatus.TimedOut or FormalStatus.Bounded)) host.Reports!.Store(key, report);
            return report;
        }
        finally
        {
            stop.Cancel();
        }
    }

    /// <summary>Everything a verdict depends on: the sources, every option, and the tools' versions.</summary>
    private static string ReportKey(VerifyRequest request, IReadOnlyDictionary<string, string> tools) => ReportCache.Key(
    [
        // The version names the verdict logic: bumped whenever it changes, so no report cached by an older judge is served.
        "verify-v4", request.Top, request.ReferenceTop,
        .. request.Design.SelectMany(s => new[] { s.StagedName, s.Text }), "|",
        .. request.Reference.SelectMany(s => new[] { s.StagedName, s.Text }), "|",
        request.ReferenceModel?.Text ?? "", request.Clock ?? "", request.Reset ?? "", request.ResetActiveLow?.ToString() ?? "",
        request.Cycles.ToString(), request.Seed.ToString(), request.Formal.ToString(), request.FormalDepth.ToString(),
        request.FormalTimeout.ToString(), request.SimulationTimeout.ToString(),
        .. tools.OrderBy(t => t.Key).Select(t => $"{t.Key}={t.Value}"),
    ]);

    /// <summary>Every program a verification may run; the RTL target lists these as its tools, and the report key holds their versions.</summary>
    public static IReadOnlyList<ToolDescriptor> ToolsUsed { get; } = [VerilatorTool.Descriptor, IcarusTool.Descriptor, YosysTool.Descriptor, CompilerTools.Gxx];

    // g++ builds only a C++ golden model's harness: an RTL reference neither needs it installed nor depends on its version.
    private async Task<IReadOnlyDictionary<string, string>> ToolVersionsAsync(VerifyRequest request, CancellationToken cancellation)
    {
        var result = new Dictionary<string, string>();
        foreach (var tool in ToolsUsed.Where(t => request.ReferenceModel is not null || t != CompilerTools.Gxx))
            result[tool.Name] = await versions.RequireAsync(tool, cancellation).ConfigureAwait(false);
        return result;
    }

    private async Task<VerifyReport> VerifyStagesAsync(VerifyRequest request, Action<StageResult, string>? onStage, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var run = new PipelineRun(clock, onStage);

        // One text for all tools: every stage below reads the design and the reference as preprocessed
        // once, with no tool macros, so lint, simulation and proof cannot be shown different code.
        var designText = CanonicalSource.PrepareAsync(host, versions, request.Design, cancellation);
        var referenceText = CanonicalSource.PrepareAsync(host, versions, request.Reference, cancellation);
        var (design, reference) = (await designText.ConfigureAwait(false), await referenceText.ConfigureAwait(false));
        if (!reference.Succeeded) return run.Error($"the reference cannot be read as one text for all tools: {reference.Detail}");
        run.AddDiagnostics(design.Diagnostics);
        if (!design.Succeeded)
            return run.Fail(design.Failure == FailureClass.ForbiddenConstruct ? StageName.Compile : StageName.Lint, design.Failure, clock.Elapsed, design.Detail);
        request = request with { Design = design.Sources, Reference = reference.Sources };
        // The policy reads that text's tokens, at once: a forbidden construct is the more useful verdict than any tool's complaint about it.
        var (policy, policyDetail) = PolicyCheck.Check(request.Design);
        if (policy != FailureClass.None) return run.Fail(StageName.Compile, policy, clock.Elapsed, policyDetail);

        // Start what does not depend on anything: lint and both elaborations.
        var lintTask = Timed(() => VerilatorLint.RunAsync(host, versions, request.Design, request.Top, cancellation));
        var designProbeTask = Timed(() => InterfaceProbe.RunAsync(host, versions, request.Design, request.Top, cancellation));

        // An RTL reference must elaborate, or there is nothing to judge against; its trace needs
        // only the reference, so it starts now. A C++ model takes the design's interface, later.
        ModuleInterface? module = null;
        Stimulus? stimulus = null;
        Task<(ReferenceTrace Value, TimeSpan Time)>? referenceTraceTask = null;
        Task<((FormalOutcome, Stimulus?, bool), TimeSpan)>? formalTask = null;
        if (request.ReferenceModel is null)
        {
            var (referenceProbe, _) = await Timed(() => InterfaceProbe.RunAsync(host, versions, request.Reference, request.ReferenceTop, cancellation));
            if (referenceProbe.Interface is null)
                return run.Error($"the reference does not elaborate: {referenceProbe.Detail}");
            // A clock or reset the spec names but the reference lacks is the spec's mistake: no candidate can be judged.
            if (SpecPorts.Problem(referenceProbe.Interface, request.Clock, request.Reset, "the reference") is { } missing) return run.Error(missing);
            if (CheckReference(ApplyOverrides(referenceProbe.Interface, request), run) is { } problem) return problem;
            (module, stimulus) = (run.Interface!, StimulusGenerator.Generate(run.Interface!, request.Cycles, request.Seed));
            referenceTraceTask = Timed(() => ReferenceTraceAsync(request, module, stimulus, cancellation));
            // The proof needs only the reference's interface and both sources, so it starts now, beside
            // lint and elaboration; if an earlier stage decides, it is cancelled with the rest.
            if (request.Formal != FormalMode.Off)
                formalTask = Timed(() => FormalEquivalence.RunAsync(host, versions, request, module, cancellation));
        }

        // The design's simulation needs only its own elaboration and the reference's interface, so it
        // starts as soon as those agree, beside lint and the policy check. It is confined like every
        // run, and its result counts only after the stages before it have passed.
        Task<(TraceRun Value, TimeSpan Time)>? designSimTask = null;
        if (module is not null && stimulus is not null)
        {
            var (earlyProbe, _) = await designProbeTask;
            if (earlyProbe.Interface is not null && InterfaceCheck.Compare(earlyProbe.Interface, module) is null)
                designSimTask = StartDesignSimulation(request, module, stimulus, cancellation);
        }

        // 1. Lint: Verilator's errors are the design's errors.
        var (lint, lintTime) = await lintTask;
        run.AddDiagnostics(lint.Diagnostics);
        if (lint.Run.Limit != LimitHit.None) return run.Fail(StageName.Lint, FailureClass.Timeout, lintTime, $"verilator {lint.Run.Describe(ResourceLimits.Default)}");
        if (lint.HasErrors)
        {
            var first = lint.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error);
            return run.Fail(StageName.Lint, first is null ? FailureClass.Compile : DiagnosticClassifier.Classify(first), lintTime,
                first?.ToCompilerLine() ?? lint.Run.StandardError.Trim(), lint.FromCache);
        }
        run.Pass(StageName.Lint, lintTime, $"{lint.Warnings} warning(s)", lint.FromCache);

        // 2. Compile: the design elaborates in Yosys (the policy has already passed).
        var (designProbe, probeTime) = await designProbeTask;
        // A construct a tool cannot read is the tool's limit, said in its words: no verdict on the design either way.
        if (designProbe.Interface is null && designProbe.Failure == FailureClass.Timeout)
            return run.Error($"elaborating the design ran out of time ({designProbe.Detail}): not a verdict on the design") with { FailureClass = FailureClass.Timeout };
        if (designProbe.Interface is null && designProbe.Failure == FailureClass.ToolError)
            return run.Error($"Yosys cannot read the design: {designProbe.Detail} (a limit of the tool, not a verdict on the design)");
        if (designProbe.Interface is null) return run.Fail(StageName.Compile, designProbe.Failure, probeTime, designProbe.Detail, designProbe.FromCache);

        if (request.ReferenceModel is not null)
        {
            // Against a C++ model the design's ports are the interface: one missing the spec's clock is the design's failure, to repair.
            if (SpecPorts.Problem(designProbe.Interface, request.Clock, request.Reset, "the design") is { } missing)
                return run.Fail(StageName.Interface, FailureClass.MissingPort, TimeSpan.Zero, missing);
            if (CheckReference(ApplyOverrides(designProbe.Interface, request), run) is { } problem) return problem;
            if (CppGoldenModelAbi.Unsupported(run.Interface!) is { } reason) return run.Error($"the C++ golden model cannot describe this interface: {reason}");
            (module, stimulus) = (run.Interface!, StimulusGenerator.Generate(run.Interface!, request.Cycles, request.Seed));
            referenceTraceTask = Timed(() => ReferenceTraceAsync(request, module, stimulus, cancellation));
        }

        // Either branch above has chosen the interface and the stimulus by now.
        if (module is null || stimulus is null) throw new InvalidOperationException("no interface to judge by");

        // 3. Interface: same ports, same directions, same widths.
        if (InterfaceCheck.Compare(designProbe.Interface, module) is { } difference)
            return run.Fail(StageName.Interface, difference.Failure, TimeSpan.Zero, difference.Detail);
        run.Pass(StageName.Interface, TimeSpan.Zero, DescribeInterface(module));

        // 4 and 5: the design's simulation and the formal proof, both already under way where they could be.
        designSimTask ??= StartDesignSimulation(request, module, stimulus, cancellation);

        var (referenceTrace, _) = await referenceTraceTask!;
        if (referenceTrace.Problem is { } referenceProblem)
            return referenceTrace.MachineTimedOut ? run.Error(referenceProblem) with { FailureClass = FailureClass.Timeout } : run.Error(referenceProblem);
        var (designSim, simTime) = await designSimTask;
        // A wall-clock kill says how busy the machine was, not what the design does: run again with twice the time.
        // A design still making progress then was slow, not wrong (an infrastructure error, never a verdict);
        // one stuck at the same cycle both times hangs, and that is its timeout verdict.
        if (designSim.Report.Limit == LimitHit.WallClock)
        {
            var firstReach = designSim.Trace.Cycles.Count;
            (designSim, simTime) = await Timed(() => TraceSimulation.RunAsync(host, versions, request.Design, module with { Top = request.Top }, stimulus,
                HarnessTag.For(host.Home, request.Design, stimulus), request.SimulationTimeout * 2, request.WantVcd, cancellation));
            if (designSim.Report.Limit == LimitHit.WallClock && designSim.Trace.Cycles.Count > firstReach)
                return run.Error($"the simulation was still running when the machine's time ran out (cycle {designSim.Trace.Cycles.Count} of {stimulus.Cycles.Count} " +
                    $"after {(request.SimulationTimeout * 2).TotalSeconds:0} s, cycle {firstReach} after {request.SimulationTimeout.TotalSeconds:0} s): " +
                    "not a verdict on the design; retry on a quieter machine") with { FailureClass = FailureClass.Timeout };
        }
        run.Vcd = designSim.Vcd;
        if (!designSim.Report.Compiled)
        {
            run.AddDiagnostics(designSim.Report.Diagnostics);
            var first = designSim.Report.Errors.FirstOrDefault();
            if (designSim.Report.TimedOut)
                return run.Error($"compiling the design ran out of time ({designSim.Report.Summary}): not a verdict on the design") with { FailureClass = FailureClass.Timeout };
            var failure = first is null ? FailureClass.Compile : DiagnosticClassifier.Classify(first);
            if (failure == FailureClass.ToolError)
                return run.Error($"Icarus cannot read the design: {first!.ToCompilerLine()} (a limit of the tool, not a verdict on the design)");
            return run.Fail(StageName.Compile, failure, simTime, designSim.Report.Summary);
        }
        run.Pass(StageName.Compile, probeTime, "elaborates in Yosys and Icarus; no forbidden constructs", designProbe.FromCache);

        var mismatch = TraceComparer.FirstMismatch(module, stimulus, referenceTrace.Trace!, designSim.Trace, "simulation");
        if (mismatch is not null)
            return run.Fail(StageName.Simulation, mismatch.DuringReset ? FailureClass.ResetBehaviour : FailureClass.FunctionalMismatch, simTime,
                mismatch.Describe(), designSim.Report.FromCache, mismatch);
        if (!designSim.Trace.Complete)
        {
            var reached = designSim.Trace.Cycles.Count;
            return designSim.Report.Limit != LimitHit.None
                ? run.Fail(StageName.Simulation, FailureClass.Timeout, simTime, $"the simulation {designSim.Report.Run.Describe(ResourceLimits.Default.WithTimeout(request.SimulationTimeout * 2))} at cycle {reached} of {request.Cycles}, twice at the same cycle: the design hangs")
                : run.Fail(StageName.Simulation, FailureClass.SimulationAborted, simTime,
                    $"the design ended the simulation at cycle {reached} of {request.Cycles} ($finish, $stop or $fatal, or a crash); the harness never finished");
        }
        run.Pass(StageName.Simulation, simTime, $"all {module.Outputs.Count()} output(s) matched on all {request.Cycles} cycles", designSim.Report.FromCache);
        run.SimulatedCycles = request.Cycles;

        if (formalTask is null)
        {
            var why = request.ReferenceModel is not null ? "the reference is a C++ golden model: no formal equivalence" : "the formal check is off";
            if (request.ReferenceModel is not null && request.Formal == FormalMode.On) return run.Error($"the formal check is required, but {why}");
            run.Formal = FormalResult.Skipped(why);
            run.Skip(StageName.Formal, why);
            return run.Finish();
        }
        var ((outcome, counterexample, formalCached), formalTime) = await formalTask;
        switch (outcome.Status)
        {
            case FormalStatus.Counterexample:
                // A counterexample is believed only when simulation shows the same difference; one that
                // depends on start values or undefined signals the simulator holds as X proves nothing either way.
                var replayed = counterexample is null ? null : await ReplayAsync(request, module, counterexample, cancellation);
                if (replayed is null)
                {
                    var why = $"{outcome.Detail}, but simulation does not reproduce it (it depends on start values or undefined signals)";
                    run.Formal = new FormalResult(outcome.Status, null, FormalMethod(module), why);
                    run.Add(StageName.Formal, StageStatus.Skipped, formalTime, $"inconclusive: {why}", formalCached);
                    return run.Finish();
                }
                run.Formal = new FormalResult(outcome.Status, null, FormalMethod(module), outcome.Detail, replayed);
                return run.Fail(StageName.Formal, replayed.DuringReset ? FailureClass.ResetBehaviour : FailureClass.FunctionalMismatch, formalTime,
                    $"formal counterexample: {replayed.Describe()}", formalCached, replayed);
            case FormalStatus.Unsupported or FormalStatus.TimedOut when request.Formal == FormalMode.On:
                // The report says what the proof reached (its bound, its budget), not that an earlier stage decided.
                run.Formal = new FormalResult(outcome.Status, outcome.Bound, FormalMethod(module), outcome.Detail);
                return run.Error($"the formal check is required, but it could not conclude: {outcome.Detail}");
            default:
                run.Formal = new FormalResult(outcome.Status, outcome.Bound, FormalMethod(module), outcome.Detail);
                if (outcome.Status is FormalStatus.Unsupported or FormalStatus.TimedOut)
                    run.Add(StageName.Formal, StageStatus.Skipped, formalTime, $"{(outcome.Status == FormalStatus.TimedOut ? "timed out" : "unsupported")}: {outcome.Detail}", formalCached);
                else run.Pass(StageName.Formal, formalTime, outcome.Detail, formalCached);
                return run.Finish();
        }
    }

    private Task<(TraceRun Value, TimeSpan Time)> StartDesignSimulation(VerifyRequest request, ModuleInterface module, Stimulus stimulus, CancellationToken cancellation)
    {
        var tag = HarnessTag.For(host.Home, request.Design, stimulus);
        return Timed(() => TraceSimulation.RunAsync(host, versions, request.Design, module with { Top = request.Top },
            stimulus, tag, request.SimulationTimeout, request.WantVcd, cancellation));
    }

    /// <summary>The reference's outputs on the stimulus: from its RTL under the harness, or from the C++ golden model.</summary>
    private async Task<ReferenceTrace> ReferenceTraceAsync(VerifyRequest request, ModuleInterface module, Stimulus stimulus, CancellationToken cancellation)
    {
        if (request.ReferenceModel is { } model)
        {
            var result = await CppGoldenModel.RunAsync(host, versions, model, module, stimulus, request.SimulationTimeout, cancellation).ConfigureAwait(false);
            return result.Succeeded ? new ReferenceTrace(result.Trace, null) : new ReferenceTrace(null, $"the C++ golden model failed ({result.Failure}): {result.Detail}");
        }
        var run = await TraceSimulation.RunAsync(host, versions, request.Reference, module with { Top = request.ReferenceTop },
            stimulus, ReferenceTag, request.SimulationTimeout, wantVcd: false, cancellation).ConfigureAwait(false);
        // As for the design: a wall-clock kill says how busy the machine is. Once more with twice the time; a
        // reference still making progress then meets a machine too slow, an infrastructure error no candidate is
        // blamed for, and one stuck at the same cycle hangs.
        if (run.Report.Limit == LimitHit.WallClock)
        {
            var firstReach = run.Trace.Cycles.Count;
            run = await TraceSimulation.RunAsync(host, versions, request.Reference, module with { Top = request.ReferenceTop },
                stimulus, ReferenceTag, request.SimulationTimeout * 2, wantVcd: false, cancellation).ConfigureAwait(false);
            if (run.Report.Limit == LimitHit.WallClock && run.Trace.Cycles.Count > firstReach)
                return new ReferenceTrace(null, $"the reference's simulation was still running when the machine's time ran out " +
                    $"(cycle {run.Trace.Cycles.Count} of {stimulus.Cycles.Count} after {(request.SimulationTimeout * 2).TotalSeconds:0} s): " +
                    "not a verdict on the design; retry on a quieter machine", MachineTimedOut: true);
        }
        return run.Report.Compiled && run.Trace.Complete
            ? new ReferenceTrace(run.Trace, null)
            : new ReferenceTrace(null, $"the reference does not simulate: {run.Report.Summary} {FirstLine(run.Report)}");
    }

    private sealed record ReferenceTrace(Trace? Trace, string? Problem, bool MachineTimedOut = false);

    /// <summary>Records the interface to judge by, or returns an error report when it cannot be judged.</summary>
    private static VerifyReport? CheckReference(ModuleInterface module, PipelineRun run)
    {
        run.Interface = module;
        if (!module.Outputs.Any()) return run.Error($"the module {module.Top} has no outputs to compare");
        if (module.Ports.Any(p => p.Direction == PortDirection.Inout)) return run.Error("inout ports are not supported by the judge yet");
        return null;
    }

    /// <summary>Runs a formal counterexample through both simulations, so it reads like any mismatch.</summary>
    private async Task<Mismatch?> ReplayAsync(VerifyRequest request, ModuleInterface module, Stimulus stimulus, CancellationToken cancellation)
    {
        var tag = HarnessTag.For(host.Home, request.Design, stimulus);
        var reference = TraceSimulation.RunAsync(host, versions, request.Reference, module with { Top = request.ReferenceTop }, stimulus, ReferenceTag, request.SimulationTimeout, false, cancellation);
        var design = TraceSimulation.RunAsync(host, versions, request.Design, module with { Top = request.Top }, stimulus, tag, request.SimulationTimeout, false, cancellation);
        return TraceComparer.FirstMismatch(module, stimulus, (await reference).Trace, (await design).Trace, "formal counterexample");
    }

    private static string FormalMethod(ModuleInterface module) => module.IsSequential
        ? "three-valued AIGER miter (yosys models); abc bmc3 from reset, pdr (IC3), dprove (sequential equivalence)"
        : $"three-valued AIGER miter (yosys models); exhaustive evaluation up to {ExhaustiveCheck.MaxInputs} input bits, else abc iprove (SAT)";

    /// <summary>The clock and reset the request names, over what the probe found; <see cref="SpecPorts"/> has checked they exist.</summary>
    private static ModuleInterface ApplyOverrides(ModuleInterface module, VerifyRequest request)
    {
        if (request.Clock is { } clock)
            module = module with { Clock = clock, IsSequential = true };
        if (request.Reset is { } reset)
            module = module with { Reset = reset, ResetActiveLow = request.ResetActiveLow ?? SignalNames.LooksActiveLow(reset) };
        return module;
    }

    private static string DescribeInterface(ModuleInterface module) =>
        $"{module.Ports.Count} ports agree" +
        (module.Clock is null ? "; combinational" : $"; clock {module.Clock}") +
        (module.Reset is null ? "" : $", reset {module.Reset} (active {(module.ResetActiveLow ? "low" : "high")})");

    private static string FirstLine(SimulationReport report) =>
        report.Errors.FirstOrDefault()?.ToCompilerLine() ?? report.Output.Split('\n').FirstOrDefault() ?? "";

    private static async Task<(T Value, TimeSpan Time)> Timed<T>(Func<Task<T>> work)
    {
        var watch = Stopwatch.StartNew();
        var value = await Task.Run(work).ConfigureAwait(false);
        return (value, watch.Elapsed);
    }
}
