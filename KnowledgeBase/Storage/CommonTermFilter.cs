using Microsoft.Data.Sqlite;

namespace HwForge.KnowledgeBase.Storage;

/// <summary>
/// The words of a query split by how telling they are in this store. FTS5 scores every chunk any query
/// word matches, so a word found in a large share of the chunks makes a query slow (about 100 ms at 100k
/// chunks); the store then scores only chunks that contain a <see cref="Rare"/> word, but scores them with
/// every word, <see cref="Common"/> ones included.
/// </summary>
internal sealed record QueryWords(IReadOnlyList<string> Rare, IReadOnlyList<string> Common);

/// <summary>
/// Splits a big store's query words into rare and common (see <see cref="QueryWords"/>). Stores below
/// <see cref="MinChunks"/> chunks treat every word as rare: all of their chunks are candidates.
/// </summary>
internal sealed class CommonTermFilter
{
    /// <summary>Below this many chunks every query is fast enough with all its words (p95 about 10 ms at 10k).</summary>
    public long MinChunks { get; set; } = 20_000;

    // A word in more than this share of chunks does not choose candidates...
    private const double CommonShare = 0.05;

    // ...but however common its words, the rarest few of a query always do.
    private const int MinRareWords = 3;

    private readonly SqliteConnection _connection;

    // Document counts move slowly; they are remembered until the store grows by a tenth.
    private readonly Dictionary<string, long> _documentCounts = [];
    private long _countedAt;

    public CommonTermFilter(SqliteConnection connection)
    {
        _connection = connection;
        // Temp tables live with this connection only: a scratch index that stems query words the way
        // chunks_fts stems chunk words, and views of both vocabularies. The database file is not touched.
        KnowledgeDatabase.Execute(connection, """
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_words USING fts5(word, tokenize = 'porter unicode61');
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_stems USING fts5vocab(temp, query_words, instance);
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.chunk_terms USING fts5vocab(main, chunks_fts, row);
            """);
    }

    public QueryWords Split(IReadOnlyList<string> words)
    {
        var chunks = KnowledgeDatabase.Scalar(_connection, "SELECT max(id) FROM chunks") is long last ? last : 0;
        if (chunks < MinChunks || words.Count <= MinRareWords) return new QueryWords(words, []);
        if (chunks > _countedAt * 1.1 || chunks < _countedAt)
        {
            _documentCounts.Clear();
            _countedAt = chunks;
        }

        var stems = Stems(words);
        var counts = words.Select((_, i) => stems.TryGetValue(i, out var stem) ? DocumentCount(stem) : 0).ToList();
        var limit = (long)(chunks * CommonShare);
        // Words no chunk contains cannot match; they are left out of both.
        var byRarity = Enumerable.Range(0, words.Count).Where(i => counts[i] > 0).OrderBy(i => counts[i]).ToList();
        var rare = byRarity.Where((i, rank) => rank < MinRareWords || counts[i] <= limit).ToHashSet();
        return new QueryWords(
            byRarity.Where(rare.Contains).Order().Select(i => words[i]).ToList(),
            byRarity.Where(i => !rare.Contains(i)).Order().Select(i => words[i]).ToList());
    }

    /// <summary>Each word's stem, by word index, from one pass through the scratch index.</summary>
    private Dictionary<int, string> Stems(IReadOnlyList<string> words)
    {
        using var insert = KnowledgeDatabase.Command(_connection,
            $"INSERT INTO temp.query_words(rowid, word) VALUES {string.Join(", ", words.Select((_, i) => $"({i}, $w{i})"))}", null);
        for (var i = 0; i < words.Count; i++) insert.Parameters.AddWithValue($"$w{i}", words[i]);
        insert.ExecuteNonQuery();
        try
        {
            var stems = new Dictionary<int, string>();
            using var select = KnowledgeDatabase.Command(_connection, "SELECT doc, term FROM temp.query_stems", null);
            using var reader = select.ExecuteReader();
            while (reader.Read()) stems[reader.GetInt32(0)] = reader.GetString(1);
            return stems;
        }
        finally
        {
            KnowledgeDatabase.Execute(_connection, "DELETE FROM temp.query_words");
        }
    }

    private long DocumentCount(string stem)
    {
        if (_documentCounts.TryGetValue(stem, out var known)) return known;
        var count = KnowledgeDatabase.Scalar(_connection, "SELECT doc FROM temp.chunk_terms WHERE term = $term", null, ("$term", stem)) as long? ?? 0;
        _documentCounts[stem] = count;
        return count;
    }
}
