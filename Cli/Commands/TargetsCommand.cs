using System.CommandLine;
using HwForge.Tools.Foundation.Caching;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sandbox;
using HwForge.Tools.Programs;
using HwForge.Tools.Targets;

namespace HwForge.Cli.Commands;

/// <summary><c>hwforge targets</c>: each design target, the files it reads, its objectives and options, and whether its tools are there.</summary>
public static class TargetsCommand
{
    public sealed record TargetTool(string Name, string Executable, string? Version, string? Problem);

    public sealed record TargetOptionLine(string Name, string Default, string Description);

    public sealed record TargetLine(string Name, string Title, IReadOnlyList<string> FileKinds, IReadOnlyList<string> Objectives,
        IReadOnlyList<TargetOptionLine> Options, IReadOnlyList<TargetTool> Tools, IReadOnlyList<string> Catalog)
    {
        /// <summary>Every tool the target needs answered with its version.</summary>
        public bool Available => Tools.All(t => t.Version is not null);
    }

    public sealed record TargetsReport(bool SandboxWorks, string SandboxDetail, IReadOnlyList<TargetLine> Targets);

    public static Command Create()
    {
        var command = new Command("targets", "List the design targets (RTL, ...), the files each reads, its objectives, options and offline catalog, and whether its tools are available")
        {
            CommonOptions.Json,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var report = await BuildReportAsync(parse.GetValue(CommonOptions.UnsafeNoSandbox), cancellation);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(CommonOptions.Json)) JsonOutput.Write(output, report);
            else Print(output, report);
            return report.Targets.All(t => t.Available) ? ExitCodes.Ok : ExitCodes.UsageOrInfrastructure;
        });
        return command;
    }

    public static async Task<TargetsReport> BuildReportAsync(bool unsafeNoSandbox, CancellationToken cancellation)
    {
        var probed = await ProbedHost.CreateAsync(unsafeNoSandbox);
        var status = probed.Status;
        // Without a working sandbox the targets are still listed, from a host that is never asked to run anything.
        var host = probed.Host ?? new ToolHost(new BubblewrapSandbox(), probed.Home, new ContentCache(probed.Home.Cache));
        var versions = probed.Versions ?? new ToolVersions(host);
        var lines = new List<TargetLine>();
        foreach (var target in TargetRegistry.Create(host, versions).All)
        {
            var tools = new List<TargetTool>();
            foreach (var tool in target.Tools)
            {
                // Versions are asked of the tools themselves, which HwForge only runs confined.
                if (!status.Works) { tools.Add(new(tool.Name, tool.Executable, null, "not run: the sandbox does not work")); continue; }
                var probe = await versions.GetAsync(tool, cancellation);
                tools.Add(new(tool.Name, tool.Executable, probe.Version, probe.Problem));
            }
            lines.Add(new TargetLine(target.Name, target.Title,
                [.. target.FileKinds.Select(k => $"{k.Extension} ({k.Language})")],
                [.. target.Objectives.Select(o => $"{o.Name} ({o.Unit})")],
                [.. target.Options.Select(o => new TargetOptionLine(o.Name, o.Default, o.Description))],
                tools,
                [.. target.Catalog?.Families.Select(f => f.Name) ?? []]));
        }
        return new TargetsReport(status.Works, status.Detail, lines);
    }

    private static void Print(TextWriter output, TargetsReport report)
    {
        foreach (var target in report.Targets)
        {
            output.WriteLine($"{target.Name}: {target.Title}");
            output.WriteLine($"  files:      {string.Join(", ", target.FileKinds)}");
            output.WriteLine($"  objectives: {(target.Objectives.Count == 0 ? "none declared (candidates are ranked by correctness; what the target measures, if anything, is reported as metrics)" : string.Join(", ", target.Objectives))}");
            output.WriteLine($"  options:    {string.Join(", ", target.Options.Select(o => $"{o.Name}={o.Default}"))}");
            output.WriteLine($"  catalog:    {(target.Catalog.Count == 0 ? "none (offline runs are refused; it needs an LLM)" : string.Join(", ", target.Catalog))}");
            output.WriteLine($"  tools:      {string.Join(", ", target.Tools.Select(t => $"{t.Name} {t.Version ?? "MISSING" + (t.Problem is null ? "" : $" ({t.Problem})")}"))}");
            output.WriteLine($"  available:  {(target.Available ? "yes" : "no")}");
        }
        if (!report.SandboxWorks) output.WriteLine($"sandbox: NOT WORKING: {report.SandboxDetail}");
    }
}
