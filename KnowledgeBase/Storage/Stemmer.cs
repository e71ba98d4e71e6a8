using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace HwForge.KnowledgeBase.Storage;

/// <summary>
/// Words to the stems chunks_fts indexes them under, by FTS5's own porter tokenizer run over a scratch
/// table of this connection (so the stems are exactly FTS5's), remembered so each word is stemmed once.
/// </summary>
internal sealed partial class Stemmer
{
    // Enough for the vocabulary of a large store; past it the memory starts again empty.
    private const int MaxRemembered = 500_000;

    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, string> _stems = [];

    public Stemmer(SqliteConnection connection)
    {
        _connection = connection;
        // Temp tables live with this connection only; the database file is not touched.
        KnowledgeDatabase.Execute(connection, """
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_words USING fts5(word, tokenize = 'porter unicode61');
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_stems USING fts5vocab(temp, query_words, instance);
            """);
    }

    /// <summary>The stem of each word (lower case, as <see cref="Words"/> gives them); null where FTS5 indexes nothing.</summary>
    public string?[] Stem(IReadOnlyList<string> words)
    {
        Learn(words);
        return words.Select(Known).ToArray();
    }

    /// <summary>Stems the words not stemmed before, all in one pass through FTS5.</summary>
    public void Learn(IEnumerable<string> words)
    {
        var unknown = words.Where(w => !_stems.ContainsKey(w)).Distinct().ToList();
        if (unknown.Count == 0) return;
        if (_stems.Count + unknown.Count > MaxRemembered) _stems.Clear();
        // SQLite takes at most 32766 parameters in one statement.
        foreach (var part in unknown.Chunk(10_000)) StemThroughFts(part);
    }

    /// <summary>The stem of a word stemmed before; null if it was not, or if FTS5 indexes nothing of it.</summary>
    public string? Known(string word) => _stems.TryGetValue(word, out var stem) && stem.Length > 0 ? stem : null;

    public bool IsKnown(string word) => _stems.ContainsKey(word);

    private void StemThroughFts(IReadOnlyList<string> words)
    {
        using var insert = KnowledgeDatabase.Command(_connection,
            $"INSERT INTO temp.query_words(rowid, word) VALUES {string.Join(", ", words.Select((_, i) => $"({i}, $w{i})"))}", null);
        for (var i = 0; i < words.Count; i++) insert.Parameters.AddWithValue($"$w{i}", words[i]);
        insert.ExecuteNonQuery();
        try
        {
            foreach (var word in words) _stems[word] = "";
            using var select = KnowledgeDatabase.Command(_connection, "SELECT doc, term FROM temp.query_stems", null);
            using var reader = select.ExecuteReader();
            while (reader.Read()) _stems[words[reader.GetInt32(0)]] = reader.GetString(1);
        }
        finally
        {
            KnowledgeDatabase.Execute(_connection, "DELETE FROM temp.query_words");
        }
    }

    /// <summary>A text's words as FTS5's unicode61 tokenizer cuts them (runs of letters and digits), lower case.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var match in Word().EnumerateMatches(text))
            words.Add(text.Substring(match.Index, match.Length).ToLowerInvariant());
        return words;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
