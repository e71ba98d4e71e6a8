using HwForge.Agents.Llm;

namespace HwForge.WebUI.Settings;

/// <summary>What the settings page's form posted.</summary>
internal sealed record LlmFormInput(string? Endpoint, string? Model, string? ApiKey, bool ForgetKey);

/// <summary>
/// Turns the settings page's form into the LLM settings new runs use. Every problem of the form is said at once. A
/// key typed in the form belongs to the form's endpoint; with none typed, the key the server already has stays bound
/// to the endpoint it was given for (see <see cref="LlmSettings.KeyEndpoint"/>), so pointing the server at another
/// endpoint never sends that key there.
/// </summary>
internal static class LlmSettingsForm
{
    public const string Source = "the web page's LLM settings";
    private const int MaxModelChars = 200;
    private const int MaxKeyChars = 4096;

    public static (LlmSettings? Settings, IReadOnlyList<string> Problems) Apply(LlmSettings current, LlmFormInput input)
    {
        var problems = new List<string>();
        var endpointText = input.Endpoint?.Trim() ?? "";
        Uri? endpoint = null;
        if (endpointText.Length == 0)
            problems.Add("Give the endpoint: the API base URL of an OpenAI-compatible server, e.g. http://localhost:11434/v1 for Ollama.");
        else if (!Uri.TryCreate(endpointText, UriKind.Absolute, out endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            problems.Add($"The endpoint '{Shorten(endpointText)}' is not an http(s) URL; give the API base URL, e.g. http://localhost:11434/v1.");
            endpoint = null;
        }
        else if (endpoint.UserInfo.Length > 0)
        {
            problems.Add("The endpoint has a user name or password in it; put a key in the API key field instead, where it is never shown again.");
            endpoint = null;
        }

        var model = input.Model?.Trim() ?? "";
        if (model.Length == 0)
            problems.Add("Name the model, e.g. qwen2.5-coder:7b or gpt-4o-mini.");
        else if (model.Length > MaxModelChars || model.Any(char.IsControl))
            problems.Add($"The model name must be one line of at most {MaxModelChars} characters.");

        var key = input.ApiKey?.Trim() ?? "";
        if (key.Length > MaxKeyChars || key.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
            problems.Add($"The API key must be one word of at most {MaxKeyChars} characters, without spaces.");
        if (key.Length > 0 && input.ForgetKey)
            problems.Add("Either type a new API key or ask to forget the key, not both.");

        if (problems.Count > 0) return (null, problems);

        var settings = key.Length > 0 || input.ForgetKey
            ? new LlmSettings
            {
                Endpoint = endpoint,
                KeyEndpoint = endpoint,
                Model = model,
                ApiKey = key.Length > 0 ? key : null,
                EndpointSource = Source,
                Timeout = current.Timeout,
                MaxRetries = current.MaxRetries,
                RetryBaseDelay = current.RetryBaseDelay,
                MaxRetryDelay = current.MaxRetryDelay,
            }
            // The key the server has keeps its endpoint; KeyWithheld is worked out afresh for the new one.
            : current with { Endpoint = endpoint, Model = model, EndpointSource = Source, KeyWithheld = null };
        return (settings, []);
    }

    /// <summary>In words for the page: whether a key is set and where it goes, never the key.</summary>
    public static string KeyStatus(LlmSettings settings) =>
        string.IsNullOrEmpty(settings.ApiKey) ? "No API key is set (local servers need none)."
        : settings.KeyForEndpoint is not null ? $"An API key is set for {settings.DisplayEndpoint}. It stays on this server and is never shown."
        : settings.KeyWithheld ?? "An API key is set for another endpoint; it is not sent to this one.";

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "…";
}
