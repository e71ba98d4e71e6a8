using System.IO.Compression;
using HwForge.Agents.Runs;
using HwForge.WebUI.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HwForge.WebUI.Hosting;

/// <summary>The plain HTTP endpoints beside the pages: embedded assets (the framework's script among them) and a run's zip.</summary>
public static class Endpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/assets/{name}", ServeAsset);
        app.MapGet("/_framework/blazor.web.js", ServeFrameworkScript);
        app.MapGet("/runs/{id}/download", DownloadAsync);
    }

    private static IResult ServeFrameworkScript() =>
        typeof(Endpoints).Assembly.GetManifestResourceStream("_framework/blazor.web.js") is { } script
            ? Results.Stream(script, "text/javascript; charset=utf-8")
            : Results.NotFound();

    private static IResult ServeAsset(string name)
    {
        var stream = typeof(Endpoints).Assembly.GetManifestResourceStream($"wwwroot/{name}");
        if (stream is null) return Results.NotFound();
        var type = Path.GetExtension(name) switch
        {
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            _ => "application/octet-stream",
        };
        return Results.Stream(stream, type);
    }

    /// <summary>
    /// The run's final design with its reference and the netlist and timing report it was measured on, the reports,
    /// the spec and each candidate's files, as one zip (owner only) whose entries sit in one folder named after the
    /// run, so unpacking two downloads side by side never mixes them.
    /// </summary>
    private static async Task DownloadAsync(string id, HttpContext context, RunService runs)
    {
        if (runs.PathOf(SessionOwner.Of(context), id) is not { } path)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in ZipContents(path))
                zip.CreateEntryFromFile(file, $"{Path.GetFileName(path)}/{Path.GetRelativePath(path, file).Replace('\\', '/')}", CompressionLevel.Fastest);
        }
        context.Response.ContentType = "application/zip";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{id}.zip\"";
        buffer.Position = 0;
        await buffer.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    internal static IEnumerable<string> ZipContents(string path)
    {
        foreach (var name in new[] { RunFolder.ReportMarkdownFile, RunFolder.ReportJsonFile, RunFolder.OptionsFile, RunFolder.EventsFile })
            if (File.Exists(Path.Combine(path, name))) yield return Path.Combine(path, name);
        foreach (var folder in new[] { "final", "spec", "candidates" })
        {
            var full = Path.Combine(path, folder);
            if (!Directory.Exists(full)) continue;
            foreach (var file in Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                if (!file.EndsWith(".tmp", StringComparison.Ordinal)) yield return file;
        }
    }
}
