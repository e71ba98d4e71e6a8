using HwForge.Tools.Foundation.Diagnostics;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs;
using HwForge.Tools.Programs.Gcc;
using HwForge.Tools.Programs.Verilator;
using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Tools.Targets.Hls.CoSim;

/// <summary>The RTL to co-simulate (its sources and module) and how long it may take.</summary>
internal sealed record CoSimRequest(IReadOnlyList<SourceFile> Rtl, string Module)
{
    /// <summary>Cycles a call may go without <c>ap_done</c> (or, overlapped, without any call finishing) before it is a timeout.</summary>
    public int CyclesPerCall { get; init; } = 10_000;

    /// <summary>How long the simulation may run; its build has <see cref="CoSimulation.BuildAllowance"/> besides.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
}

/// <summary>
/// Co-simulation of an RTL module on the C simulation's calls: the verdict, the first differing call, and the
/// latency and initiation interval the handshake showed (measured in simulation, not estimated).
/// </summary>
internal sealed record CoSimReport
{
    public required Verdict Verdict { get; init; }

    public required FailureClass FailureClass { get; init; }

    public required string Summary { get; init; }

    public long Calls { get; init; }

    public long MatchedCalls { get; init; }

    public CSimMismatch? FirstMismatch { get; init; }

    /// <summary>Cycles from <c>ap_start</c> to <c>ap_done</c>, fewest and most over the calls made one at a time.</summary>
    public int? LatencyMin { get; init; }

    public int? LatencyMax { get; init; }

    /// <summary>Cycles between calls taken with <c>ap_start</c> held high, on average (1: a new call every cycle).</summary>
    public double? Interval { get; init; }

    public string Simulator { get; init; } = "";

    public bool FromCache { get; init; }

    public TimeSpan Elapsed { get; init; }
}

/// <summary>
/// Drives an RTL module through the <c>ap_ctrl_hs</c> handshake on the calls a C simulation logged, with Verilator,
/// cycle by cycle, and compares every output bit with the C side (the C kernel's, or, for an RTL reference, the
/// other way round). The RTL is checked by the RTL judge's policy first (no file or simulator-control tasks), and
/// the verdict comes from HwForge's testbench log, never from what the RTL prints.
/// </summary>
internal sealed class CoSimulation(ToolHost host, ToolVersions versions)
{
    /// <summary>The time Verilator's build of the model (C++ compilation) may take, on top of the run.</summary>
    public static readonly TimeSpan BuildAllowance = TimeSpan.FromSeconds(240);

    private const string BuildLog = "hwforge-build.log";
    private const string BuiltMarker = "hwforge-built";
    private const string StagedRtl = "src/rtl_under_test.v";

    /// <param name="c">The C side's log: the calls, their inputs and outputs.</param>
    /// <param name="rtlIsReference">The RTL is the reference (its outputs are expected) rather than the design.</param>
    internal async Task<CoSimReport> RunAsync(CoSimRequest request, CSimLog c, bool rtlIsReference, CancellationToken cancellation)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        TimeSpan Elapsed() => System.Diagnostics.Stopwatch.GetElapsedTime(started);
        var who = rtlIsReference ? "the RTL reference" : "the RTL";
        CoSimReport Failed(FailureClass failure, string summary) => new()
        {
            Verdict = rtlIsReference ? Verdict.Error : Verdict.Fail,
            FailureClass = rtlIsReference ? FailureClass.ToolError : failure,
            Summary = $"{who} {request.Module}: {summary}",
            Elapsed = Elapsed(),
        };

        // 1. One text for every tool, and only hardware in it: the RTL judge's own preparation and policy.
        var canonical = await CanonicalSource.PrepareAsync(host, versions, request.Rtl, cancellation).ConfigureAwait(false);
        if (!canonical.Succeeded) return Failed(canonical.Failure, canonical.Detail);
        var (forbidden, why) = PolicyCheck.Check(canonical.Sources);
        if (forbidden != FailureClass.None) return Failed(forbidden, why);
        var rtl = canonical.Sources[0].Text;

        // 2. The ports the C signature asks for, the vectors of the C calls, the testbench.
        var ports = ApCtrlPorts.For(c.Signature, rtl);
        var vectors = CoSimTestbench.Vectors(ports, [.. c.CallsLogged.Select(k => k.Inputs)]);
        var testbench = CoSimTestbench.Text(request.Module, ports, c.CallsLogged.Count, request.CyclesPerCall);

