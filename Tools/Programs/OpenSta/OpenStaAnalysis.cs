using System.Text.RegularExpressions;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Programs.Liberty;

namespace HwForge.Tools.Programs.OpenSta;

/// <summary>
/// Static timing and power of a mapped netlist with OpenSTA, confined and cached as one step:
/// critical path, worst slack and Fmax at a clock period, and power under a stated activity.
/// </summary>
internal static partial class OpenStaAnalysis
{
    public static ResourceLimits DefaultLimits { get; } = ResourceLimits.Default.WithTimeout(TimeSpan.FromMinutes(5));

    /// <param name="netlistVerilog">A gate-level netlist of the library's cells, as <see cref="Programs.Yosys.SynthesisReport.Netlist"/>.</param>
    /// <param name="clockPort">The clock input; null for a combinational design (a virtual clock times in-to-out paths).</param>
    /// <param name="vcdText">A simulation trace to measure input activity from; null assumes the default activity.</param>
    /// <param name="vcdScope">The design's instance in the trace, dotted (<c>tb.dut</c>); null takes the first scope with signals.</param>
    public static async Task<TimingReport> RunAsync(
        ToolHost host, ToolVersions versions, string netlistVerilog, string top, LibertyLibrary liberty,
        string? clockPort, double clockPeriodNs, string? vcdText, string? vcdScope, CancellationToken cancellation = default,
        IReadOnlyList<string>? staticInputs = null)
    {
        if (!(clockPeriodNs > 0) || !double.IsFinite(clockPeriodNs))
            throw new ArgumentOutOfRangeException(nameof(clockPeriodNs), clockPeriodNs, "the clock period must be a positive number of ns");
        var version = await versions.RequireAsync(OpenStaTool.Descriptor, cancellation).ConfigureAwait(false);
        // A request refused before OpenSTA ran; its Run says so.
        TimingReport Refused(StaFailureKind kind, string why, ActivityUsed activity) =>
            new(top, clockPeriodNs, clockPort, null, null, null, activity, new StaFailure(kind, why, []), [],
                new ToolRunResult(-1, "", "not run: " + why, TimeSpan.Zero), version, FromCache: false);

        var defaultActivity = Activity(fromVcd: false, [], null);
        foreach (var (name, what) in new[] { (top, "top module"), (clockPort, "clock port") })
            if (name is not null && !Identifier().IsMatch(name))
                return Refused(what == "top module" ? StaFailureKind.NetlistError : StaFailureKind.ClockPortMissing,
                    $"'{name}' is not a valid {what} name", defaultActivity);

        IReadOnlyList<SignalActivity> measured = [];
        string? scope = null;
        if (vcdText is not null)
        {
            var trace = VcdActivity.Read(vcdText, vcdScope, clockPeriodNs);
            if (trace.Problem is not null) return Refused(StaFailureKind.VcdError, trace.Problem, defaultActivity);
            // The clock's activity comes from create_clock; names Tcl cannot hold as a word are left out.
            measured = [.. trace.Signals.Where(s => s.Name != clockPort && !s.Name.Any(c => c is '{' or '}' || char.IsWhiteSpace(c)))];
            scope = trace.Scope;
        }

        var step = new ToolStep(OpenStaTool.Descriptor.Name, version,
            new ToolInvocation("sta", ["-no_init", "-no_splash", "-exit", StaScript.ScriptFile]).WithLimits(DefaultLimits))
        {
            Inputs =
            [
                InputFile.FromText(StaScript.ScriptFile, StaScript.For(top, clockPort, clockPeriodNs, measured, staticInputs)),
                InputFile.FromText(StaScript.NetlistFile, netlistVerilog),
                LibertyStaging.Input(liberty),
            ],
        };
        var result = await host.RunAsync(step, cancellation).ConfigureAwait(false);
        var run = result.Run;
        var output = run.StandardOutput + "\n" + run.StandardError;

        var annotated = output.Split('\n').Where(l => l.StartsWith(StaScript.AnnotatedPrefix, StringComparison.Ordinal))
            .Select(l => l[StaScript.AnnotatedPrefix.Length..].Trim()).ToList();
        var activity = vcdText is null ? defaultActivity : Activity(fromVcd: true, annotated, scope);
        var errors = StaReportParser.Errors(output);
        TimingReport Failed(StaFailureKind kind, string summary) =>
            new(top, clockPeriodNs, clockPort, null, null, null, activity, new StaFailure(kind, summary, errors),
                StaReportParser.Warnings(output), run, version, result.FromCache);

        if (run.Limit != LimitHit.None) return Failed(StaFailureKind.Limit, $"sta {run.Describe(DefaultLimits)}");
        if (errors.FirstOrDefault(e => e.Contains("has no port named")) is { } noClock)
            return Failed(StaFailureKind.ClockPortMissing, noClock["Error: ".Length..]);
        if (StaReportParser.MissingCells(output) is { Count: > 0 } missing)
            return Failed(StaFailureKind.NetlistError,
                $"the netlist uses cells {liberty.Name} does not have ({string.Join(", ", missing.Take(8))}); synthesize it with the same library");
        if (errors.Count > 0) return Failed(StaFailureKind.NetlistError, errors[0]);
        var power = StaReportParser.ParsePower(StaReportParser.Section(output, StaScript.PowerMarker));
        if (run.ExitCode != 0 || power is null)
            return Failed(StaFailureKind.ToolError, $"sta {run.Describe(DefaultLimits)} without a power report: {Tail(output)}");

        var path = StaReportParser.ParseCriticalPath(StaReportParser.Section(output, StaScript.ChecksMarker));
        var slack = StaReportParser.ParseWorstSlack(StaReportParser.Section(output, StaScript.SlackMarker));
        return new TimingReport(top, clockPeriodNs, clockPort, path, path is null ? null : slack, power, activity, null,
            StaReportParser.Warnings(output), run, version, result.FromCache);
    }

    private static ActivityUsed Activity(bool fromVcd, IReadOnlyList<string> annotated, string? scope)
    {
        var assumed = $"{StaScript.DefaultActivity} toggles per clock period (duty {StaScript.DefaultDuty})";
        var description = fromVcd
            ? $"VCD scope '{scope}': {annotated.Count} input bits from the trace, any others {assumed}; OpenSTA propagates it inward"
            : $"no VCD: every input assumed to toggle {assumed}; OpenSTA propagates it inward";
        return new ActivityUsed(fromVcd, StaScript.DefaultActivity, StaScript.DefaultDuty, annotated, description);
    }

    private static string Tail(string text) => text.Length <= 400 ? text.Trim() : "…" + text[^400..].Trim();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_$]*$")]
    private static partial Regex Identifier();
}
