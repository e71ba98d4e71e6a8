using System.Collections.Concurrent;
using HwForge.KnowledgeBase.Embeddings;
using HwForge.Tools.Targets;

namespace HwForge.Agents.Offline;

/// <summary>
/// Reads a request whose words name no catalog family by what it means: the request, each family's name and summary
/// and its plain-words <see cref="ICatalogFamily.Meanings"/> are embedded (all-MiniLM-L6-v2, in process); a family is
/// as near as its nearest description, and the nearest family is taken when it is near enough and
/// clearly nearer than the next, with the choice and its similarity stated among the assumptions. Between that and
/// unrelated text the answer asks back, naming the two nearest families; below, the catalog's own refusal stands.
/// A request the keyword reader understands, or refuses for a value or as out of scope (a CPU, floating point), is
/// never changed: meaning only fills the gap where the words named nothing.
/// </summary>
public sealed class RequestByMeaning(ITextEmbedder embedder)
{
    /// <summary>At or above this cosine, with <see cref="Margin"/> over the next family, the nearest family is taken.</summary>
    public const double Sure = 0.50;

    /// <summary>At or above this, the request is near a family but not clearly: the answer asks which was meant.</summary>
    public const double Close = 0.45;

    public const double Margin = 0.04;

    /// <summary>How the assumption that states a choice by meaning begins.</summary>
    public const string Prefix = "read as ";

    private static readonly Lazy<RequestByMeaning?> Local = new(() => LocalEmbedder.Available() ? new RequestByMeaning(new LocalEmbedder()) : null);

    /// <summary>The in-process reader when the MiniLM weights are installed, else null (the keyword reader alone).</summary>
    public static RequestByMeaning? Shipped => Local.Value;

    // The families' descriptions with their vectors, once per catalog and process.
    private readonly ConcurrentDictionary<string, Task<IReadOnlyList<(ICatalogFamily Family, float[] Vector)>>> _families = new();

    public async Task<CatalogRequest> ReadAsync(IOfflineCatalog catalog, string request, CancellationToken cancellation = default)
    {
        var read = catalog.Read(request);
        if (read.Family is not null || !read.NamesNoFamily || string.IsNullOrWhiteSpace(request)) return read;

        var described = await _families.GetOrAdd(catalog.Name, _ => DescribeAsync(catalog));
        var asked = (await embedder.EmbedAsync([request.Trim()], cancellation))[0];
        var ranked = described.GroupBy(d => d.Family)
            .Select(g => (Family: g.Key, Similarity: g.Max(d => Vectors.Cosine(asked, d.Vector))))
            .OrderByDescending(r => r.Similarity).ToList();
        var (best, second) = (ranked[0], ranked.Count > 1 ? ranked[1] : (Family: ranked[0].Family, Similarity: double.NegativeInfinity));

        if (best.Similarity >= Sure && best.Similarity - second.Similarity >= Margin)
        {
            var meant = catalog.ReadAs(best.Family.Name, request);
            if (meant.Family is null) return meant;
            return meant with
            {
                Assumptions = [$"{Prefix}{best.Family.Name} by meaning (similarity {best.Similarity:0.00}; next {second.Family.Name} {second.Similarity:0.00}): the words name no family of the {catalog.Name}", .. meant.Assumptions],
            };
        }
        if (best.Similarity >= Close)
            return CatalogRequest.Refused(
                $"\"{request.Trim()}\" names no family of the offline {catalog.Name} in its words, and by meaning it is not clearly one: " +
                $"nearest are {best.Family.Name} ({best.Family.Summary}; similarity {best.Similarity:0.00}) and {second.Family.Name} ({second.Similarity:0.00}). " +
                $"Say which you mean (e.g. \"{Article(best.Family.Name)} {Words(best.Family.Name)} …\"); anything else {CatalogRequest.NeedsModel}") with { NamesNoFamily = true };
        return read;
    }

    private async Task<IReadOnlyList<(ICatalogFamily Family, float[] Vector)>> DescribeAsync(IOfflineCatalog catalog)
    {
        var texts = catalog.Families.SelectMany(f => new[] { $"{Words(f.Name)}: {f.Summary}" }.Concat(f.Meanings).Select(text => (Family: f, Text: text))).ToList();
        var vectors = await embedder.EmbedAsync([.. texts.Select(t => t.Text)], CancellationToken.None);
        return [.. texts.Select((t, i) => (t.Family, vectors[i]))];
    }

    private static string Words(string name) => name.Replace('_', ' ');

    // "an fsm" and "an fir" are said as letters; the rest as words ("an adder", "a fifo").
    private static string Article(string name) => name is "fsm" or "fir" || "aeiou".Contains(name[0]) ? "an" : "a";
}
