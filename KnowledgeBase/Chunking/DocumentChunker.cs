using System.Text.RegularExpressions;

namespace HwForge.KnowledgeBase.Chunking;

/// <summary>
/// Cuts a file into chunks that each answer one question: Markdown by heading (the title is the
/// heading path), Verilog by module, plain text by paragraphs. Every chunk stays under a size cap so
/// one hit never eats a prompt's whole budget.
/// </summary>
public static partial class DocumentChunker
{
    /// <summary>File types <c>kb add</c> reads from folders.</summary>
    public static IReadOnlySet<string> Extensions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".md", ".txt", ".v", ".sv", ".vh" };

    /// <summary>The largest chunk body in characters (about 600 tokens).</summary>
    public const int MaxChunkChars = 2400;

    public static IReadOnlyList<KnowledgeChunk> Chunk(string path, string text, KnowledgeSource? source = null, KnowledgeKind kind = KnowledgeKind.Doc)
    {
        source ??= KnowledgeSource.File(path);
        text = text.Replace("\r\n", "\n");
        // A file may say what it is: <!-- kind: error-knowledge --> in Markdown or text.
        if (KindMarker().Match(text) is { Success: true } marker && KnowledgeKinds.TryParse(marker.Groups[1].Value, out var marked)) kind = marked;
        var name = Path.GetFileName(path);
        var sections = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".md" => MarkdownSections.Split(text, name),
            ".v" or ".sv" or ".vh" => VerilogSections.Split(text, name),
            _ => [(name, text)],
        };
        var chunks = new List<KnowledgeChunk>();
        foreach (var (title, body) in sections)
        {
            var parts = Paragraphs.Pack(body.Trim(), MaxChunkChars);
            for (var i = 0; i < parts.Count; i++)
                chunks.Add(new KnowledgeChunk(parts.Count == 1 ? title : $"{title} (part {i + 1})", parts[i], source, kind));
        }
        return chunks;
    }

    [GeneratedRegex(@"<!--\s*kind:\s*([a-z-]+)\s*-->", RegexOptions.IgnoreCase)]
    private static partial Regex KindMarker();
}
