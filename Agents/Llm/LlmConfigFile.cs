using System.Text.Json;
using System.Text.Json.Nodes;
using HwForge.Tools.Foundation;

namespace HwForge.Agents.Llm;

/// <summary>
/// Writes the <c>"llm"</c> section of <c>$HWFORGE_HOME/config.json</c> (the file <see cref="LlmSettings.Resolve"/>
/// reads), keeping every other setting in it. The file's key goes only to the file's endpoint, so a key is never
/// left beside an endpoint it was not given for: saving another endpoint without a new key drops the old one.
/// </summary>
public static class LlmConfigFile
{
    public static string PathIn(HwForgeHome home) => Path.Combine(home.Root, LlmSettingsResolver.ConfigFileName);

    /// <param name="apiKey">A key given with this endpoint, or null to keep the file's (when it is for this endpoint).</param>
    /// <param name="forgetKey">Drop the file's key whatever it was for.</param>
    /// <returns>Whether the file now holds a key for <paramref name="endpoint"/>.</returns>
    public static bool Save(HwForgeHome home, Uri endpoint, string model, string? apiKey, bool forgetKey)
    {
        var path = PathIn(home);
        JsonObject root;
        try
        {
            root = File.Exists(path)
                ? JsonNode.Parse(File.ReadAllText(path), documentOptions: new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                  ?? throw new LlmConfigurationException($"Cannot save the LLM settings: {path} is not a JSON object; fix or remove it first.")
                : [];
        }
        catch (JsonException e)
        {
            throw new LlmConfigurationException($"Cannot save the LLM settings: {path} is not valid JSON at line {(e.LineNumber ?? 0) + 1}; fix or remove it first.");
        }
        var llm = root["llm"] as JsonObject ?? [];
        var saved = llm["endpoint"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        var sameEndpoint = ApiKeyBinding.Same(Uri.TryCreate(saved, UriKind.Absolute, out var was) ? was : null, endpoint);
        llm["endpoint"] = endpoint.ToString();
        llm["model"] = model;
        if (!string.IsNullOrEmpty(apiKey)) llm["apiKey"] = apiKey;
        else if (forgetKey || !sameEndpoint) llm.Remove("apiKey");
        root["llm"] = llm;

        Directory.CreateDirectory(home.Root);
        // Written beside and renamed over, readable by its owner only: it may hold a key.
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temporary, path, overwrite: true);
        return llm["apiKey"] is not null;
    }
}
