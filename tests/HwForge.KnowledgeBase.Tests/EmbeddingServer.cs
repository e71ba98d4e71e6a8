using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace HwForge.KnowledgeBase.Tests;

/// <summary>
/// A real OpenAI-compatible embeddings server on 127.0.0.1 with deterministic vectors: words of one
/// concept (car, automobile, vehicle...) share a dimension, every other word hashes to its own, so
/// "automobile" is close to a text about cars without sharing a single keyword.
/// </summary>
public sealed class EmbeddingServer : IAsyncDisposable
{
    public const int Dimensions = 64;

    private static readonly Dictionary<string, int> Concepts = new()
    {
        ["car"] = 0, ["cars"] = 0, ["automobile"] = 0, ["vehicle"] = 0, ["wheels"] = 0,
        ["banana"] = 1, ["fruit"] = 1, ["apple"] = 1,
    };

    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private int _requests;

    public EmbeddingServer()
    {
        var port = FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}/v1");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

    public int Requests => _requests;

    public string? LastAuthorization { get; private set; }

    public string? LastModel { get; private set; }

    public static float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        foreach (var word in text.ToLowerInvariant().Split([' ', '\n', '.', ',', '>', ':'], StringSplitOptions.RemoveEmptyEntries))
            vector[Concepts.TryGetValue(word, out var concept) ? concept : 2 + (int)((uint)StableHash(word) % (Dimensions - 2))] += 1;
        return vector;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            Interlocked.Increment(ref _requests);
            LastAuthorization = context.Request.Headers["Authorization"];
            using var request = await JsonDocument.ParseAsync(context.Request.InputStream);
            LastModel = request.RootElement.GetProperty("model").GetString();
            var inputs = request.RootElement.GetProperty("input").EnumerateArray().Select(i => i.GetString()!).ToList();
            var answer = new { data = inputs.Select((text, index) => new { index, embedding = Embed(text) }).ToList(), model = LastModel };
            context.Response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(context.Response.OutputStream, answer);
            context.Response.Close();
        }
    }

    private static int StableHash(string word) => word.Aggregate(17, (hash, c) => unchecked(hash * 31 + c));

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}
