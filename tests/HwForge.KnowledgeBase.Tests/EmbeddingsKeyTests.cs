using System.Net;
using System.Net.Sockets;
using HwForge.KnowledgeBase.Embeddings;

namespace HwForge.KnowledgeBase.Tests;

/// <summary>
/// The embeddings endpoint gets a key only when it is the one the key was configured for, checked on the wire:
/// a real embeddings server on 127.0.0.1 records whether an Authorization header arrived.
/// </summary>
public sealed class EmbeddingsKeyTests
{
    private const string ChatKey = "sk-chat-0123456789";
    private const string OwnKey = "sk-embed-0123456789";

    private static async Task<string?> AuthorizationSeenAsync(EmbeddingServer server, Dictionary<string, string> environment)
    {
        environment[OpenAiEmbedder.EndpointVariable] = server.Endpoint.ToString();
        environment[OpenAiEmbedder.ModelVariable] = "test-embed-1";
        var embedder = OpenAiEmbedder.FromEnvironment(name => environment.GetValueOrDefault(name))!;
        await embedder.EmbedAsync(["a car"]);
        Assert.Equal(1, server.Requests);
        return server.LastAuthorization;
    }

    [Fact]
    public async Task The_chat_key_is_not_sent_to_an_embeddings_endpoint_it_was_not_configured_for()
    {
        await using var server = new EmbeddingServer();

        var seen = await AuthorizationSeenAsync(server, new()
        {
            [EmbeddingsKey.LlmKeyVariable] = ChatKey,
            [EmbeddingsKey.LlmEndpointVariable] = "http://127.0.0.1:1/v1", // the chat server is another one
        });

        Assert.Null(seen);
    }

    [Fact]
    public async Task The_chat_key_meant_for_OpenAI_is_not_sent_to_a_local_embeddings_endpoint()
    {
        await using var server = new EmbeddingServer();

        var seen = await AuthorizationSeenAsync(server, new() { [EmbeddingsKey.LlmKeyVariable] = ChatKey });

        Assert.Null(seen);
    }

    [Fact]
    public async Task The_chat_key_is_sent_when_embeddings_are_served_by_its_own_endpoint()
    {
        await using var server = new EmbeddingServer();

        var seen = await AuthorizationSeenAsync(server, new()
        {
            [EmbeddingsKey.LlmKeyVariable] = ChatKey,
            [EmbeddingsKey.LlmEndpointVariable] = server.Endpoint + "/", // a trailing slash names the same endpoint
        });

        Assert.Equal($"Bearer {ChatKey}", seen);
    }

    [Fact]
    public async Task A_key_set_for_the_embeddings_endpoint_goes_there()
    {
        await using var server = new EmbeddingServer();

        var seen = await AuthorizationSeenAsync(server, new()
        {
            [EmbeddingsKey.KeyVariable] = OwnKey,
            [EmbeddingsKey.LlmKeyVariable] = ChatKey,
            [EmbeddingsKey.LlmEndpointVariable] = "https://api.openai.com/v1",
        });

        Assert.Equal($"Bearer {OwnKey}", seen);
    }

    [Fact]
    public async Task An_embeddings_endpoint_that_redirects_elsewhere_does_not_pass_the_key_on()
    {
        await using var elsewhere = new EmbeddingServer();
        using var redirector = new Redirector(new Uri(elsewhere.Endpoint + "/embeddings"));
        var environment = new Dictionary<string, string>
        {
            [OpenAiEmbedder.EndpointVariable] = redirector.Endpoint.ToString(),
            [OpenAiEmbedder.ModelVariable] = "test-embed-1",
            [EmbeddingsKey.KeyVariable] = OwnKey,
        };
        var embedder = OpenAiEmbedder.FromEnvironment(name => environment.GetValueOrDefault(name))!;

        await embedder.EmbedAsync(["a car"]);

        Assert.Equal($"Bearer {OwnKey}", redirector.LastAuthorization); // its own endpoint got it
        Assert.Equal(1, elsewhere.Requests);                            // the redirect was followed
        Assert.Null(elsewhere.LastAuthorization);                       // but the key stayed behind
    }

    /// <summary>A server on 127.0.0.1 that answers every request with 307 to <paramref name="target"/>.</summary>
    private sealed class Redirector : IDisposable
    {
        private readonly HttpListener _listener = new();

        public Redirector(Uri target)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Endpoint = new Uri($"http://127.0.0.1:{port}/v1");
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _ = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try { context = await _listener.GetContextAsync(); }
                    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
                    LastAuthorization = context.Request.Headers["Authorization"];
                    context.Response.StatusCode = 307;
                    context.Response.RedirectLocation = target.ToString();
                    context.Response.Close();
                }
            });
        }

        public Uri Endpoint { get; }

        public string? LastAuthorization { get; private set; }

        public void Dispose() => _listener.Close();
    }
}
