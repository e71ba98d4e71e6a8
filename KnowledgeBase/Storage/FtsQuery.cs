using System.Text.RegularExpressions;

namespace HwForge.KnowledgeBase.Storage;

/// <summary>
/// Turns a question or a pasted tool message into an FTS5 query that cannot be a syntax error:
/// words only (quotes, colons, brackets, operators and paths fall apart into words), stop words and
/// numbers dropped, the rest ORed so BM25 ranks chunks by how many rare words they share.
/// </summary>
internal static partial class FtsQuery
{
    // Long pasted logs would otherwise make one query of hundreds of terms; the first words of a
    // tool message carry its meaning (code, message), the rest is usually context.
    private const int MaxTerms = 48;

    /// <summary>
    /// The FTS5 MATCH expressions whose results together are the candidates: the rare words ORed; with
    /// common words, the chunks having a rare word and a common one, and those having a rare word only
    /// (each chunk is in exactly one, and BM25 scores it with every word of the expression). Empty when
    /// there are no words.
    /// </summary>
    public static IReadOnlyList<string> Build(QueryWords words)
    {
        if (words.Rare.Count == 0) return [];
        var rare = AnyOf(words.Rare);
        if (words.Common.Count == 0) return [rare];
        var common = AnyOf(words.Common);
        return [$"({rare}) AND ({common})", $"({rare}) NOT ({common})"];
    }

    private static string AnyOf(IEnumerable<string> terms) => string.Join(" OR ", terms.Select(t => $"\"{t}\""));

    public static IReadOnlyList<string> Terms(string text)
    {
        var terms = new List<string>();
        var seen = new HashSet<string>();
        foreach (Match word in Word().Matches(text))
        {
            var term = word.Value.ToLowerInvariant();
            if (term.Length < 2 || char.IsDigit(term[0]) || StopWords.Contains(term) || !seen.Add(term)) continue;
            terms.Add(term);
            if (terms.Count == MaxTerms) break;
        }
        return terms;
    }

    // Same split as FTS5's unicode61 tokenizer: runs of letters and digits.
    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    private static readonly HashSet<string> StopWords =
    [
        "a", "an", "the", "and", "or", "but", "if", "then", "else", "of", "in", "on", "at", "to", "for", "from", "by", "with",
        "about", "as", "into", "onto", "over", "under", "up", "down", "out", "off", "than", "so", "too", "very", "just",
        "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "doing", "done", "have", "has", "had",
        "can", "could", "should", "would", "will", "shall", "may", "might", "must", "need", "needs",
        "i", "me", "my", "mine", "we", "us", "our", "you", "your", "he", "she", "it", "its", "they", "them", "their",
        "this", "that", "these", "those", "there", "here", "what", "which", "who", "whom", "whose", "why", "how", "when", "where",
        "not", "no", "nor", "any", "some", "all", "each", "every", "both", "either", "neither", "such", "own", "same", "other",
        "get", "gets", "got", "getting", "make", "makes", "made", "want", "wants", "please", "help",
        "thing", "things", "way", "ways", "one", "also", "still", "again", "now", "ok", "okay", "like", "mean", "means",
        "http", "https", "www", "com", "org",
    ];
}
