using System.Buffers.Binary;
using Microsoft.Data.Sqlite;

namespace HwForge.KnowledgeBase.Storage;

/// <summary>
/// Ranks a big store's chunks without FTS5 scoring every chunk that a query's common words match.
/// FTS5's bm25() costs a few microseconds per matching chunk, and at 100k chunks a word like "clock"
/// matches a third of them. But BM25 is a sum over the query's words, so a chunk that ranks high for the
/// whole query is almost always near the top for one of its words. Each word's head (its best
/// <see cref="HeadDepth"/> chunks by that word's BM25 term, which is its single-word FTS5 ranking) is
/// computed once and kept in the database (word_heads); a query adds up the heads of its words, then scores the best
/// <see cref="Rescored"/> of those candidates exactly with every word (<see cref="Bm25Scorer"/>).
/// Chunks added since a head was computed are always candidates; when too many have been added the head
/// is computed afresh.
/// </summary>
internal sealed class TermHeads(SqliteConnection connection, Bm25Scorer scorer, double titleWeight, double bodyWeight)
{
    /// <summary>How many of a word's best chunks its head keeps (all of them for a word in fewer chunks).</summary>
    public const int HeadDepth = 1000;

    /// <summary>How many of the best candidates by their summed heads are scored with every word.</summary>
    public const int Rescored = 100;

    // Chunks added after a head was computed are scored directly, up to this many; past it the head is
    // computed again (one single-word FTS5 ranking, done when a query needs it).
    private const int MaxNewChunks = 250;

    // Bounds the memory (a head is 16 bytes a chunk); past it heads are read again from the database.
    private const int MaxHeads = 4000;

    private readonly Dictionary<string, Head> _heads = [];

    /// <summary>A word's best chunks by its BM25 term, best first, as ranked when the store's last chunk id was <see cref="ComputedAt"/>.</summary>
    private sealed record Head(long ComputedAt, (long Id, double Score)[] Chunks);

    /// <summary>
    /// The <paramref name="depth"/> best chunks for the query words, as (id, BM25) with higher better;
    /// null when the heads hold too few chunks of the <paramref name="kinds"/> asked for.
    /// </summary>
    public List<(long Id, double Score)>? Rank(IReadOnlyList<Phrase> phrases, long lastId, int depth, IReadOnlyCollection<KnowledgeKind>? kinds)
    {
        if (phrases.Count == 0) return [];
        if (_heads.Count > MaxHeads) _heads.Clear();

        // Words in more than half the chunks add nothing to a BM25 score (FTS5 floors their weight at
        // 1e-6) and their heads would be the most costly to compute; they choose no candidates unless
        // the query has no other word.
        var (rows, _) = scorer.ReadAverages();
        var choosing = phrases.Where(p => Bm25Scorer.Idf(rows, p.Chunks) > 1e-6).ToList();
        if (choosing.Count == 0) choosing = [phrases.MinBy(p => p.Chunks)!];

        var sums = new Dictionary<long, double>();
        var since = lastId;
        foreach (var group in choosing.GroupBy(p => p.Stem))
        {
            var head = Find(group.First().Word, group.Key, lastId);
            since = Math.Min(since, head.ComputedAt);
            var repeats = group.Count();
            foreach (var (id, score) in head.Chunks) sums[id] = sums.GetValueOrDefault(id) + repeats * score;
        }
        var ranked = sums.OrderByDescending(s => s.Value).Select(s => s.Key);
        var wanted = Math.Max(depth, Rescored);
        var candidates = (kinds is { Count: > 0 } ? OfKinds(ranked, kinds, wanted) : ranked.Take(wanted)).ToHashSet();
        // Heads hold few chunks of a rare kind; FTS5 then does better, and fast, as it scores only those.
        if (kinds is { Count: > 0 } && candidates.Count < wanted) return null;
        if (lastId > since) candidates.UnionWith(NewChunks(phrases, since));

        return scorer.Score(candidates, phrases, kinds).OrderByDescending(s => s.Value).ThenBy(s => s.Key)
            .Take(depth).Select(s => (s.Key, s.Value)).ToList();
    }

