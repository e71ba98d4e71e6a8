namespace HwForge.Agents.Llm;

/// <summary>
/// A failure HwForge expects from an LLM provider. Every message says what to do next and never
/// contains the API key, so the CLI can print it as it is.
/// </summary>
public abstract class LlmException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The LLM settings are missing, half-given or unreadable.</summary>
public sealed class LlmConfigurationException(string message, Exception? inner = null) : LlmException(message, inner);

/// <summary>The endpoint cannot be reached, or kept failing (timeouts, 429, 5xx) after every retry.</summary>
internal class LlmUnavailableException(string message, Exception? inner = null) : LlmException(message, inner)
{
    /// <summary>How many requests were sent before giving up (1 when the failure is not worth retrying).</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>The last HTTP status, or null when no response arrived.</summary>
    public int? StatusCode { get; init; }
}

/// <summary>Every attempt ran past <see cref="LlmSettings.Timeout"/>.</summary>
internal sealed class LlmTimeoutException(string message, Exception? inner = null) : LlmUnavailableException(message, inner);

/// <summary>The endpoint rejected the API key (401) or refused access (403).</summary>
internal sealed class LlmAuthenticationException(string message, Exception? inner = null) : LlmException(message, inner);

/// <summary>The endpoint does not serve the requested model (404 or model_not_found).</summary>
internal sealed class LlmModelNotFoundException(string message, string model, Exception? inner = null) : LlmException(message, inner)
{
    public string Model { get; } = model;
}

/// <summary>The endpoint refused the request itself (400, 413, 422…) or answered something that is not a chat completion.</summary>
internal sealed class LlmRequestException(string message, int? statusCode, Exception? inner = null) : LlmException(message, inner)
{
    public int? StatusCode { get; } = statusCode;
}
