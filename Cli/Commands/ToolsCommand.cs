using System.CommandLine;
using HwForge.Tools.Programs;

namespace HwForge.Cli.Commands;

/// <summary><c>hwforge tools</c>: each tool, its version, and whether the sandbox works.</summary>
public static class ToolsCommand
{
    public sealed record ToolLine(string Name, string Executable, string? Version, string? Path, string Purpose, string? Problem);

    public sealed record ToolsReport(string Sandbox, bool SandboxWorks, string SandboxDetail, string? SandboxFix, string Home, IReadOnlyList<ToolLine> Tools)
    {
        public bool AllAvailable => SandboxWorks && Tools.All(t => t.Version is not null);
    }

    public static Command Create()
    {
        var command = new Command("tools", "List the EDA tools HwForge drives, their versions, and whether the sandbox works") { CommonOptions.Json };
        command.SetAction(async (parse, cancellation) =>
        {
            var report = await BuildReportAsync(parse.GetValue(CommonOptions.UnsafeNoSandbox), cancellation);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(CommonOptions.Json)) JsonOutput.Write(output, report);
            else Print(output, report);
            return report.AllAvailable ? ExitCodes.Ok : ExitCodes.UsageOrInfrastructure;
        });
        return command;
    }

    public static async Task<ToolsReport> BuildReportAsync(bool unsafeNoSandbox, CancellationToken cancellation)
    {
        var probed = await ProbedHost.CreateAsync(unsafeNoSandbox);
        var (status, home, versions) = (probed.Status, probed.Home, probed.Versions);
        var lines = new List<ToolLine>();
        if (versions is null)
        {
            // Versions are asked of the tools themselves, which HwForge only runs confined.
            foreach (var tool in ToolRegistry.All)
                lines.Add(new ToolLine(tool.Name, tool.Executable, null, ToolVersions.FindOnPath(tool.Executable), tool.Purpose, "not run: the sandbox does not work"));
        }
        else
        {
            var probes = ToolRegistry.All.Select(tool => versions.GetAsync(tool, cancellation)).ToList();
            foreach (var probe in await Task.WhenAll(probes))
                lines.Add(new ToolLine(probe.Tool.Name, probe.Tool.Executable, probe.Version, probe.Path, probe.Tool.Purpose, probe.Problem));
        }
        return new ToolsReport(status.Sandbox, status.Works, status.Detail, status.Fix, home.Root, lines);
    }

    private static void Print(TextWriter output, ToolsReport report)
    {
        var nameWidth = report.Tools.Max(t => t.Name.Length);
        var versionWidth = report.Tools.Max(t => (t.Version ?? "missing").Length);
        foreach (var tool in report.Tools)
        {
            var version = tool.Version ?? "missing";
            var detail = tool.Problem ?? tool.Purpose;
            output.WriteLine($"{tool.Name.PadRight(nameWidth)}  {version.PadRight(versionWidth)}  {detail}");
        }
        output.WriteLine();
        output.WriteLine(report.SandboxWorks
            ? $"sandbox: {report.Sandbox}: {report.SandboxDetail}"
            : $"sandbox: {report.Sandbox}: NOT WORKING: {report.SandboxDetail}. Fix: {report.SandboxFix}");
        output.WriteLine($"home:    {report.Home}");
    }
}
