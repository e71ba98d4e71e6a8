using System.Text.Json;

namespace HwForge.KnowledgeBase.Tests;

/// <summary>A question or pasted tool message, and the title of the chunk that answers it.</summary>
public sealed record LabelledQuery(string Query, string Expected)
{
    /// <summary>The labelled set in Data/queries.json.</summary>
    public static IReadOnlyList<LabelledQuery> Load() =>
        JsonSerializer.Deserialize<List<LabelledQuery>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "queries.json")), JsonSerializerOptions.Web)!;
}
