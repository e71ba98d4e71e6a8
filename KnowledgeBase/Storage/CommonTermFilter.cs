using Microsoft.Data.Sqlite;

namespace HwForge.KnowledgeBase.Storage;

/// <summary>
/// Keeps a big store's queries to their telling words. BM25 gives a word found in a large share of
/// the chunks almost no weight, but FTS5 still scores every chunk it matches, which at 100k chunks
/// costs hundreds of milliseconds; so such words are dropped, and of the rest only the rarest few
/// are kept. It costs recall when the telling words of a question are common in the store (see
/// docs/KNOWLEDGE_BASE.md), so stores below <see cref="MinChunks"/> chunks are searched with every word.
/// </summary>
internal sealed class CommonTermFilter
{
    /// <summary>Below this many chunks every query is fast enough with all its words (p95 about 10 ms at 10k).</summary>
    public long MinChunks { get; set; } = 20_000;

    // A word in more than this share of chunks says little about which chunk is meant...
    private const double CommonShare = 0.05;

    // ...but however common its words, a query keeps at least its rarest few,
    private const int MinWords = 3;

    // and rarely needs more than this many to find its chunk.
    private const int MaxWords = 10;

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

    public IReadOnlyList<string> Keep(IReadOnlyList<string> words)
    {
        var chunks = KnowledgeDatabase.Scalar(_connection, "SELECT max(id) FROM chunks") is long last ? last : 0;
        if (chunks < MinChunks || words.Count <= MinWords) return words;
        if (chunks > _countedAt * 1.1 || chunks < _countedAt)
        {
            _documentCounts.Clear();
            _countedAt = chunks;
        }

        var stems = Stems(words);
        var counts = words.Select((_, i) => stems.TryGetValue(i, out var stem) ? DocumentCount(stem) : 0).ToList();
        var limit = (long)(chunks * CommonShare);
        var byRarity = Enumerable.Range(0, words.Count).Where(i => counts[i] > 0).OrderBy(i => counts[i]).ToList();
        var kept = byRarity.Where((i, rank) => rank < MinWords || (rank < MaxWords && counts[i] <= limit)).Order();
        return kept.Select(i => words[i]).ToList();
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
