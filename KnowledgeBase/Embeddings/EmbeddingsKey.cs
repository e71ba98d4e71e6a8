namespace HwForge.KnowledgeBase.Embeddings;

/// <summary>
/// Which key, if any, the embeddings endpoint gets. A key goes only to the endpoint it was configured for:
/// <c>HWFORGE_EMBEDDINGS_API_KEY</c> to <c>HWFORGE_EMBEDDINGS_ENDPOINT</c>, and the chat key
/// <c>HWFORGE_LLM_API_KEY</c> only when the embeddings endpoint is that key's own endpoint
/// (<c>HWFORGE_LLM_ENDPOINT</c>, or OpenAI's API when that is unset). This is the rule of
/// <c>HwForge.Agents.Llm.ApiKeyBinding</c> for chat, mirrored here because the knowledge base cannot reference
/// the agents; the two must agree.
/// </summary>
public static class EmbeddingsKey
{
    public const string KeyVariable = "HWFORGE_EMBEDDINGS_API_KEY";
    public const string LlmKeyVariable = "HWFORGE_LLM_API_KEY";
    public const string LlmEndpointVariable = "HWFORGE_LLM_ENDPOINT";

    /// <summary>Where the chat key belongs when <see cref="LlmEndpointVariable"/> does not say (as for chat).</summary>
    public const string DefaultLlmEndpoint = "https://api.openai.com/v1";

    /// <summary>The key bound to <paramref name="endpoint"/>, else none and, when the chat key was kept back, why.</summary>
    public static (string? Key, string? Withheld) Choose(Uri endpoint, Func<string, string?> environment)
    {
        // Set beside HWFORGE_EMBEDDINGS_ENDPOINT, it was configured for that endpoint and for nothing else.
        if (Blank(environment(KeyVariable)) is { } own) return (own, null);
        if (Blank(environment(LlmKeyVariable)) is not { } chat) return (null, null);
        var chatEndpoint = Blank(environment(LlmEndpointVariable)) ?? DefaultLlmEndpoint;
        if (Same(Parse(chatEndpoint), endpoint)) return (chat, null);
        return (null, $"no key was sent to {Display(endpoint)}: {LlmKeyVariable} is for {Display(Parse(chatEndpoint))}, and a key goes only " +
            $"to the endpoint it was configured for; if this endpoint needs one, set {KeyVariable}");
    }

    /// <summary>Same scheme, host, port and path (a trailing slash aside); user info and query do not make another server.</summary>
    public static bool Same(Uri? a, Uri? b) =>
        a is not null && b is not null && a.IsAbsoluteUri && b.IsAbsoluteUri &&
        string.Equals(Normal(a), Normal(b), StringComparison.Ordinal);

    private static string Normal(Uri uri) =>
        uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/');

    private static Uri? Parse(string text) => Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;

    // User info may hold a password: never shown.
    private static string Display(Uri? uri) =>
        uri is null ? "(an endpoint that is not a URL)" : uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
