using System.Text.Json;
using HwForge.Tools.Foundation;

namespace HwForge.Agents.Llm;

/// <summary>
/// Each setting comes from the first place that gives it: the CLI flag (<c>--llm-endpoint</c>,
/// <c>--model</c>), then the environment (<c>HWFORGE_LLM_ENDPOINT</c>, <c>HWFORGE_LLM_MODEL</c>,
/// <c>HWFORGE_LLM_API_KEY</c>), then <c>$HWFORGE_HOME/config.json</c>:
/// <code>
/// {
///   "llm": {
///     "endpoint": "http://localhost:11434/v1",
///     "model": "qwen2.5-coder:7b",
///     "apiKey": "sk-...",          // optional; only ever sent to this file's endpoint
///     "timeoutSeconds": 180,       // optional
///     "maxRetries": 3              // optional
///   }
/// }
/// </code>
/// Keys have no flag, since a command line is visible to every user of the machine. A key is only ever sent to
/// the endpoint it was configured for: the file's key to the file's endpoint, <c>HWFORGE_LLM_API_KEY</c> to
/// <c>HWFORGE_LLM_ENDPOINT</c> (or to OpenAI's API when that is unset); see <see cref="ApiKeyBinding"/>.
/// </summary>
internal static class LlmSettingsResolver
{
    public const string ConfigFileName = "config.json";

    /// <param name="endpointFlagName">How the caller names the place <paramref name="endpointFlag"/> came from, in messages
    /// ("--llm-endpoint" for the CLI).</param>
    public static LlmSettings Resolve(string? endpointFlag, string? modelFlag, Func<string, string?> environment, HwForgeHome? home = null,
        string endpointFlagName = LlmSettings.EndpointOptionName)
    {
        home ??= Home(environment);
        var configPath = Path.Combine(home.Root, ConfigFileName);
        var file = ConfigFile.Read(configPath);

        var (endpointText, endpointSource) =
            Blank(endpointFlag) is { } flag ? (flag, endpointFlagName)
            : Blank(environment(LlmSettings.EndpointVariable)) is { } variable ? (variable, LlmSettings.EndpointVariable)
            : Blank(file.Endpoint) is { } configured ? (configured, configPath)
            : ((string?)null, (string?)null);
        var model = Blank(modelFlag) ?? Blank(environment(LlmSettings.ModelVariable)) ?? Blank(file.Model);
        var endpoint = endpointText is null ? null : ParseEndpoint(endpointText, endpointSource!);
        var (key, withheld) = ChooseKey(endpoint, endpointSource ?? "", environment, file, configPath);
        var settings = new LlmSettings
        {
            Endpoint = endpoint,
            Model = model,
            ApiKey = key?.Key,
            KeyWithheld = withheld,
            EndpointSource = endpointSource,
            Timeout = file.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : LlmSettings.DefaultTimeout,
            MaxRetries = file.MaxRetries ?? LlmSettings.DefaultMaxRetries,
        };
        if (settings.Timeout <= TimeSpan.Zero || settings.MaxRetries is < 0 or > 20)
            throw new LlmConfigurationException(
                $"In {configPath}, \"timeoutSeconds\" must be above 0 and \"maxRetries\" between 0 and 20 (found {settings.Timeout.TotalSeconds} and {settings.MaxRetries}).");
        if (settings.Endpoint is not null && settings.Model is null)
            throw new LlmConfigurationException(
                $"An LLM endpoint is set ({settings.DisplayEndpoint}, from {endpointSource}) but no model: " +
                $"name one with {LlmSettings.ModelVariable} or \"model\" under \"llm\" in {configPath}.");
        if (settings.Endpoint is null && settings.Model is not null)
            throw new LlmConfigurationException(
                $"An LLM model is set ('{settings.Model}') but no endpoint: give its OpenAI-compatible base URL with " +
                $"{LlmSettings.EndpointVariable} or \"endpoint\" under \"llm\" in {configPath} " +
                "(e.g. http://localhost:11434/v1 for Ollama, https://api.openai.com/v1 for OpenAI).");
        return settings;
    }

    /// <summary>
    /// Why no key would be sent to <paramref name="endpointFlag"/> although one is configured, or null: for a batch,
    /// which names endpoints in its jobs file, to say so before the jobs run.
    /// </summary>
    public static string? KeyWithheldFrom(string endpointFlag, Func<string, string?> environment, HwForgeHome? home = null)
    {
        if (!Uri.TryCreate(endpointFlag.Trim(), UriKind.Absolute, out var endpoint)) return null;
        home ??= Home(environment);
        var configPath = Path.Combine(home.Root, ConfigFileName);
        try
        {
            return ChooseKey(endpoint, "llm_endpoint", environment, ConfigFile.Read(configPath), configPath).Withheld;
        }
        catch (LlmConfigurationException)
        {
            return null; // each job's own design process reports a broken config file
        }
    }

    // Each key is bound to the endpoint it was configured with (see ApiKeyBinding): a flag or a jobs file
    // naming another endpoint must not receive it.
    private static (ApiKeyBinding.Candidate? Key, string? Withheld) ChooseKey(Uri? endpoint, string endpointSource, Func<string, string?> environment, ConfigFile file, string configPath) =>
        ApiKeyBinding.Choose(endpoint, endpointSource, [
            new(Blank(environment(LlmSettings.ApiKeyVariable)), Blank(environment(LlmSettings.EndpointVariable)) ?? LlmSettings.DefaultOpenAiEndpoint, LlmSettings.ApiKeyVariable),
            new(Blank(file.ApiKey), Blank(file.Endpoint), $"the \"apiKey\" in {configPath}"),
        ]);

    private static HwForgeHome Home(Func<string, string?> environment) =>
        Blank(environment(HwForgeHome.EnvironmentVariable)) is { } root ? new HwForgeHome(Path.GetFullPath(root)) : HwForgeHome.FromEnvironment();

    private static Uri ParseEndpoint(string text, string source)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            return uri;
        throw new LlmConfigurationException(
            $"The LLM endpoint '{text}' (from {source}) is not an http(s) URL; give the API base URL, e.g. http://localhost:11434/v1.");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The "llm" section of config.json; a missing file is an empty one.</summary>
    private sealed record ConfigFile(string? Endpoint, string? Model, string? ApiKey, double? TimeoutSeconds, int? MaxRetries)
    {
        public static ConfigFile Read(string path)
        {
            if (!File.Exists(path)) return new(null, null, null, null, null);
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                if (!document.RootElement.TryGetProperty("llm", out var llm)) return new(null, null, null, null, null);
                return new(
                    Text(llm, "endpoint"), Text(llm, "model"), Text(llm, "apiKey"),
                    llm.TryGetProperty("timeoutSeconds", out var t) ? t.GetDouble() : null,
                    llm.TryGetProperty("maxRetries", out var r) ? r.GetInt32() : null);
            }
            catch (JsonException e)
            {
                // The parser's own words quote the offending character; the file may hold a key, so say where instead.
                throw new LlmConfigurationException(
                    $"Cannot read the LLM settings in {path}: it is not valid JSON at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}. {Expected}");
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException)
            {
                throw new LlmConfigurationException(
                    $"Cannot read the LLM settings in {path}: it must be an object whose \"llm\" has text values and numbers for \"timeoutSeconds\" and \"maxRetries\". {Expected}");
            }
        }

        private const string Expected = "Expected {\"llm\": {\"endpoint\": \"http://…/v1\", \"model\": \"…\"}}.";

        private static string? Text(JsonElement section, string name) =>
            section.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
