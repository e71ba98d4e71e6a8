using System.Text.Json;
using HwForge.KnowledgeBase.Storage;

namespace HwForge.KnowledgeBase;

/// <summary>
/// Which store the agents search: the embedded SQLite file (the default), or a collection on a Qdrant server,
/// named <c>qdrant://host:6334/collection</c> (<c>qdrants://</c> for TLS; the collection defaults to
/// <see cref="DefaultCollection"/>). Chosen by <c>HWFORGE_KB</c>, else <c>"knowledgeBase"</c> in config.json.
/// </summary>
public sealed record KnowledgeStoreChoice(Uri? Qdrant, string? Source)
{
    public const string Variable = "HWFORGE_KB";
    public const string ApiKeyVariable = "HWFORGE_QDRANT_API_KEY";
    public const string DefaultCollection = "hwforge";

    /// <summary>The embedded store in the data folder.</summary>
    public static KnowledgeStoreChoice Embedded { get; } = new(null, null);

    /// <summary>"sqlite" or "qdrant", the name <c>hwforge kb stats</c> shows.</summary>
    public string Kind => Qdrant is null ? "sqlite" : "qdrant";

    public string Collection => Qdrant?.AbsolutePath.Trim('/') is { Length: > 0 } name ? name : DefaultCollection;

    /// <summary><c>HWFORGE_KB</c>, else the config file's <c>"knowledgeBase"</c>, else the embedded store.</summary>
    public static KnowledgeStoreChoice Resolve(Func<string, string?> environment, string configPath)
    {
        if (Blank(environment(Variable)) is { } configured) return Parse(configured, Variable);
        return ReadConfig(configPath) is { } fromFile ? Parse(fromFile, $"\"knowledgeBase\" in {configPath}") : Embedded;
    }

    /// <summary>"sqlite" (or "embedded") for the local file, or a qdrant:// URL; anything else is a typed failure naming its source.</summary>
    public static KnowledgeStoreChoice Parse(string text, string source)
    {
        var value = text.Trim();
        if (value is "sqlite" or "embedded") return Embedded;
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "qdrant" or "qdrants" && uri.Host.Length > 0)
            return new KnowledgeStoreChoice(uri, source);
        throw new KnowledgeStoreException(
            $"the knowledge store '{value}' (from {source}) is neither 'sqlite' nor a Qdrant URL such as qdrant://localhost:6334 " +
            "or qdrant://host:6334/collection");
    }

    private static string? ReadConfig(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return document.RootElement.ValueKind == JsonValueKind.Object &&
                   document.RootElement.TryGetProperty("knowledgeBase", out var value) && value.ValueKind == JsonValueKind.String
                ? Blank(value.GetString())
                : null;
        }
        catch (JsonException e)
        {
            // The file may hold an API key: say where it breaks, never quote it.
            throw new KnowledgeStoreException($"cannot read {path}: it is not valid JSON at line {(e.LineNumber ?? 0) + 1}", e);
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
