using System.Text.Json;
using System.Text.Json.Serialization;

namespace HwForge.Agents.Runs;

/// <summary>
/// Reads an event line into the record its <c>type</c> names, and writes a record with its own properties.
/// A hand-written converter rather than [JsonPolymorphic], because that one either refuses an unknown type or
/// forgets what it was called, and an old or newer log must still open with every line accounted for.
/// </summary>
internal sealed class RunEventConverter : JsonConverter<RunEvent>
{
    // Only the base: each kind is (de)serialized by the default converter for its own record.
    public override bool CanConvert(Type typeToConvert) => typeToConvert == typeof(RunEvent);

    public override RunEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var line = document.RootElement;
        if (line.ValueKind != JsonValueKind.Object) throw new JsonException("a run event is a JSON object");
        // The type is the envelope, not the details: the one name looked up before the line is typed.
        var name = line.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString()! : "";
        if (RunEventKinds.TypeOf(name) is { } kind)
            return (RunEvent)(line.Deserialize(kind, options) ?? throw new JsonException("an empty run event"));
        return (line.Deserialize<UnknownRunEvent>(options) ?? throw new JsonException("an empty run event")) with { Name = name };
    }

    public override void Write(Utf8JsonWriter writer, RunEvent value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, value.GetType(), options);
}
