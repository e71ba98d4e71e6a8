using Microsoft.Playwright;

namespace HwForge.WebUI.Tests;

/// <summary>Debian's chromium driven by Playwright; no browser is ever downloaded.</summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Instance { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: run sandbox/install-toolchain.sh (it installs Debian's chromium).");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        // --no-sandbox: the tests run as root, where chromium's own sandbox refuses to start.
        Instance = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ["--no-sandbox"] });
    }

    public async Task DisposeAsync()
    {
        if (Instance is not null) await Instance.CloseAsync();
        _playwright?.Dispose();
    }

    /// <summary>A new browser session (its own cookies, so its own runs) on a laptop-sized window.</summary>
    public async Task<IPage> NewSessionAsync(string baseUrl)
    {
        var context = await Instance.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1366, Height = 900 }, AcceptDownloads = true });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Where screenshots go: artifacts/webui/ at the repository root (ignored by git).</summary>
    public static string ArtifactPath(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Agents.sln"))) dir = dir.Parent;
        var folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "artifacts", "webui");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
