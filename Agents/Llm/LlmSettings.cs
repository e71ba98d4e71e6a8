using System.Text;
using HwForge.Tools.Foundation;

namespace HwForge.Agents.Llm;

/// <summary>
/// Where and how to reach an OpenAI-compatible chat endpoint (OpenAI, Ollama, vLLM, llama.cpp,
/// LM Studio: any base URL ending in <c>/v1</c>). Printing it never shows the API key.
/// </summary>
public sealed record LlmSettings
{
    public const string EndpointVariable = LlmSetupAdvice.EndpointVariable;
    public const string ModelVariable = LlmSetupAdvice.ModelVariable;
    public const string ApiKeyVariable = LlmSetupAdvice.ApiKeyVariable;

    /// <summary>Where <see cref="ApiKeyVariable"/> belongs when <see cref="EndpointVariable"/> does not say.</summary>
    public const string DefaultOpenAiEndpoint = "https://api.openai.com/v1";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(180);
    public const int DefaultMaxRetries = 3;

    private readonly Uri? _endpoint;
    private readonly Uri? _keyEndpoint;
    private readonly string? _keyWithheld;

    /// <summary>The API base URL, e.g. <c>http://localhost:11434/v1</c>.</summary>
    public Uri? Endpoint
    {
        get => _endpoint;
        // A copy aimed elsewhere (`settings with { Endpoint = other }`) keeps its key bound to the first endpoint,
        // so the key cannot follow it; see KeyEndpoint.
        init
        {
            _keyEndpoint ??= _endpoint;
            _endpoint = value;
        }
    }

    /// <summary>
    /// The endpoint <see cref="ApiKey"/> was configured for, and the only one it is sent to; unless given, the
    /// first <see cref="Endpoint"/> these settings had.
    /// </summary>
    public Uri? KeyEndpoint
    {
        get => _keyEndpoint ?? _endpoint;
        init => _keyEndpoint = value;
    }

    public string? Model { get; init; }

    /// <summary>Optional: local servers need none. Never printed.</summary>
    public string? ApiKey { get; init; }

    /// <summary>
    /// How long one attempt may wait for an answer; for a stream, how long it may go quiet between
    /// chunks, so a long generation that keeps talking is never cut off.
    /// </summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Retries after the first attempt for 429, 5xx, timeouts and dropped connections.</summary>
    public int MaxRetries { get; init; } = DefaultMaxRetries;

    /// <summary>The first backoff; each retry doubles it, plus up to 50% jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>No wait between attempts is longer, whatever a Retry-After header asks for.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The key to send to <see cref="Endpoint"/>: <see cref="ApiKey"/> when it belongs there, else null.</summary>
    public string? KeyForEndpoint => !string.IsNullOrEmpty(ApiKey) && ApiKeyBinding.Same(KeyEndpoint, Endpoint) ? ApiKey : null;

    /// <summary>Why a configured key is not sent to <see cref="Endpoint"/>, in words for the user; null when none was kept back.</summary>
    public string? KeyWithheld
    {
        get => _keyWithheld ?? (!string.IsNullOrEmpty(ApiKey) && KeyForEndpoint is null
            ? $"No API key is sent to {DisplayEndpoint}: the key configured for {ApiKeyBinding.Display(KeyEndpoint)} goes only there."
            : null);
        init => _keyWithheld = value;
    }

    /// <summary>Where the endpoint came from (a flag, a variable, the config file), for messages.</summary>
    public string? EndpointSource { get; init; }

    /// <summary>True when an endpoint and a model are both known; HwForge's offline commands need neither.</summary>
    public bool IsConfigured => Endpoint is not null && !string.IsNullOrWhiteSpace(Model);

    /// <summary>The endpoint without any user:password part, safe to show.</summary>
    public string DisplayEndpoint => Endpoint is null ? "(none)" : Endpoint.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped);

    /// <summary>This, or a message saying how to configure an LLM when there is none.</summary>
    public LlmSettings RequireConfigured()
    {
        if (IsConfigured) return this;
        throw new LlmConfigurationException(
            $"No LLM is configured. Point HwForge at an OpenAI-compatible endpoint: {LlmSetupAdvice.Where} " +
            $"({ApiKeyVariable} too if it needs a key). For a local Ollama server the endpoint is http://localhost:11434/v1 " +
            "and a model e.g. qwen2.5-coder:7b.");
    }

    // A record's generated ToString prints every property; this one must never print the key.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Endpoint = {DisplayEndpoint}, Model = {Model ?? "(none)"}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(none)" : KeyForEndpoint is null ? "(withheld)" : "(set)")}, ");
        builder.Append($"Timeout = {Timeout.TotalSeconds}s, MaxRetries = {MaxRetries}, EndpointSource = {EndpointSource ?? "(none)"}");
        return true;
    }

    /// <summary>The design option that names an endpoint (a jobs file's key), for messages that say where one came from.</summary>
    public const string EndpointOptionName = "the llm_endpoint option";

    /// <summary>Resolves the given values > environment > <c>$HWFORGE_HOME/config.json</c>; see <see cref="LlmSettingsResolver"/>.</summary>
    /// <param name="givenBy">How messages name where <paramref name="endpointFlag"/> came from: a front end's own
    /// control ("--llm-endpoint"), or the design option by default.</param>
    public static LlmSettings Resolve(string? endpointFlag = null, string? modelFlag = null, Func<string, string?>? environment = null, HwForgeHome? home = null,
        string givenBy = EndpointOptionName) =>
        LlmSettingsResolver.Resolve(endpointFlag, modelFlag, environment ?? Environment.GetEnvironmentVariable, home, givenBy);
}
