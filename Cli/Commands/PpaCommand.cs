using System.CommandLine;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs;
using HwForge.Tools.Programs.Liberty;
using HwForge.Tools.Programs.Nextpnr;
using HwForge.Tools.Targets.Rtl.Ppa;
using HwForge.Tools.Targets.Rtl;

namespace HwForge.Cli.Commands;

/// <summary>
/// <c>hwforge ppa</c>: area, timing and power from real tools. Exit 0 measured, 1 the design cannot
/// be synthesised or analysed (its fault), 2 usage or infrastructure error.
/// </summary>
public static class PpaCommand
{
    public static Command Create()
    {
        var design = new Argument<string[]>("design") { Description = "The design's " + RtlWords.Sources + " sources", Arity = ArgumentArity.OneOrMore };
        var top = new Option<string>("--top") { Description = "The top module", Required = true };
        var period = new Option<double>("--clock-period") { Description = "Clock period in ns for slack (and the FPGA target)", DefaultValueFactory = _ => 10 };
        var liberty = new Option<string>("--liberty") { Description = "osu018 (default), sky130 ($HWFORGE_SKY130_LIBERTY), a .lib/.lib.gz path, or generic", DefaultValueFactory = _ => "osu018" };
        var fpga = new Option<string?>("--fpga") { Description = "Run the FPGA flow instead: ice40 (up5k, or hx8k when the design needs more pins), or a device: hx1k, hx4k, hx8k, up5k" };
        var outOfContext = new Option<bool>("--out-of-context")
        {
            Description = "With --fpga: keep the design's ports inside a wrapper instead of on pins, for logic-only figures of a design with more ports than the package has pins",
        };
        var clock = new Option<string?>("--clock") { Description = "The clock input (default: found by use and name)" };
        var activity = new Option<string?>("--activity") { Description = "A VCD of the design for switching activity (default: HwForge simulates the design itself)" };
        var scope = new Option<string?>("--activity-scope") { Description = "The design's instance in the VCD, e.g. tb.dut" };
        var command = new Command("ppa", "Measure power, performance and area with " + RtlWords.PpaTools)
        {
            design, top, period, liberty, fpga, outOfContext, clock, activity, scope, CommonOptions.Json,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            if (parse.GetValue(outOfContext) && parse.GetValue(fpga) is null)
                throw new ArgumentException("--out-of-context places and routes on an FPGA: give it with --fpga ice40 (or a device: hx1k, hx4k, hx8k, up5k)");
            var request = new PpaRequest(SourceLoader.Load(parse.GetValue(design)!), parse.GetValue(top)!)
            {
                ClockPeriodNs = parse.GetValue(period),
                Liberty = parse.GetValue(liberty)!,
                Fpga = parse.GetValue(fpga) is { } name ? FindDevice(name) : null,
                OutOfContext = parse.GetValue(outOfContext),
                Clock = parse.GetValue(clock),
                ActivityVcd = parse.GetValue(activity) is { } vcd ? RequireFile(vcd) : null,
                ActivityScope = parse.GetValue(scope),
            };
            using var host = await CommonOptions.CreateHostAsync(parse, pooled: true);
            CommonOptions.WarnIfUnconfined(host, parse.InvocationConfiguration.Error);
            PpaReport report;
            using var progress = new StageProgress(parse.InvocationConfiguration.Error, "ppa", StageProgress.StderrIsTerminal);
            try
            {
                var analysis = new PpaAnalysis(host, new ToolVersions(host));
                report = await analysis.MeasureAsync(request, cancellation, progress.Line);
                // "ice40" names the family, not a part: when the UP5K's 39-pin package is too small for the design,
                // the HX8K's ct256 (206 IOs) is tried before the design is called too big.
                if (IsFamily(parse.GetValue(fpga)) && report.FpgaDetails?.Outcome == FpgaOutcome.TooBig)
                {
                    var first = report;
                    report = await analysis.MeasureAsync(request with { Fpga = Ice40Device.Hx8k }, cancellation, progress.Line);
                    parse.InvocationConfiguration.Error.WriteLine(report.Succeeded
                        ? $"-- the design does not fit the {Ice40Device.Up5k}; measured on the {Ice40Device.Hx8k} instead"
                        : $"-- {first.Failure}; the {Ice40Device.Hx8k} was tried as well");
                }
            }
            catch (LibertyUnavailableException e)
            {
                // The library says which library is missing; only here is it worded with the flag and its choices.
                throw new ArgumentException($"--liberty {request.Liberty}: {e.Message}. {LibertyChoices}", e);
            }
            progress.Dispose(); // the spinner is gone before the report is printed
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(CommonOptions.Json)) JsonOutput.Write(output, report);
            else Print(output, report);
            return report.Succeeded ? ExitCodes.Ok : ExitCodes.DesignFailed;
        });
        return command;
    }

    internal const string LibertyChoices =
        $"--liberty takes {LibertyResolver.Osu018} (the default), {LibertyResolver.Sky130} (with ${LibertyResolver.Sky130Variable} set), "
        + $"{LibertyResolver.Generic} (no area or timing), or the path of a .lib or .lib.gz file";

    private static bool IsFamily(string? name) => string.Equals(name, "ice40", StringComparison.OrdinalIgnoreCase);

    internal static Ice40Device FindDevice(string name) =>
        IsFamily(name) ? Ice40Device.Up5k
        : Ice40Device.Find(name) ?? throw new ArgumentException($"--fpga {name}: unknown device; use ice40, hx1k, hx4k, hx8k or up5k");

    private static string RequireFile(string path) => File.Exists(path) ? path : throw new ArgumentException($"--activity {path}: no such file");

    private static void Print(TextWriter output, PpaReport report)
    {
        output.WriteLine(report.Describe());
        if (!report.Succeeded) return;
        if (report.CriticalPathFrom is not null) output.WriteLine($"  critical path: {report.CriticalPathFrom} -> {report.CriticalPathTo}");
        if (report.Activity is not null) output.WriteLine($"  power activity: {report.Activity}");
        if (report.OutOfContextNote is { } note) output.WriteLine($"  {note}");
        if (report.FpgaDetails is { } fpga) output.WriteLine($"  {fpga.Summary}");
        var cells = report.CellsByType.OrderByDescending(c => c.Value).Take(8).Select(c => $"{c.Key} x{c.Value}");
        if (report.CellsByType.Count > 0) output.WriteLine($"  cells: {string.Join(", ", cells)}{(report.CellsByType.Count > 8 ? ", ..." : "")}");
        output.WriteLine($"  tools: {string.Join(", ", report.Tools.Select(t => $"{t.Key} {t.Value}"))}; {report.Elapsed.TotalSeconds:0.00} s");
    }
}
