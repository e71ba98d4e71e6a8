using Microsoft.Data.Sqlite;

namespace HwForge.KnowledgeBase.Storage;

/// <summary>
/// FTS5's bm25() recomputed in C# for a few chunks: the same formula, document counts, lengths and
/// averages as the index's, with term counts taken from the chunks' text (stemmed by FTS5's tokenizer,
/// see <see cref="Stemmer"/>). It lets a big store score a few hundred candidates with every query word
/// without FTS5 scoring every chunk that any of the words matches.
/// </summary>
internal sealed class Bm25Scorer(SqliteConnection connection, Stemmer stemmer, double titleWeight, double bodyWeight)
{
    // FTS5's bm25() constants.
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>Rows and mean tokens per row of the index, from its averages record (id 1 of the data table).</summary>
    public (long Rows, double AverageLength) ReadAverages()
    {
        var record = (byte[]?)KnowledgeDatabase.Scalar(connection, "SELECT block FROM chunks_fts_data WHERE id = 1") ?? [];
        var values = Varints(record);
        var rows = values.Count > 0 ? values[0] : 0;
        return (rows, rows == 0 ? 1 : Math.Max(1, values.Skip(1).Sum() / (double)rows));
    }

    /// <summary>FTS5's inverse document frequency, floored as bm25() floors it for words in most chunks.</summary>
    public static double Idf(long rows, long chunks)
    {
        var idf = Math.Log((rows - chunks + 0.5) / (chunks + 0.5));
        return idf <= 0 ? 1e-6 : idf;
    }

    /// <summary>BM25 of each chunk with all <paramref name="phrases"/>, higher is better; chunks that no longer exist are left out.</summary>
    public Dictionary<long, double> Score(IReadOnlyCollection<long> ids, IReadOnlyList<Phrase> phrases, IReadOnlyCollection<KnowledgeKind>? kinds)
    {
        var scores = new Dictionary<long, double>();
        if (ids.Count == 0 || phrases.Count == 0) return scores;
        var (rows, averageLength) = ReadAverages();
        var idf = phrases.GroupBy(p => p.Stem).ToDictionary(g => g.Key, g => g.Sum(p => Idf(rows, p.Chunks)));
        var lengths = ReadLengths(ids);
        var kindNames = kinds is { Count: > 0 } ? kinds.Select(k => k.Name()).ToHashSet() : null;

        var texts = new List<(long Id, List<string> Title, List<string> Body)>();
        using (var command = KnowledgeDatabase.Command(connection, $"SELECT id, kind, title, body FROM chunks WHERE id IN ({string.Join(", ", ids)})", null))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                if (kindNames is null || kindNames.Contains(reader.GetString(1)))
                    texts.Add((reader.GetInt64(0), Stemmer.Words(reader.GetString(2)), Stemmer.Words(reader.GetString(3))));
        }

        // Porter stemming only rewrites a word's end, so a word can stem to a query stem only if it starts
        // with all of the stem but its last letter; the other words need not be stemmed to be counted out.
        var prefixes = idf.Keys.Select(stem => stem[..Math.Max(1, stem.Length - 1)]).Distinct().ToArray();
        stemmer.Learn(texts.SelectMany(t => t.Title.Concat(t.Body))
            .Where(w => !stemmer.IsKnown(w) && prefixes.Any(p => w.StartsWith(p, StringComparison.Ordinal))));

        var frequencies = new Dictionary<string, double>();
        foreach (var (id, title, body) in texts)
        {
            frequencies.Clear();
            Count(title, titleWeight, idf, frequencies);
            Count(body, bodyWeight, idf, frequencies);
            var length = lengths.GetValueOrDefault(id, 1);
            var score = 0.0;
            foreach (var (stem, frequency) in frequencies)
                score += idf[stem] * frequency * (K1 + 1) / (frequency + K1 * (1 - B + B * length / averageLength));
            if (score > 0) scores[id] = score;
        }
        return scores;
    }

    /// <summary>Adds <paramref name="weight"/> for each word whose stem is a query stem.</summary>
    private void Count(List<string> words, double weight, Dictionary<string, double> wanted, Dictionary<string, double> frequencies)
    {
        foreach (var word in words)
            if (stemmer.Known(word) is { } stem && wanted.ContainsKey(stem)) frequencies[stem] = frequencies.GetValueOrDefault(stem) + weight;
    }

    /// <summary>Tokens per chunk over all columns, as FTS5 counted them when it indexed the chunk.</summary>
    private Dictionary<long, long> ReadLengths(IEnumerable<long> ids)
    {
        var lengths = new Dictionary<long, long>();
        using var command = KnowledgeDatabase.Command(connection, $"SELECT id, sz FROM chunks_fts_docsize WHERE id IN ({string.Join(", ", ids)})", null);
        using var reader = command.ExecuteReader();
        while (reader.Read()) lengths[reader.GetInt64(0)] = Varints((byte[])reader[1]).Sum();
        return lengths;
    }

    /// <summary>SQLite's big-endian varints, as FTS5 writes its records.</summary>
    private static List<long> Varints(byte[] data)
    {
        var values = new List<long>();
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
            values.Add(value);
        }
        return values;
    }
}
