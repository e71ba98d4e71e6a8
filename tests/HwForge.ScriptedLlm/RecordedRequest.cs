using System.Text.Json.Nodes;

namespace HwForge.ScriptedLlm;

/// <summary>One HTTP request the server received, kept whole (headers include Authorization) for assertions.</summary>
public sealed record RecordedRequest(DateTimeOffset At, string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Authorization => Headers.TryGetValue("Authorization", out var value) ? value : null;

    /// <summary>The body parsed as JSON, or null when it is empty or not JSON.</summary>
    public JsonNode? Json
    {
        get
        {
            try { return Body.Length == 0 ? null : JsonNode.Parse(Body); }
            catch (System.Text.Json.JsonException) { return null; }
        }
    }
}
