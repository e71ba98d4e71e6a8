using Microsoft.Data.Sqlite;

namespace HwForge.KnowledgeBase.Storage;

/// <summary>
/// The words of a query split by how telling they are in this store. FTS5 scores every chunk any query
/// word matches, so a word found in a large share of the chunks makes a query slow (about 100 ms at 100k
/// chunks); the store then scores only chunks that contain a <see cref="Rare"/> word, but scores them with
/// every word, <see cref="Common"/> ones included.
/// </summary>
internal sealed record QueryWords(IReadOnlyList<string> Rare, IReadOnlyList<string> Common);

/// <summary>A query word with its stem and the number of chunks that contain the stem.</summary>
internal sealed record Phrase(string Word, string Stem, long Chunks);

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
        Stemmer = new Stemmer(connection);
        // A view of the index's vocabulary: for each stem, how many chunks contain it.
        KnowledgeDatabase.Execute(connection, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.chunk_terms USING fts5vocab(main, chunks_fts, row)");
    }

    public Stemmer Stemmer { get; }

    /// <summary>The highest chunk id: the store's size, as far as these thresholds care, in one index lookup.</summary>
    public long ChunkCount() => KnowledgeDatabase.Scalar(_connection, "SELECT max(id) FROM chunks") is long last ? last : 0;

    public QueryWords Split(IReadOnlyList<string> words)
    {
        var chunks = ChunkCount();
        if (chunks < MinChunks || words.Count <= MinRareWords) return new QueryWords(words, []);
        var phrases = Phrases(words, chunks);
        var limit = (long)(chunks * CommonShare);
        // Words no chunk contains cannot match; they are left out of both.
        var byRarity = phrases.OrderBy(p => p.Chunks).ToList();
        var rare = byRarity.Where((p, rank) => rank < MinRareWords || p.Chunks <= limit).ToHashSet();
        return new QueryWords(
            phrases.Where(rare.Contains).Select(p => p.Word).ToList(),
            phrases.Where(p => !rare.Contains(p)).Select(p => p.Word).ToList());
    }

    /// <summary>
    /// The words some chunk contains, in query order, each with its stem and how many chunks contain it
    /// (one per word, as FTS5 counts phrases: "sign" and "signed" are two).
    /// </summary>
    public IReadOnlyList<Phrase> Phrases(IReadOnlyList<string> words, long chunks)
    {
        if (chunks > _countedAt * 1.1 || chunks < _countedAt)
        {
            _documentCounts.Clear();
            _countedAt = chunks;
        }
        var stems = Stemmer.Stem(words);
        return words.Select((w, i) => stems[i] is { } stem ? new Phrase(w, stem, DocumentCount(stem)) : null)
            .Where(p => p is { Chunks: > 0 }).Select(p => p!).ToList();
    }

    private long DocumentCount(string stem)
    {
        if (_documentCounts.TryGetValue(stem, out var known)) return known;
        var count = KnowledgeDatabase.Scalar(_connection, "SELECT doc FROM temp.chunk_terms WHERE term = $term", null, ("$term", stem)) as long? ?? 0;
        _documentCounts[stem] = count;
        return count;
    }
}
