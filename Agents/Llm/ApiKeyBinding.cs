namespace HwForge.Agents.Llm;

/// <summary>
/// Which key, if any, an endpoint gets. A key belongs to the endpoint it was configured with and is sent nowhere
/// else: <c>"apiKey"</c> in config.json to that file's <c>"endpoint"</c>; <c>HWFORGE_LLM_API_KEY</c> to
/// <c>HWFORGE_LLM_ENDPOINT</c>, or to OpenAI's <see cref="LlmSettings.DefaultOpenAiEndpoint"/> when that variable
/// is unset. So an endpoint named by <c>--llm-endpoint</c> or a jobs file's <c>llm_endpoint</c> gets a key only
/// when it is one of those; otherwise no Authorization header is sent at all. The embeddings client applies the
/// same rule (<c>HwForge.KnowledgeBase.Embeddings.EmbeddingsKey</c>); change both together.
/// </summary>
internal static class ApiKeyBinding
{
    /// <summary>A key and where it came from, bound to the endpoint text it was configured for.</summary>
    public sealed record Candidate(string? Key, string? Endpoint, string Source);

    /// <summary>The first candidate bound to <paramref name="endpoint"/>, else none and, when some key was kept back, why.</summary>
    public static (Candidate? Chosen, string? Withheld) Choose(Uri? endpoint, string endpointSource, IReadOnlyList<Candidate> candidates)
    {
        var keys = candidates.Where(c => !string.IsNullOrEmpty(c.Key)).ToList();
        if (endpoint is null || keys.Count == 0) return (null, null);
        if (keys.FirstOrDefault(c => Same(Parse(c.Endpoint), endpoint)) is { } chosen) return (chosen, null);
        var kept = string.Join("; ", keys.Select(c => $"{c.Source} is for {Display(Parse(c.Endpoint))}"));
        return (null,
            $"No API key is sent to {Display(endpoint)} (from {endpointSource}): {kept}, and a key goes only to the endpoint it was configured for. " +
            $"If this endpoint needs one, set {LlmSettings.EndpointVariable} to it beside {LlmSettings.ApiKeyVariable}, or write both under \"llm\" in $HWFORGE_HOME/config.json.");
    }

    /// <summary>Same scheme, host, port and path (a trailing slash aside); user info and query do not make another server.</summary>
    public static bool Same(Uri? a, Uri? b) =>
        a is not null && b is not null && a.IsAbsoluteUri && b.IsAbsoluteUri &&
        string.Equals(Normal(a), Normal(b), StringComparison.Ordinal);

    private static string Normal(Uri uri) =>
        uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/');

    private static Uri? Parse(string? text) => Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) ? uri : null;

    internal static string Display(Uri? uri) =>
        uri is null ? "(an endpoint that is not a URL)" : uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped);
}
