namespace HwForge.WebUI.Tests;

/// <summary>One browser for every browser test.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Browser>
{
    public const string Name = "browser";
}

/// <summary>
/// One offline server shared by a test class; each test uses its own browser session. The class's tests run one
/// after another and leave runs going, which on a loaded machine are still live when the next test sends: the
/// server's run limits (tested by RunLimitTests on their own server) are raised here so that a slow earlier run
/// never makes a later test's Send answer "the server is busy" instead of opening the run page.
/// </summary>
public sealed class OfflineServer : IAsyncLifetime
{
    public WebUiServer Server { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Server = await WebUiServer.StartAsync(configure: o => o with { MaxRunsPerSession = 32, MaxRunsPerServer = 64 });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
