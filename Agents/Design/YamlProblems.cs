using YamlDotNet.Core;

namespace HwForge.Agents.Design;

/// <summary>
/// Words for a spec or jobs file that cannot be used: file, line and column, and what was expected, but never a
/// quote of the file. Such a path can name any file (<c>--spec /etc/shadow</c>), and its text must not reach a
/// terminal, a log or a job's summary.
/// </summary>
internal static class YamlProblems
{
    /// <summary><c>path:line:column</c> of a node or a parser error.</summary>
    public static string At(string path, Mark mark) => $"{path}:{mark.Line}:{mark.Column}";

    /// <summary>What YamlDotNet found, in its words where those are fixed text, in ours where its words quote the file.</summary>
    public static string Describe(YamlException e) => e.Message switch
    {
        // The scanner's and parser's own messages are constant sentences ("While parsing a block mapping, did not find expected key.").
        var m when m.StartsWith("While ", StringComparison.Ordinal) || m.StartsWith("Reached the end of the stream", StringComparison.Ordinal) => m,
        // These name an anchor or a key from the file.
        _ when e is AnchorNotFoundException => "an alias (*name) refers to an anchor (&name) that is not defined before it",
        var m when m.StartsWith("Duplicate key", StringComparison.Ordinal) => "a key is given twice in one mapping",
        _ => "this is not valid YAML",
    };

    /// <summary>
    /// For an unknown key, the known one it is probably a typo of (<c>refrence</c>: <c>reference</c>), or null: the
    /// message can then help without repeating what the file says.
    /// </summary>
    public static string? Suggest(string? key, IEnumerable<string> known)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 40) return null;
        var best = known.Select(k => (Key: k, Distance: Distance(key.ToLowerInvariant(), k))).MinBy(c => c.Distance);
        return best.Key is not null && best.Distance <= Math.Max(1, best.Key.Length / 4) ? best.Key : null;
    }

    /// <summary>The unknown-key sentence: where, what is known, and the likely intended key.</summary>
    public static string UnknownKey(string path, Mark mark, string? key, string what, IReadOnlyCollection<string> known) =>
        $"{At(path, mark)}: unknown key in {what}" +
        (Suggest(key, known) is { } guess ? $" (did you mean '{guess}'?)" : "") +
        $"; it knows {string.Join(", ", known)}";

    // Levenshtein distance; keys are short, so the quadratic table is nothing.
    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
