using System.IO.Compression;
using System.Text;
using HwForge.Agents.Runs;
using HwForge.WebUI.Components.Run;
using HwForge.WebUI.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HwForge.WebUI.Hosting;

/// <summary>The plain HTTP endpoints beside the pages: embedded assets, a run's live view, and its zip.</summary>
public static class Endpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/assets/{name}", ServeAsset);
        app.MapGet("/runs/{id}/live", LiveAsync);
        app.MapGet("/runs/{id}/download", DownloadAsync);
    }

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
    /// Server-sent events: the run view rendered now, then again after each batch of events (a burst of
    /// steps is one render), then <c>end</c> with "finished" or "stopped" when the run is no longer running.
    /// </summary>
    private static async Task LiveAsync(string id, HttpContext context, RunService runs, HtmlRenderer renderer)
    {
        var owner = SessionOwner.Of(context);
        if (runs.PathOf(owner, id) is not { } path || runs.Watch(owner, id) is not { } watch)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        using (watch)
        {
            var cancellation = context.RequestAborted;
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache";
            var state = RunState.From(watch.Snapshot);
            try
            {
                await SendAsync(context, null, await RenderAsync(renderer, RunSnapshot.Load(id, path, state, watch.Updates is not null), runs.LlmConfigured), cancellation);
                if (watch.Updates is { } updates)
                {
                    await foreach (var batch in updates.ReadBatchesAsync(runs.Options.LiveBatchWindow, cancellation))
                    {
                        state = batch.Aggregate(state, (s, e) => s.Apply(e));
                        await SendAsync(context, null, await RenderAsync(renderer, RunSnapshot.Load(id, path, state, active: true), runs.LlmConfigured), cancellation);
                    }
                    await SendAsync(context, null, await RenderAsync(renderer, RunSnapshot.Load(id, path, state, active: false), runs.LlmConfigured), cancellation);
                }
                await SendAsync(context, "end", state.Phase is RunPhase.Finished or RunPhase.Failed ? "finished" : "stopped", cancellation);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                // The page went away.
            }
        }
    }

    internal static Task<string> RenderAsync(HtmlRenderer renderer, RunSnapshot snapshot, bool llmConfigured = false) =>
        renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<RunView>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Snapshot"] = snapshot, ["LlmConfigured"] = llmConfigured })))
            .ToHtmlString());

    private static async Task SendAsync(HttpContext context, string? eventName, string data, CancellationToken cancellation)
    {
        var message = new StringBuilder();
        if (eventName is not null) message.Append("event: ").Append(eventName).Append('\n');
        foreach (var line in data.Split('\n')) message.Append("data: ").Append(line.TrimEnd('\r')).Append('\n');
        message.Append('\n');
        await context.Response.WriteAsync(message.ToString(), cancellation);
        await context.Response.Body.FlushAsync(cancellation);
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
