using System.ComponentModel;
using System.Text.Json;
using HwForge.Agents.Reports;
using HwForge.Agents.Runs;
using HwForge.Tools.Foundation;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using HwForge.Tools.Targets.Rtl;

namespace HwForge.Cli.Mcp;

/// <summary>
/// Each run's report and final design as resources, <c>hwforge://runs/{id}/report</c> and
/// <c>hwforge://runs/{id}/design</c>, read from the run folders under HWFORGE_HOME/runs (and nowhere else).
/// </summary>
[McpServerResourceType]
internal static class RunResources
{
    [McpServerResource(UriTemplate = "hwforge://runs/{id}/report", Name = "run_report", MimeType = "application/json")]
    [Description("A design run's report (report.json): status, candidates, PPA, the final design's path")]
    public static TextResourceContents Report(string id) =>
        new() { Uri = $"hwforge://runs/{id}/report", MimeType = "application/json", Text = File.ReadAllText(ReportPath(id)) };

    [McpServerResource(UriTemplate = "hwforge://runs/{id}/report.md", Name = "run_report_markdown", MimeType = "text/markdown")]
    [Description("A design run's report for people (report.md)")]
    public static TextResourceContents ReportMarkdown(string id) =>
        new() { Uri = $"hwforge://runs/{id}/report.md", MimeType = "text/markdown", Text = File.ReadAllText(Path.Combine(Folder(id), RunFolder.ReportMarkdownFile)) };

    [McpServerResource(UriTemplate = "hwforge://runs/{id}/design", Name = "run_design", MimeType = RtlWords.MimeType)]
    [Description("A design run's final design: the best verified candidate's source")]
    public static TextResourceContents Design(string id)
    {
        var report = JsonSerializer.Deserialize<RunReport>(File.ReadAllText(ReportPath(id)), RunJson.Options)!;
        if (report.FinalDesign is not { } final) throw new McpException($"run {id} has no final design: {report.Headline}");
        // Only the file's name is taken from the report, so the answer always comes from the run's own final/ folder.
        var path = Path.Combine(Folder(id), "final", Path.GetFileName(final));
        if (!File.Exists(path))
            throw new McpException($"run {id}: its final design {final} is not in the run folder");
        return new() { Uri = $"hwforge://runs/{id}/design", MimeType = RtlWords.MimeType, Text = File.ReadAllText(path) };
    }

    private static string ReportPath(string id)
    {
        var path = Path.Combine(Folder(id), RunFolder.ReportJsonFile);
        return File.Exists(path) ? path : throw new McpException($"run {id} has no report yet: it is still running, or it stopped before the end");
    }

    // A run id is a folder name, never a path: "../" or "/" could name any folder on the machine.
    private static string Folder(string id)
    {
        if (id.Length == 0 || id.Contains('/') || id is "." or ".." || id.Contains('\0'))
            throw new McpException($"'{id}' is not a run id; a run id is the name of a folder under {HwForgeHome.FromEnvironment().Runs}");
        var folder = Path.Combine(HwForgeHome.FromEnvironment().Runs, id);
        return Directory.Exists(folder) ? folder : throw new McpException($"no run '{id}' in {HwForgeHome.FromEnvironment().Runs}");
    }
}
