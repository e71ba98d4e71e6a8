using HwForge.WebUI;
using HwForge.WebUI.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HwForge.Cli.Mcp;

/// <summary>
/// <c>hwforge mcp --http</c>: streamable HTTP at /mcp. The same rules as <c>serve</c>: on loopback without a token
/// only requests naming 127.0.0.1, localhost or [::1] are answered (a web page cannot reach it by DNS rebinding);
/// any other address needs a token that every request carries.
/// </summary>
internal static class HttpMcpServer
{
    public const string Path = "/mcp";

    public static async Task RunAsync(McpServerSettings settings, string address, int port, string? token, TextWriter log, CancellationToken cancellation)
    {
        // The web UI's checks of address and token, so both servers refuse the same things in the same words.
        var checkedOptions = new WebUiOptions { Host = address, Port = port, Token = token }.Validated();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.AddServerHeader = false);
        builder.WebHost.UseUrls(checkedOptions.Url);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddHwForge(settings).WithHttpTransport();
        await using var app = builder.Build();
        if (token is not null) app.Use(new TokenGate(token).InvokeAsync);
        else app.Use(LoopbackHostCheck.InvokeAsync);
        app.MapMcp(Path);
        await app.StartAsync(cancellation);
        foreach (var url in WebUiApp.Addresses(app))
            log.WriteLine($"HwForge MCP server on {url}{Path}{(token is null ? "" : " (send 'Authorization: Bearer TOKEN')")}; Ctrl+C stops it");
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellation, app.Lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(Timeout.Infinite, stopping.Token);
        }
        catch (OperationCanceledException)
        {
        }
        await app.StopAsync(CancellationToken.None);
        await app.Services.GetRequiredService<SharedToolHost>().DisposeAsync();
    }
}
