using Microsoft.Data.Sqlite;

namespace HwForge.KnowledgeBase.Storage;

/// <summary>
/// Ranks a big store's chunks without FTS5 scoring every chunk that a query's common words match.
/// FTS5's bm25() costs a few microseconds per matching chunk, and at 100k chunks a word like "clock"
/// matches a third of them. But BM25 is a sum over the query's words, so a chunk that ranks high for the
/// whole query is almost always near the top for one of its words. Each word's head (its best
/// <see cref="HeadDepth"/> chunks by that word's BM25 term, which is its single-word FTS5 ranking) is
/// computed once and remembered; a query adds up the heads of its words, then scores the best
/// <see cref="Rescored"/> of those candidates exactly with every word (<see cref="Bm25Scorer"/>).
/// Chunks added since the heads were computed are always candidates; when too many have been added the
/// heads are computed afresh.
/// </summary>
internal sealed class TermHeads(SqliteConnection connection, Bm25Scorer scorer, double titleWeight, double bodyWeight)
{
    /// <summary>How many of a word's best chunks its head keeps (all of them for a word in fewer chunks).</summary>
    public const int HeadDepth = 1000;

    /// <summary>How many of the best candidates by their summed heads are scored with every word.</summary>
    public const int Rescored = 200;

    // Chunks added after the heads were computed are scored directly, up to this many; past it the
    // heads are computed again (each costs one single-word FTS5 ranking, done when a query needs it).
    private const int MaxNewChunks = 500;

    // Bounds the memory (a head is 16 bytes a chunk); past it the heads are computed again as needed.
    private const int MaxHeads = 4000;

    private readonly Dictionary<string, (long Id, double Score)[]> _heads = [];
    private long _computedAt = -1;

    /// <summary>The <paramref name="depth"/> best chunks for the query words, as (id, BM25) with higher better.</summary>
    public List<(long Id, double Score)> Rank(IReadOnlyList<Phrase> phrases, long lastId, int depth, IReadOnlyCollection<KnowledgeKind>? kinds)
    {
        if (phrases.Count == 0) return [];
        if (lastId < _computedAt || lastId > _computedAt + MaxNewChunks || _heads.Count > MaxHeads)
        {
            _heads.Clear();
            _computedAt = lastId;
        }

        // Words in more than half the chunks add nothing to a BM25 score (FTS5 floors their weight at
        // 1e-6) and their heads would be the most costly to compute; they choose no candidates unless
        // the query has no other word.
        var (rows, _) = scorer.ReadAverages();
        var choosing = phrases.Where(p => Bm25Scorer.Idf(rows, p.Chunks) > 1e-6).ToList();
        if (choosing.Count == 0) choosing = [phrases.MinBy(p => p.Chunks)!];

        var sums = new Dictionary<long, double>();
        foreach (var group in choosing.GroupBy(p => p.Stem))
        {
            var head = Head(group.First().Word, group.Key);
            var repeats = group.Count();
            foreach (var (id, score) in head) sums[id] = sums.GetValueOrDefault(id) + repeats * score;
        }
        var candidates = sums.OrderByDescending(s => s.Value).Take(Math.Max(depth, Rescored)).Select(s => s.Key).ToHashSet();
        if (lastId > _computedAt) candidates.UnionWith(NewChunks(phrases));

        return scorer.Score(candidates, phrases, kinds).OrderByDescending(s => s.Value).ThenBy(s => s.Key)
            .Take(depth).Select(s => (s.Key, s.Value)).ToList();
    }

    private (long Id, double Score)[] Head(string word, string stem)
    {
        if (_heads.TryGetValue(stem, out var known)) return known;
        using var command = KnowledgeDatabase.Command(connection,
            $"SELECT rowid, bm25(chunks_fts, {titleWeight:0.0}, {bodyWeight:0.0}) AS r FROM chunks_fts WHERE chunks_fts MATCH $word AND rowid <= $last ORDER BY r LIMIT {HeadDepth}",
            null, ("$word", $"\"{word}\""), ("$last", _computedAt));
        var head = new List<(long, double)>();
        using (var reader = command.ExecuteReader())
            while (reader.Read()) head.Add((reader.GetInt64(0), -reader.GetDouble(1)));
        return _heads[stem] = head.ToArray();
    }

    /// <summary>Chunks added since the heads were computed that contain a query word.</summary>
    private List<long> NewChunks(IReadOnlyList<Phrase> phrases)
    {
        using var command = KnowledgeDatabase.Command(connection, "SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH $words AND rowid > $since",
            null, ("$words", string.Join(" OR ", phrases.Select(p => $"\"{p.Word}\""))), ("$since", _computedAt));
        var ids = new List<long>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) ids.Add(reader.GetInt64(0));
        return ids;
    }
}