    /// <summary>The first <paramref name="wanted"/> chunks of <paramref name="ranked"/> that are of one of the kinds.</summary>
    private List<long> OfKinds(IEnumerable<long> ranked, IReadOnlyCollection<KnowledgeKind> kinds, int wanted)
    {
        var names = string.Join(", ", kinds.Select(k => $"'{k.Name()}'"));
        var found = new List<long>();
        foreach (var part in ranked.Chunk(1000))
        {
            var ofKinds = new HashSet<long>();
            using (var command = KnowledgeDatabase.Command(connection, $"SELECT id FROM chunks WHERE id IN ({string.Join(", ", part)}) AND kind IN ({names})", null))
            using (var reader = command.ExecuteReader())
                while (reader.Read()) ofKinds.Add(reader.GetInt64(0));
            found.AddRange(part.Where(ofKinds.Contains));
            if (found.Count >= wanted) return found.Take(wanted).ToList();
        }
        return found;
    }

    /// <summary>The word's head from memory, else from the database, else computed (and kept in both).</summary>
    private Head Find(string word, string stem, long lastId)
    {
        bool Fresh(Head head) => head.ComputedAt <= lastId && lastId <= head.ComputedAt + MaxNewChunks;
        if (_heads.TryGetValue(stem, out var known) && Fresh(known)) return known;
        if (Read(stem) is { } stored && Fresh(stored)) return _heads[stem] = stored;
        var computed = Compute(word, lastId);
        Write(stem, computed);
        return _heads[stem] = computed;
    }

    private Head Compute(string word, long lastId)
    {
        using var command = KnowledgeDatabase.Command(connection,
            $"SELECT rowid, bm25(chunks_fts, {titleWeight:0.0}, {bodyWeight:0.0}) AS r FROM chunks_fts WHERE chunks_fts MATCH $word AND rowid <= $last ORDER BY r LIMIT {HeadDepth}",
            null, ("$word", $"\"{word}\""), ("$last", lastId));
        var chunks = new List<(long, double)>();
        using (var reader = command.ExecuteReader())
            while (reader.Read()) chunks.Add((reader.GetInt64(0), -reader.GetDouble(1)));
        return new Head(lastId, chunks.ToArray());
    }

    private Head? Read(string stem)
    {
        using var command = KnowledgeDatabase.Command(connection, "SELECT computed_at, chunks FROM word_heads WHERE stem = $stem", null, ("$stem", stem));
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        var bytes = (byte[])reader[1];
        var chunks = new (long, double)[bytes.Length / 16];
        for (var i = 0; i < chunks.Length; i++)
            chunks[i] = (BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(16 * i)), BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(16 * i + 8)));
        return new Head(reader.GetInt64(0), chunks);
    }

    /// <summary>
    /// Keeps a computed head for later processes (a `kb search` is one process per query). A search must
    /// not wait long for another process's write: when the database stays busy the head is kept in memory only.
    /// </summary>
    private void Write(string stem, Head head)
    {
        var bytes = new byte[16 * head.Chunks.Length];
        for (var i = 0; i < head.Chunks.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(16 * i), head.Chunks[i].Id);
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(16 * i + 8), head.Chunks[i].Score);
        }
        using var command = KnowledgeDatabase.Command(connection, "INSERT OR REPLACE INTO word_heads(stem, computed_at, chunks) VALUES($stem, $at, $chunks)", null,
            ("$stem", stem), ("$at", head.ComputedAt), ("$chunks", bytes));
        // Microsoft.Data.Sqlite retries a locked database until the command times out; one second at most here.
        command.CommandTimeout = 1;
        try { command.ExecuteNonQuery(); }
        catch (SqliteException e) when (e.SqliteErrorCode is SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED or SQLitePCL.raw.SQLITE_READONLY) { }
    }

    /// <summary>Chunks added since a head was computed that contain a query word.</summary>
    private List<long> NewChunks(IReadOnlyList<Phrase> phrases, long since)
    {
        using var command = KnowledgeDatabase.Command(connection, "SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH $words AND rowid > $since",
            null, ("$words", string.Join(" OR ", phrases.Select(p => $"\"{p.Word}\""))), ("$since", since));
        var ids = new List<long>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) ids.Add(reader.GetInt64(0));
        return ids;
    }
}
