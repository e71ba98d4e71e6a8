using System.Text;

namespace HwForge.KnowledgeBase.Storage.Qdrant;

/// <summary>
/// BM25 as a Qdrant sparse vector: each word a dimension (its FNV-1a hash), weighted by saturated term
/// frequency here, while the collection's IDF modifier weighs rare words up at query time, so the server
/// ranks by keywords without an embedding model. The title counts <see cref="TitleWeight"/> times, as in
/// the SQLite store.
/// </summary>
internal static class KeywordVector
{
    private const double TitleWeight = 5.0;

    // BM25's k1; length normalisation (b) is left out because the collection's average length is not known when a chunk is written.
    private const double Saturation = 1.2;

    public static (float[] Values, uint[] Indices) ForChunk(string title, string text)
    {
        var counts = new Dictionary<uint, double>();
        foreach (var word in Stemmer.Words(title)) Count(counts, word, TitleWeight);
        foreach (var word in Stemmer.Words(text)) Count(counts, word, 1.0);
        return ToSparse(counts.ToDictionary(c => c.Key, c => c.Value * (Saturation + 1) / (c.Value + Saturation)));
    }

    /// <summary>The query's words (stop words dropped, as for SQLite), each once; empty when the query has none.</summary>
    public static (float[] Values, uint[] Indices) ForQuery(string query)
    {
        var counts = new Dictionary<uint, double>();
        foreach (var word in FtsQuery.Terms(query)) counts[Dimension(word)] = 1.0;
        return ToSparse(counts);
    }

    private static void Count(Dictionary<uint, double> counts, string word, double weight)
    {
        if (word.Length < 2 || char.IsDigit(word[0])) return;
        var dimension = Dimension(word);
        counts[dimension] = counts.GetValueOrDefault(dimension) + weight;
    }

    private static (float[], uint[]) ToSparse(Dictionary<uint, double> weights)
    {
        var ordered = weights.OrderBy(w => w.Key).ToList();
        return (ordered.Select(w => (float)w.Value).ToArray(), ordered.Select(w => w.Key).ToArray());
    }

    // A stable hash (not string.GetHashCode, which changes per process): the dimensions are stored on the server.
    private static uint Dimension(string word)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(word)) hash = (hash ^ b) * 16777619u;
        return hash;
    }
}
