using System.CommandLine;
using HwForge.Cli.Sarif;
using HwForge.Tools.Foundation.Diagnostics;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs;
using HwForge.Tools.Programs.Verilator;
using HwForge.Tools.Targets.Rtl;

namespace HwForge.Cli.Commands;

/// <summary>
/// <c>hwforge lint FILE... [--top NAME]</c>: Verilator's lint as compiler-style lines that IDE
/// problem matchers read. Exit 0 clean (warnings allowed), 1 errors, 2 usage or infrastructure.
/// </summary>
public static class LintCommand
{
    public sealed record LintOutput(bool Clean, int Errors, int Warnings, string Tool, string ToolVersion, bool FromCache, IReadOnlyList<Diagnostic> Diagnostics);

    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = RtlWords.Sources + " sources", Arity = ArgumentArity.OneOrMore };
        var top = new Option<string?>("--top") { Description = "Top module (default: Verilator picks the one not instantiated)" };
        var command = new Command("lint", "Lint " + RtlWords.Sources + " with Verilator, printing file:line:col: severity: message") { files, top, CommonOptions.Json, CommonOptions.Format };
        command.SetAction(async (parse, cancellation) =>
        {
            var sources = SourceLoader.Load(parse.GetValue(files)!);
            using var host = await CommonOptions.CreateHostAsync(parse);
            CommonOptions.WarnIfUnconfined(host, parse.InvocationConfiguration.Error);
            var report = await VerilatorLint.RunAsync(host, new ToolVersions(host), sources, parse.GetValue(top), cancellation);
            var output = parse.InvocationConfiguration.Output;

            if (LimitProblem(report) is { } problem)
            {
                parse.InvocationConfiguration.Error.WriteLine($"hwforge: {problem}");
                return ExitCodes.UsageOrInfrastructure;
            }
            var format = CommonOptions.FormatOf(parse);
            if (format == OutputFormat.Json)
                JsonOutput.Write(output, Summarize(report));
            else if (format == OutputFormat.Sarif)
            {
                var log = new SarifLog(CliVersion.Text, Environment.CurrentDirectory);
                foreach (var diagnostic in report.Diagnostics) log.Add(diagnostic);
                log.Write(output);
            }
            else
            {
                foreach (var diagnostic in report.Diagnostics) output.WriteLine(diagnostic.ToCompilerLine());
                if (report.HasErrors && report.Errors == 0) output.WriteLine(report.Run.StandardError.Trim());
                output.WriteLine($"{report.Errors} error(s), {report.Warnings} warning(s) (verilator {report.ToolVersion}{(report.FromCache ? ", cached" : "")})");
            }
            return report.HasErrors ? ExitCodes.DesignFailed : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The lint as --json and the MCP lint tool give it.</summary>
    internal static LintOutput Summarize(LintReport report) =>
        new(!report.HasErrors, report.Errors, report.Warnings, "verilator", report.ToolVersion, report.FromCache, report.Diagnostics);

    /// <summary>A lint stopped by a limit (time, output) is the machine's problem, not a verdict on the design.</summary>
    internal static string? LimitProblem(LintReport report) =>
        report.Run.Limit == LimitHit.None ? null : $"verilator {report.Run.Describe(ResourceLimits.Default)}";
}
