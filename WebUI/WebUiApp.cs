using HwForge.Agents.Llm;
using HwForge.KnowledgeBase;
using HwForge.Tools.Foundation;
using HwForge.Tools.Foundation.Caching;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sandbox;
using HwForge.WebUI.Components;
using HwForge.WebUI.Hosting;
using HwForge.WebUI.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HwForge.WebUI;

/// <summary>
/// Builds the web UI: one <see cref="ToolHost"/> and one <see cref="RunService"/> for the app, security headers on
/// every response, the token gate when a token is set (else only loopback Host names are answered), the session
/// owner cookie, the pages and the live and download endpoints.
/// </summary>
public static class WebUiApp
{
    public static async Task<WebApplication> BuildAsync(WebUiOptions options, CancellationToken cancellation = default)
    {
        options = options.Validated();
        var home = options.Home ?? HwForgeHome.FromEnvironment();
        var llm = options.Llm ?? LlmSettings.Resolve(home: home);
        var sandbox = await SandboxProbe.ChooseAsync(options.UnsafeNoSandbox);
        var host = new ToolHost(sandbox, home, options.UseCache ? new ContentCache(home.Cache) : null);
        var knowledge = options.UseKnowledgeBase ? await KnowledgeStores.OpenDefaultAsync(home.Data, cancellation) : null;

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(WebUiApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 8 * 1024 * 1024; // a 1 MB message reaches the chat's own refusal
        });
        builder.WebHost.UseUrls(options.Url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        // The run view is an interactive island; a circuit whose browser went away is kept a while for a reconnect.
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddAntiforgery();
        // Antiforgery tokens stay valid across restarts, and the keys stay in HwForge's own data folder.
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(home.Data, "webui-keys")));
        builder.Services.AddSingleton(_ => new RunService(home, llm, host, knowledge, options));

        var app = builder.Build();
        app.Use(SecurityHeaders.AddAsync);
        // Order matters: the headers wrap every answer, refusals included; then who may ask at all.
        if (options.Token is { } token) app.Use(new TokenGate(token).InvokeAsync);
        else app.Use(LoopbackHostCheck.InvokeAsync);
        app.Use(SessionOwner.AssignAsync);
        app.UseAntiforgery();
        Endpoints.Map(app);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>Serves until <paramref name="cancellation"/> fires; tells <paramref name="output"/> where.</summary>
    public static async Task RunAsync(WebUiOptions options, TextWriter output, CancellationToken cancellation = default)
    {
        await using var app = await BuildAsync(options, cancellation);
        await app.StartAsync(cancellation);
        if (app.Services.GetRequiredService<RunService>().KeyWithheld is { } withheld) output.WriteLine(withheld);
        foreach (var url in Addresses(app))
            output.WriteLine($"HwForge web UI on {url}{(options.Token is null ? "" : "/?token=…")} (designs from {app.Services.GetRequiredService<RunService>().DesignSource}); Ctrl+C stops it");
        // Ctrl+C in the CLI cancels; SIGTERM reaches the host's own lifetime. Either stops the server.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellation, app.Lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(Timeout.Infinite, stopping.Token);
        }
        catch (OperationCanceledException)
        {
        }
        await app.StopAsync(CancellationToken.None);
    }

    /// <summary>The addresses the server listens on (with the real port when 0 was asked for).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app) =>
        [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];
}
