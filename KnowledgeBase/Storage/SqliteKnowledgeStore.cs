using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using HwForge.KnowledgeBase.Corpus;
using HwForge.KnowledgeBase.Embeddings;
using Microsoft.Data.Sqlite;

namespace HwForge.KnowledgeBase.Storage;

/// <summary>
/// The embedded store: one SQLite file, FTS5 BM25 ranking with the title weighted above the body,
/// and, when an embedder is given, hybrid ranking (BM25 fused with cosine similarity).
/// </summary>
public sealed partial class SqliteKnowledgeStore : IKnowledgeStore
{
    public const string FileName = "knowledge.db";

    // A title match says the chunk is about the words; a body match may be a passing mention.
    private const double TitleWeight = 5.0;
    private const double BodyWeight = 1.0;

    // Each ranking contributes this many candidates to the fusion, however few hits are asked for.
    private const int FusionDepth = 50;

    private readonly SqliteConnection _connection;
    private readonly ITextEmbedder? _embedder;
    // How big stores rank without FTS5 scoring every chunk a common word matches.
    private readonly TermHeads _heads;
    // One connection is not safe for concurrent use; calls through one store take turns.
    private readonly SemaphoreSlim _turn = new(1, 1);

    private SqliteKnowledgeStore(string path, SqliteConnection connection, ITextEmbedder? embedder)
    {
        Path = path;
        _connection = connection;
        _embedder = embedder;
        CommonTerms = new CommonTermFilter(connection);
        _heads = new TermHeads(connection, new Bm25Scorer(connection, CommonTerms.Stemmer, TitleWeight, BodyWeight), TitleWeight, BodyWeight);
    }

    public string Path { get; }

    /// <summary>How big stores keep queries fast; internal so tests and benchmarks can move its threshold.</summary>
    internal CommonTermFilter CommonTerms { get; }

    /// <summary>Whether big stores rank by <see cref="TermHeads"/>; off, they rank with FTS5 (for the benchmark's comparison).</summary>
    internal bool UseTermHeads { get; set; } = true;

    /// <summary>Off, a store with an embedder ranks by vectors alone (for the kb-recall benchmark's comparison).</summary>
    internal bool UseKeywords { get; set; } = true;