        // 3. Build and run, confined: Verilator compiles the model and the testbench to one program.
        var version = await versions.RequireAsync(VerilatorTool.Descriptor, cancellation).ConfigureAwait(false);
        var seconds = Math.Max(1, (int)Math.Ceiling(request.Timeout.TotalSeconds));
        var script =
            $"verilator --binary --timing -j 2 -Wno-fatal -Wno-lint -Wno-style --top-module {CoSimTestbench.Module} -Mdir obj -o hwforge-cosim " +
            $"{StagedRtl} src/{CoSimTestbench.FileName} > {BuildLog} 2>&1 || exit 0\n" +
            $": > {BuiltMarker}\n" +
            // The run has its own clock, so a slow build never reads as a hang; what the RTL prints is dropped.
            $"exec timeout -k 2 {seconds} ./obj/hwforge-cosim > /dev/null\n";
        var step = new ToolStep("verilator-cosim", version,
            new ToolInvocation("sh", ["-c", script]).WithLimits(ResourceLimits.Default.WithTimeout(request.Timeout + BuildAllowance)))
        {
            Inputs =
            [
                InputFile.FromText(StagedRtl, rtl),
                InputFile.FromText($"src/{CoSimTestbench.FileName}", testbench),
                InputFile.FromText(CoSimTestbench.VectorsFile, vectors),
            ],
            Outputs = [BuildLog, BuiltMarker, CoSimTestbench.LogFile],
        };
        var result = await host.RunAsync(step, cancellation).ConfigureAwait(false);
        var simulator = $"verilator {version}";
        if (!result.Outputs.ContainsKey(BuiltMarker))
        {
            var buildLog = result.OutputText(BuildLog) ?? result.Run.StandardError;
            var missing = ApCtrlPorts.Names(ports).Where(n => !ApCtrlPorts.Declared(rtl, request.Module).Contains(n)).ToList();
            if (result.Run.Limit != LimitHit.None) return Failed(FailureClass.Timeout, $"Verilator's build {result.Run.Describe(ResourceLimits.Default.WithTimeout(request.Timeout + BuildAllowance))}");
            if (!rtl.Contains("module") || !System.Text.RegularExpressions.Regex.IsMatch(rtl, $@"\bmodule\s+{System.Text.RegularExpressions.Regex.Escape(request.Module)}\b"))
                return Failed(FailureClass.UnknownModule, $"no module named {request.Module} (the RTL module is named as the C function)");
            if (missing.Count > 0)
                return Failed(FailureClass.MissingPort,
                    $"it lacks the port(s) {string.Join(", ", missing)} of the ap_ctrl_hs interface convention (docs/HLS.md); Verilator: {FirstError(buildLog)}");
            return Failed(FailureClass.Compile, $"Verilator could not build it with the co-simulation testbench: {FirstError(buildLog)}");
        }
        var log = CoSimLog.Parse(result.OutputText(CoSimTestbench.LogFile));
        var report = new CoSimReport
        {
            Verdict = Verdict.Fail, FailureClass = FailureClass.FunctionalMismatch, Summary = "", Calls = c.CallsLogged.Count,
            Simulator = simulator, FromCache = result.FromCache,
        };

        // 4. The handshake must follow the convention, and every call must finish.
        if (log.Problem != HandshakeProblem.None)
            return Failed(log.Problem == HandshakeProblem.NoDone ? FailureClass.Timeout : FailureClass.ResetBehaviour, log.Problem switch
            {
                HandshakeProblem.NotIdleAfterReset => "ap_idle is not high after reset with ap_start low",
                HandshakeProblem.NoDone => $"no ap_done within {request.CyclesPerCall} cycles during call {log.ProblemCall}" + (log.OneAtATime.Count > log.ProblemCall ? " with ap_start held high" : ""),
                HandshakeProblem.DoneWithoutReady => $"call {log.ProblemCall} raised ap_done without ever raising ap_ready (ap_ready must come with or before ap_done)",
                _ => $"ap_done with no call outstanding (after {log.ProblemCall} calls finished, with ap_start held high)",
            }) with { MatchedCalls = Math.Min(log.ProblemCall, log.OneAtATime.Count) };
        var limit = result.Run.Limit != LimitHit.None || result.Run.ExitCode is ToolRunResult.TimeoutExitCode or 137;
        if (!log.Ended && (log.OneAtATime.Count < c.CallsLogged.Count || log.Overlapped.Count < c.CallsLogged.Count))
            return Failed(limit ? FailureClass.Timeout : FailureClass.SimulationAborted,
                limit ? $"the simulation ran out of time after {log.OneAtATime.Count + log.Overlapped.Count} finished calls"
                      : $"the simulation ended early (after {log.OneAtATime.Count + log.Overlapped.Count} finished calls; $finish in the RTL?)");

