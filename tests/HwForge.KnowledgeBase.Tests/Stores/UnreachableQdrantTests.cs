using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using HwForge.KnowledgeBase.Storage;

namespace HwForge.KnowledgeBase.Tests.Stores;

/// <summary>A Qdrant server that is not there, for real: a local port nothing listens on.</summary>
public sealed class UnreachableQdrantTests : IDisposable
{
    private readonly TempFolder _home = new();

    [Fact]
    public async Task an_unreachable_qdrant_fails_within_seconds_with_what_to_do_and_leaves_the_local_store_alone()
    {
        var data = Directory.CreateDirectory(Path.Combine(_home.Path, "data")).FullName;
        var database = Path.Combine(data, SqliteKnowledgeStore.FileName);
        await using (var local = await SqliteKnowledgeStore.OpenAsync(database))
            await local.AddAsync([new KnowledgeChunk("Mine", "a note only the local store has", KnowledgeSource.File("/mine.md"), KnowledgeKind.Doc)]);
        var before = File.ReadAllBytes(database);
        var choice = KnowledgeStoreChoice.Parse($"qdrant://127.0.0.1:{ClosedPort()}/team", "the test");

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<KnowledgeStoreException>(() => KnowledgeStores.OpenAsync(choice, data));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Contains("qdrant://127.0.0.1:", error.Message);
        Assert.Contains("/team did not answer", error.Message);
        Assert.Contains("docker run", error.Message);
        Assert.Equal(before, File.ReadAllBytes(database));
        Assert.Equal([SqliteKnowledgeStore.FileName], Directory.GetFiles(data).Select(Path.GetFileName));
    }

    [Fact]
    public void HWFORGE_KB_wins_over_the_config_file_and_sqlite_is_the_default()
    {
        var config = _home.Write("config.json", """{"knowledgeBase": "qdrant://kb.example:6334/team"}""");

        var fromFile = KnowledgeStoreChoice.Resolve(_ => null, config);
        var fromVariable = KnowledgeStoreChoice.Resolve(name => name == KnowledgeStoreChoice.Variable ? "sqlite" : null, config);
        var nothing = KnowledgeStoreChoice.Resolve(_ => null, Path.Combine(_home.Path, "missing.json"));

        Assert.Equal(("qdrant", "team", "kb.example"), (fromFile.Kind, fromFile.Collection, fromFile.Qdrant!.Host));
        Assert.Equal("sqlite", fromVariable.Kind);
        Assert.Equal("sqlite", nothing.Kind);
        Assert.Equal(KnowledgeStoreChoice.DefaultCollection, KnowledgeStoreChoice.Parse("qdrant://localhost:6334", "x").Collection);
    }

    [Fact]
    public void a_store_that_is_neither_sqlite_nor_qdrant_names_where_it_came_from()
    {
        var error = Assert.Throws<KnowledgeStoreException>(() =>
            KnowledgeStoreChoice.Resolve(name => name == KnowledgeStoreChoice.Variable ? "http://localhost:6333" : null, "/none.json"));

        Assert.Contains("'http://localhost:6333' (from HWFORGE_KB)", error.Message);
        Assert.Contains("qdrant://localhost:6334", error.Message);
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose() => _home.Dispose();
}
