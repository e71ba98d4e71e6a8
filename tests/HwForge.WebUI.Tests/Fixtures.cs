namespace HwForge.WebUI.Tests;

/// <summary>One browser for every browser test.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Browser>
{
    public const string Name = "browser";
}

/// <summary>One offline server shared by a test class; each test uses its own browser session.</summary>
public sealed class OfflineServer : IAsyncLifetime
{
    public WebUiServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await WebUiServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
