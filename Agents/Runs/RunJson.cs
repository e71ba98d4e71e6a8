using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HwForge.Agents.Runs;

/// <summary>The one JSON style of everything a run writes: camelCase, enums as strings.</summary>
public static class RunJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: true);

    /// <summary>One object per line, for <c>events.jsonl</c>.</summary>
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    public static JsonElement ToElement<T>(T value) => JsonSerializer.SerializeToElement(value, Options);

    public static T FromElement<T>(JsonElement element) =>
        element.Deserialize<T>(Options) ?? throw new InvalidDataException($"A recorded {typeof(T).Name} is empty.");

    private static JsonSerializerOptions Create(bool indented) => new(JsonSerializerDefaults.Web)
    {
        WriteIndented = indented,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
