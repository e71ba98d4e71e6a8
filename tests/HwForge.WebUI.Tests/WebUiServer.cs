using HwForge.Agents.Llm;
using HwForge.Tools.Foundation;
using Microsoft.AspNetCore.Builder;

namespace HwForge.WebUI.Tests;

/// <summary>
/// The real web UI on Kestrel at 127.0.0.1 (a free port), wired as <c>hwforge serve</c> wires it (sandbox, cache,
/// knowledge base), with a private HWFORGE_HOME deleted afterwards.
/// </summary>
public sealed class WebUiServer : IAsyncDisposable
{
    private WebUiServer(WebApplication app, HwForgeHome home)
    {
        App = app;
        Home = home;
        BaseUrl = WebUiApp.Addresses(app).Single().TrimEnd('/');
    }

    public WebApplication App { get; }

    public HwForgeHome Home { get; }

    public string BaseUrl { get; }

    public int Port => new Uri(BaseUrl).Port;

    /// <summary>Starts a server; offline (no LLM) unless <paramref name="llm"/> is given; small, quick runs by default.</summary>
    public static async Task<WebUiServer> StartAsync(LlmSettings? llm = null, string? token = null, RunDefaults? defaults = null,
        Func<WebUiOptions, WebUiOptions>? configure = null)
    {
        var home = new HwForgeHome(Directory.CreateTempSubdirectory("hwforge-webui-").FullName);
        var options = new WebUiOptions
        {
            Port = 0,
            Home = home,
            Llm = llm ?? new LlmSettings(),
            Token = token,
            Defaults = defaults ?? new RunDefaults { Candidates = 2, OptimizeRounds = 0 },
        };
        var app = await WebUiApp.BuildAsync(configure is null ? options : configure(options));
        await app.StartAsync();
        return new WebUiServer(app, home);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        try { Directory.Delete(Home.Root, recursive: true); }
        catch (IOException) { }
    }
}