    /// <summary>
    /// Opens (or creates) the store at <paramref name="path"/>, brings the shipped corpus up to date when
    /// one is given, and fills in vectors when an embedder is given.
    /// </summary>
    public static async Task<SqliteKnowledgeStore> OpenAsync(string path, ShippedCorpus? corpus = null, ITextEmbedder? embedder = null, CancellationToken cancellation = default)
    {
        var store = new SqliteKnowledgeStore(path, KnowledgeDatabase.Open(path), embedder);
        try
        {
            if (corpus is not null) store.Guard(() => store.SyncCorpus(corpus));
            if (embedder is not null)
            {
                // An endpoint that is down must not keep the agents from their knowledge: BM25 finds
                // every chunk, and the missing vectors are filled on a later add or open.
                try { await store.EmbedMissingAsync(cancellation); }
                catch (KnowledgeStoreException) when (!cancellation.IsCancellationRequested) { }
            }
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    public async Task<AddResult> AddAsync(IEnumerable<KnowledgeChunk> chunks, CancellationToken cancellation = default)
    {
        await _turn.WaitAsync(cancellation);
        try
        {
            var result = Guard(() =>
            {
                using var transaction = _connection.BeginTransaction();
                var added = Insert(chunks, "added", transaction);
                transaction.Commit();
                return added;
            });
            if (_embedder is not null && result.Added > 0) await EmbedMissingCoreAsync(cancellation);
            return result;
        }
        finally
        {
            _turn.Release();
        }
    }

    public async Task<IReadOnlyList<KnowledgeHit>> SearchAsync(string query, int top, IReadOnlyCollection<KnowledgeKind>? kinds = null, CancellationToken cancellation = default)
    {
        if (top < 1) throw new ArgumentException("the number of results must be at least 1");
        await _turn.WaitAsync(cancellation);
        try
        {
            var keywordRanking = _embedder is not null && !UseKeywords ? [] : Guard(() => RankByKeywords(FtsQuery.Terms(query), _embedder is null ? top : Math.Max(top, FusionDepth), kinds));
            if (_embedder is null) return Guard(() => Load(keywordRanking.Select(r => (r.Id, -r.Bm25)).ToList()));

            var vectorRanking = await RankByVectorsAsync(query, Math.Max(top, FusionDepth), kinds, cancellation);
            var fused = RankFusion.Fuse(keywordRanking.Select(r => r.Id).ToList(), vectorRanking);
            return Guard(() => Load(fused.Take(top).ToList()));
        }
        finally
        {
            _turn.Release();
        }
    }

    public async Task<KnowledgeStats> GetStatsAsync(CancellationToken cancellation = default)
    {
        await _turn.WaitAsync(cancellation);
        try
        {
            return Guard(() =>
            {
                var byKind = new SortedDictionary<string, int>();
                using (var command = KnowledgeDatabase.Command(_connection, "SELECT kind, count(*) FROM chunks GROUP BY kind", null))
                using (var reader = command.ExecuteReader())
                    while (reader.Read()) byKind[reader.GetString(0)] = reader.GetInt32(1);
                var sources = Convert.ToInt32(KnowledgeDatabase.Scalar(_connection,
                    "SELECT count(*) FROM (SELECT DISTINCT path, run_id, candidate_id FROM chunks)"));
                var withVectors = Convert.ToInt32(KnowledgeDatabase.Scalar(_connection, "SELECT count(*) FROM chunks WHERE vector IS NOT NULL"));
                var bytes = new[] { Path, Path + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
                return new KnowledgeStats(Path, byKind.Values.Sum(), byKind, sources, bytes, withVectors, _embedder?.Model,
                    KnowledgeDatabase.ReadMeta(_connection, "corpus_hash"));
            });
        }
        finally
        {
            _turn.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _connection.Dispose();
        _turn.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Replaces the shipped corpus's chunks when the corpus differs from the one indexed.</summary>
    private void SyncCorpus(ShippedCorpus corpus)
    {
        if (KnowledgeDatabase.ReadMeta(_connection, "corpus_hash") == corpus.Hash) return;
        using var transaction = _connection.BeginTransaction();
        // Checked again inside the write transaction: another process may have just indexed it.
        if (KnowledgeDatabase.ReadMeta(_connection, "corpus_hash", transaction) == corpus.Hash) return;
        // An external-content index forgets a row only when told the text it indexed.
        KnowledgeDatabase.Execute(_connection,
            "INSERT INTO chunks_fts(chunks_fts, rowid, title, body) SELECT 'delete', id, title, body FROM chunks WHERE origin = 'corpus'", transaction);
        KnowledgeDatabase.Execute(_connection, "DELETE FROM chunks WHERE origin = 'corpus'", transaction);
        Insert(corpus.Chunks, "corpus", transaction);
        KnowledgeDatabase.WriteMeta(_connection, "corpus_hash", corpus.Hash, transaction);
        transaction.Commit();
    }

    private AddResult Insert(IEnumerable<KnowledgeChunk> chunks, string origin, SqliteTransaction transaction)
    {
        using var insert = KnowledgeDatabase.Command(_connection, """
            INSERT INTO chunks(hash, kind, origin, path, run_id, candidate_id, title, body)
            VALUES($hash, $kind, $origin, $path, $run, $candidate, $title, $body)
            ON CONFLICT(hash) DO NOTHING RETURNING id
            """, transaction);
        using var index = KnowledgeDatabase.Command(_connection, "INSERT INTO chunks_fts(rowid, title, body) VALUES($id, $title, $body)", transaction);
        var added = 0;
        var duplicates = 0;
        foreach (var chunk in chunks)
        {
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$hash", ContentHash(chunk));
            insert.Parameters.AddWithValue("$kind", chunk.Kind.Name());
            insert.Parameters.AddWithValue("$origin", origin);
            insert.Parameters.AddWithValue("$path", (object?)chunk.Source.Path ?? DBNull.Value);
            insert.Parameters.AddWithValue("$run", (object?)chunk.Source.RunId ?? DBNull.Value);
            insert.Parameters.AddWithValue("$candidate", (object?)chunk.Source.CandidateId ?? DBNull.Value);
            insert.Parameters.AddWithValue("$title", chunk.Title);
            insert.Parameters.AddWithValue("$body", chunk.Text);
            if (insert.ExecuteScalar() is not long id)
            {
                duplicates++;
                continue;
            }
            index.Parameters.Clear();
            index.Parameters.AddWithValue("$id", id);
            index.Parameters.AddWithValue("$title", chunk.Title);
            index.Parameters.AddWithValue("$body", chunk.Text);
            index.ExecuteNonQuery();
            added++;
        }
        return new AddResult(added, duplicates);
    }

    private List<(long Id, double Bm25)> RankByKeywords(IReadOnlyList<string> words, int depth, IReadOnlyCollection<KnowledgeKind>? kinds)
    {
        if (words.Count == 0) return [];
        var lastId = CommonTerms.ChunkCount();
        if (UseTermHeads && lastId >= CommonTerms.MinChunks && _heads.Rank(CommonTerms.Phrases(words, lastId), lastId, depth, kinds) is { } ranked)
            return ranked.Select(r => (r.Id, -r.Score)).ToList();
        var matches = FtsQuery.Build(CommonTerms.Split(words));
        return matches.Count == 0 ? [] : RankByFts(matches, depth, kinds);
    }

    private List<(long Id, double Bm25)> RankByFts(IReadOnlyList<string> matches, int depth, IReadOnlyCollection<KnowledgeKind>? kinds)
    {
        // The ranking runs on the FTS table alone and joins chunks only for a kind filter, so the
        // sort never carries chunk bodies. The filter is "+rowid": with a plain rowid constraint SQLite
        // hands FTS5 one rowid at a time, and FTS5 runs the whole query (document counts included) once
        // per chunk of those kinds, 16 s for a query at 100k chunks.
        var kindFilter = kinds is { Count: > 0 }
            ? $" AND +rowid IN (SELECT id FROM chunks WHERE kind IN ({string.Join(", ", kinds.Select((_, i) => $"$k{i}"))}))"
            : "";
        var parts = matches.Select((_, i) =>
            $"SELECT rowid, bm25(chunks_fts, {TitleWeight:0.0}, {BodyWeight:0.0}) AS r FROM chunks_fts WHERE chunks_fts MATCH $m{i}{kindFilter}");
        using var command = KnowledgeDatabase.Command(_connection,
            $"SELECT rowid, r FROM ({string.Join(" UNION ALL ", parts)}) ORDER BY r LIMIT $depth", null, ("$depth", depth));
        for (var i = 0; i < matches.Count; i++) command.Parameters.AddWithValue($"$m{i}", matches[i]);
        foreach (var (kind, i) in (kinds ?? []).Select((k, i) => (k, i))) command.Parameters.AddWithValue($"$k{i}", kind.Name());
        var ranking = new List<(long, double)>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) ranking.Add((reader.GetInt64(0), reader.GetDouble(1)));
        return ranking;
    }

    private IReadOnlyList<KnowledgeHit> Load(IReadOnlyList<(long Id, double Score)> ranked)
    {
        if (ranked.Count == 0) return [];
        using var command = KnowledgeDatabase.Command(_connection,
            $"SELECT id, kind, path, run_id, candidate_id, title, body FROM chunks WHERE id IN ({string.Join(", ", ranked.Select(r => r.Id))})", null);
        var rows = new Dictionary<long, KnowledgeHit>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var source = new KnowledgeSource(reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4));
                rows[reader.GetInt64(0)] = new KnowledgeHit(reader.GetString(5), reader.GetString(6), source, KnowledgeKinds.Parse(reader.GetString(1)), 0);
            }
        }
        return ranked.Where(r => rows.ContainsKey(r.Id)).Select(r => rows[r.Id] with { Score = Math.Round(r.Score, 6) }).ToList();
    }

    private T Guard<T>(Func<T> work)
    {
        try { return work(); }
        catch (SqliteException e) { throw KnowledgeDatabase.Translate(e, Path); }
    }

    private void Guard(Action work) => Guard(() => { work(); return 0; });

    /// <summary>Same kind, title and text (whitespace aside) is the same chunk, wherever it came from.</summary>
    internal static string ContentHash(KnowledgeChunk chunk)
    {
        var normalized = $"{chunk.Kind.Name()}\n{Whitespace().Replace(chunk.Title.Trim(), " ")}\n{Whitespace().Replace(chunk.Text.Trim(), " ")}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
