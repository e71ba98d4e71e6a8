using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace HwForge.Agents.Llm;

/// <summary>
/// An <see cref="IChatClient"/> for any OpenAI-compatible chat completions endpoint. The request and answer
/// mapping (messages, tools, streamed tool calls, usage) is Microsoft.Extensions.AI.OpenAI's over the official
/// OpenAI SDK; what is HwForge's own is only what those do not do: the key bound to its endpoint, retries with
/// Retry-After and a silence timeout for streams, typed key-free errors and the token ledger. Thread-safe: one
/// instance serves every agent.
/// </summary>
internal sealed class OpenAiCompatibleChatClient : IChatClient
{
    // The SDK insists on a credential; without a key a placeholder satisfies it and NoKeyPolicy drops the header.
    private const string NoKey = "hwforge-no-key";

    private readonly LlmSettings _settings;
    private readonly OpenAIClient _client;
    private readonly ConcurrentDictionary<string, IChatClient> _chatClients = new(StringComparer.Ordinal);
    private readonly LlmRetry _retry;

    /// <summary>A client for the settings' endpoint and model; throws <see cref="LlmConfigurationException"/> when they are incomplete.</summary>
    public OpenAiCompatibleChatClient(LlmSettings settings, TokenLedger? ledger = null)
    {
        _settings = settings.RequireConfigured();
        Ledger = ledger;
        _retry = new LlmRetry(settings);
        // Only a key that belongs to this endpoint is sent (see LlmSettings.KeyEndpoint).
        var key = settings.KeyForEndpoint;
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = settings.Endpoint,
            // Retries and timeouts are ours (typed errors, Retry-After, idle-timeout for streams); the
            // SDK's network timeout only backs ours up.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = settings.Timeout + TimeSpan.FromSeconds(30),
        };
        if (key is null) clientOptions.AddPolicy(new NoKeyPolicy(), PipelinePosition.BeforeTransport);
        _client = new OpenAIClient(new ApiKeyCredential(key ?? NoKey), clientOptions);
        Metadata = new ChatClientMetadata("openai-compatible", settings.Endpoint, settings.Model);
    }

    public ChatClientMetadata Metadata { get; }

    /// <summary>Where every call's tokens are recorded, when given.</summary>
    public TokenLedger? Ledger { get; }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var (chat, model) = ChatClientFor(options);
        var request = messages.ToList();
        var requestOptions = WithMaxTokens(options);
        var started = Stopwatch.GetTimestamp();
        var response = await _retry.RunAsync(model, token => chat.GetResponseAsync(request, requestOptions, token), cancellationToken);
        Ledger?.Record(TokenLedger.RoleOf(options), model, response.Usage, Stopwatch.GetElapsedTime(started));
        return response;
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<AiChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var (chat, model) = ChatClientFor(options);
        var request = messages.ToList();
        var requestOptions = WithMaxTokens(options);
        var started = Stopwatch.GetTimestamp();
        // The SDK asks for usage in the last chunk (stream_options.include_usage) by itself.
        var stream = await _retry.OpenStreamAsync(model, token => chat.GetStreamingResponseAsync(request, requestOptions, token), cancellationToken);
        if (stream is null) yield break;
        UsageDetails? usage = null;
        try
        {
            do
            {
                var update = stream.Current;
                usage = update.Contents.OfType<UsageContent>().LastOrDefault()?.Details ?? usage;
                yield return update;
            }
            while (await stream.NextAsync());
        }
        finally
        {
            await stream.DisposeAsync();
            Ledger?.Record(TokenLedger.RoleOf(options), model, usage, Stopwatch.GetElapsedTime(started));
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null) return null;
        if (serviceType == typeof(ChatClientMetadata)) return Metadata;
        if (serviceType == typeof(OpenAIClient)) return _client;
        if (serviceType == typeof(ChatClient)) return _client.GetChatClient(_settings.Model);
        if (serviceType == typeof(TokenLedger)) return Ledger;
        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    // Nothing to release: the SDK's transport shares one HttpClient across clients.
    public void Dispose() { }

    private (IChatClient Chat, string Model) ChatClientFor(ChatOptions? options)
    {
        var model = string.IsNullOrWhiteSpace(options?.ModelId) ? _settings.Model! : options.ModelId;
        return (_chatClients.GetOrAdd(model, name => _client.GetChatClient(name).AsIChatClient()), model);
    }

    /// <summary>
    /// The SDK sends only max_completion_tokens, which Ollama and LM Studio silently ignore; they read the older
    /// max_tokens, which OpenAI's own reasoning models reject. So: both, except at OpenAI.
    /// </summary>
    private ChatOptions? WithMaxTokens(ChatOptions? options)
    {
        if (options?.MaxOutputTokens is not { } limit || _settings.Endpoint!.Host.EndsWith("openai.com", StringComparison.OrdinalIgnoreCase)) return options;
        var withPatch = options.Clone();
        var start = options.RawRepresentationFactory;
        withPatch.RawRepresentationFactory = client =>
        {
            var raw = start?.Invoke(client) as ChatCompletionOptions ?? new ChatCompletionOptions();
#pragma warning disable SCME0001 // JsonPatch is experimental; it is the SDK's way to add a field.
            raw.Patch.Set("$.max_tokens"u8, limit);
#pragma warning restore SCME0001
            return raw;
        };
        return withPatch;
    }
}