        // 5. Bit for bit, pass 1 (one call at a time), then pass 2 (calls overlapped).
        var names = c.Signature.Where(s => !s.StartsWith("return ", StringComparison.Ordinal)).Select(s => s.Split(' ')[1]).ToList();
        foreach (var (pass, calls) in new[] { ("one call at a time", log.OneAtATime), ("with ap_start held high (calls overlapped)", log.Overlapped) })
        {
            for (var k = 0; k < c.CallsLogged.Count; k++)
            {
                var cCall = c.CallsLogged[k];
                foreach (var (kind, argument, bits) in cCall.Outputs)
                {
                    var rtlBits = string.Join(",", calls[k].Outputs.Where(o => o.Kind == kind && (kind == 'R' || o.Argument == argument)).Select(o => o.Bits));
                    if (rtlBits == bits) continue;
                    var (element, cValue, rtlValue) = FirstDifferent(bits, rtlBits);
                    var output = (kind == 'R' ? "ap_return" : names[argument]) + (element is { } e ? $"[{e}]" : "");
                    var inputs = string.Join(", ", cCall.Inputs.Select(i => $"{names[i.Argument]}=0x{i.Bits}"));
                    var mismatch = rtlIsReference
                        ? new CSimMismatch(k, inputs, output, rtlValue, cValue)
                        : new CSimMismatch(k, inputs, output, cValue, rtlValue);
                    return report with
                    {
                        Verdict = Verdict.Fail, MatchedCalls = k, FirstMismatch = mismatch,
                        Summary = rtlIsReference
                            ? $"the kernel differs from the RTL reference {request.Module}, {pass}, at {mismatch.Describe()}"
                            : $"the RTL {request.Module} differs from the C++ kernel, {pass}, at {mismatch.Describe()}",
                        Elapsed = Elapsed(),
                    };
                }
            }
        }

        var latencies = log.OneAtATime.Select(k => k.Cycles).ToList();
        double? interval = log.Taken > 1 ? (log.LastTaken - log.FirstTaken) / (double)(log.Taken - 1) : null;
        return report with
        {
            Verdict = Verdict.Pass, FailureClass = FailureClass.None, MatchedCalls = c.CallsLogged.Count,
            LatencyMin = latencies.Count > 0 ? latencies.Min() : null,
            LatencyMax = latencies.Count > 0 ? latencies.Max() : null,
            Interval = interval,
            Summary = $"{who} {request.Module} gave the C++ kernel's outputs on all {c.CallsLogged.Count} calls, one at a time and overlapped "
                + $"(latency {Range(latencies)} cycle(s), interval {interval?.ToString("0.##") ?? "n/a"})",
            Elapsed = Elapsed(),
        };
    }

    private static string Range(List<int> values) =>
        values.Count == 0 ? "n/a" : values.Min() == values.Max() ? $"{values.Min()}" : $"{values.Min()}..{values.Max()}";

    private static (int?, string, string) FirstDifferent(string c, string rtl)
    {
        var a = c.Split(',');
        var b = rtl.Split(',');
        if (a.Length == 1 && b.Length == 1) return (null, c, rtl);
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length ? a[i] : "(none)";
            var y = i < b.Length ? b[i] : "(none)";
            if (x != y) return (i, x, y);
        }
        return (null, c, rtl);
    }

    private static string FirstError(string log)
    {
        var diagnostics = VerilatorDiagnosticParser.Parse(log, f => f).Concat(GccDiagnosticParser.Parse(log, f => f));
        var first = diagnostics.FirstOrDefault(d => d.Severity == Severity.Error);
        if (first is not null) return first.ToCompilerLine();
        var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('\n', lines.TakeLast(6));
    }
}
