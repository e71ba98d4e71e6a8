using Microsoft.Data.Sqlite;

namespace HwForge.KnowledgeBase.Storage;

/// <summary>
/// Scores a few candidate chunks with FTS5's own BM25 formula and every query word, without running the
/// common words through the whole index (which is what makes big-store queries slow). The candidates are
/// re-indexed in a scratch FTS5 table with the same tokenizer, so term counts and lengths are exactly
/// the ones FTS5 would use; document counts and averages come from the main index.
/// </summary>
internal sealed class CandidateScorer
{
    // FTS5's bm25() constants.
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly SqliteConnection _connection;
    private readonly double[] _columnWeights;

    public CandidateScorer(SqliteConnection connection, params double[] columnWeights)
    {
        _connection = connection;
        _columnWeights = columnWeights;
        KnowledgeDatabase.Execute(connection, """
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.candidates USING fts5(title, body, tokenize = 'porter unicode61');
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.candidate_terms USING fts5vocab(temp, candidates, instance);
            """);
    }

    /// <summary>BM25 of each candidate (lower is better, as FTS5's bm25()), best first.</summary>
    /// <param name="phrases">One per query word: its stem and the chunks of the whole store containing it.</param>
    public List<(long Id, double Bm25)> Score(IReadOnlyList<long> ids, IReadOnlyList<(string Stem, long Chunks)> phrases)
    {
        if (ids.Count == 0 || phrases.Count == 0) return [];
        var stems = phrases.Select(p => p.Stem).Distinct().ToList();
        var (rows, averageLength) = ReadAverages();
        KnowledgeDatabase.Execute(_connection,
            $"INSERT INTO temp.candidates(rowid, title, body) SELECT id, title, body FROM chunks WHERE id IN ({string.Join(", ", ids)})");
        try
        {
            var frequencies = new Dictionary<(long Id, string Stem), double>();
            using (var command = KnowledgeDatabase.Command(_connection,
                $"SELECT doc, term, col FROM temp.candidate_terms WHERE term IN ({string.Join(", ", stems.Select((_, i) => $"$t{i}"))})", null))
            {
                foreach (var (stem, i) in stems.Select((s, i) => (s, i))) command.Parameters.AddWithValue($"$t{i}", stem);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var key = (reader.GetInt64(0), reader.GetString(1));
                    frequencies[key] = frequencies.GetValueOrDefault(key) + _columnWeights[reader.GetString(2) == "title" ? 0 : 1];
                }
            }
            var lengths = ReadLengths();
            var scores = ids.Select(id => (Id: id, Bm25: -phrases.Sum(phrase =>
            {
                var frequency = frequencies.GetValueOrDefault((id, phrase.Stem));
                if (frequency == 0) return 0;
                var idf = Math.Log((rows - phrase.Chunks + 0.5) / (phrase.Chunks + 0.5));
                if (idf <= 0) idf = 1e-6;
                return idf * frequency * (K1 + 1) / (frequency + K1 * (1 - B + B * lengths.GetValueOrDefault(id) / averageLength));
            }))).Where(s => s.Bm25 < 0).OrderBy(s => s.Bm25).ThenBy(s => s.Id).ToList();
            return scores;
        }
        finally
        {
            KnowledgeDatabase.Execute(_connection, "DELETE FROM temp.candidates");
        }
    }

    /// <summary>Tokens per candidate over all columns, from the scratch index's docsize records.</summary>
    private Dictionary<long, long> ReadLengths()
    {
        var lengths = new Dictionary<long, long>();
        using var command = KnowledgeDatabase.Command(_connection, "SELECT id, sz FROM temp.candidates_docsize", null);
        using var reader = command.ExecuteReader();
        while (reader.Read()) lengths[reader.GetInt64(0)] = Varints((byte[])reader[1]).Sum();
        return lengths;
    }

    /// <summary>Rows and mean tokens per row of the main index, from its averages record (id 1 of the data table).</summary>
    private (long Rows, double AverageLength) ReadAverages()
    {
        var record = (byte[]?)KnowledgeDatabase.Scalar(_connection, "SELECT block FROM chunks_fts_data WHERE id = 1") ?? [];
        var values = Varints(record).ToList();
        var rows = values.Count > 0 ? values[0] : 0;
        return (rows, rows == 0 ? 1 : Math.Max(1, values.Skip(1).Sum() / (double)rows));
    }

    /// <summary>SQLite's big-endian varints, as FTS5 writes its records.</summary>
    private static IEnumerable<long> Varints(byte[] data)
    {
        var position = 0;
        while (position < data.Length)
        {
            long value = 0;
            for (var i = 0; i < 9 && position < data.Length; i++)
            {
                var b = data[position++];
                if (i == 8)
                {
                    value = (value << 8) | b;
                    break;
                }
                value = (value << 7) | (long)(b & 0x7f);
                if ((b & 0x80) == 0) break;
            }
            yield return value;
        }
    }
}
