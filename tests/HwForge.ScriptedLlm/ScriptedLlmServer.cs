using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HwForge.ScriptedLlm;

/// <summary>
/// An OpenAI-compatible server on 127.0.0.1 that answers from an <see cref="LlmScript"/> and records
/// every request. <c>await using var server = await ScriptedLlmServer.StartAsync(script);</c> then
/// point a client at <see cref="BaseUrl"/>.
/// </summary>
public sealed class ScriptedLlmServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ScriptPlayer _player;
    private readonly LlmScript _script;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Action<RecordedRequest>? _onRequest;
    private int _completions;

    private ScriptedLlmServer(WebApplication app, LlmScript script, Action<RecordedRequest>? onRequest)
    {
        _app = app;
        _script = script;
        _player = new ScriptPlayer(script);
        _onRequest = onRequest;
    }

    /// <summary>The API base URL, e.g. <c>http://127.0.0.1:41234/v1</c>, as an OpenAI client wants it.</summary>
    public string BaseUrl { get; private set; } = "";

    public int Port { get; private set; }

    /// <summary>Every request so far, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>The chat completion requests so far, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> ChatRequests => Requests.Where(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal)).ToArray();

    /// <summary>Starts listening on 127.0.0.1; port 0 picks a free one.</summary>
    public static async Task<ScriptedLlmServer> StartAsync(LlmScript script, int port = 0, Action<RecordedRequest>? onRequest = null, CancellationToken cancellation = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var server = new ScriptedLlmServer(app, script, onRequest);
        server.Map(app);
        await app.StartAsync(cancellation);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Port = new Uri(address).Port;
        server.BaseUrl = $"http://127.0.0.1:{server.Port}/v1";
        return server;
    }

    /// <summary>Completes when the host is asked to stop (SIGTERM, Ctrl+C); for the standalone process.</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            await Record(context);
            if (_script.ApiKey is { } key && context.Request.Headers.Authorization.ToString() != $"Bearer {key}")
            {
                await ChatReplies.WriteErrorAsync(context, 401, "Incorrect API key provided.", "invalid_api_key");
                return;
            }
            await next(context);
        });
        app.MapPost("/v1/chat/completions", ChatAsync);
        app.MapGet("/v1/models", () => Results.Json(new
        {
            @object = "list",
            data = (_script.Models.Count > 0 ? _script.Models : ["scripted"]).Select(id => new { id, @object = "model", created = 0, owned_by = "hwforge-scripted" }),
        }));
        app.MapPost("/v1/embeddings", EmbeddingsAsync);
    }

    private async Task ChatAsync(HttpContext context)
    {
        if (Body(context) is not JsonObject body)
        {
            await ChatReplies.WriteErrorAsync(context, 400, "The body is not a JSON object.");
            return;
        }
        var request = ChatRequest.Parse(body);
        if (_script.Models.Count > 0 && !_script.Models.Contains(request.Model))
        {
            await ChatReplies.WriteErrorAsync(context, 404, $"The model '{request.Model}' does not exist.", "model_not_found");
            return;
        }
        var pick = _player.Next(request.System, request.LastUser);
        if (pick.Answer is null)
        {
            await ChatReplies.WriteErrorAsync(context, 400, $"scripted LLM: {pick.Problem}", "script");
            return;
        }
        try
        {
            await ChatReplies.WriteAsync(context, request, pick.Answer, Interlocked.Increment(ref _completions));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (timeout or cancellation): nothing more to send.
        }
    }

    private Task EmbeddingsAsync(HttpContext context)
    {
        var body = Body(context);
        var inputs = body?["input"] switch
        {
            JsonArray many => many.Select(i => (string?)i ?? "").ToArray(),
            JsonValue one => [(string?)one ?? ""],
            _ => [],
        };
        var dimensions = (int?)body?["dimensions"] ?? Embeddings.DefaultDimensions;
        var tokens = inputs.Sum(i => Embeddings.Words(i).Count());
        return context.Response.WriteAsJsonAsync(new
        {
            @object = "list",
            data = inputs.Select((text, index) => new { @object = "embedding", index, embedding = Embeddings.Embed(text, dimensions) }),
            model = (string?)body?["model"] ?? "scripted-embedding",
            usage = new { prompt_tokens = tokens, total_tokens = tokens },
        });
    }

    private async Task Record(HttpContext context)
    {
        context.Request.EnableBuffering();
        using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        context.Request.Body.Position = 0;
        context.Items[nameof(Body)] = text;
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedRequest(DateTimeOffset.UtcNow, context.Request.Method, context.Request.Path.Value ?? "", headers, text);
        _requests.Enqueue(recorded);
        _onRequest?.Invoke(recorded);
    }

    private static JsonNode? Body(HttpContext context)
    {
        try { return JsonNode.Parse((string)context.Items[nameof(Body)]!); }
        catch (System.Text.Json.JsonException) { return null; }
    }

    public async ValueTask DisposeAsync()
    {
        // Open streams (a slow scripted answer) must not hold the test up: stop without waiting long.
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await _app.StopAsync(grace.Token);
        await _app.DisposeAsync();
    }
}
