using System.Text.RegularExpressions;
using HwForge.Tools.Targets;

namespace HwForge.KnowledgeBase.Chunking;

/// <summary>
/// Cuts a file into chunks that each answer one question: Markdown by heading (the title is the heading path), a
/// target's source by the sections its file kind defines (a module, a function), plain text by paragraphs. Every
/// chunk stays under a size cap so one hit never eats a prompt's whole budget.
/// </summary>
public static partial class DocumentChunker
{
    /// <summary>
    /// File types <c>kb add</c> reads from folders: Markdown, text, and every file kind of the shipped targets that
    /// says how it is cut into sections (a problem's YAML does not).
    /// </summary>
    public static IReadOnlySet<string> Extensions { get; } = new HashSet<string>(
        [".md", ".txt", .. TargetRegistry.ShippedFileKinds.Values.SelectMany(kinds => kinds).Where(k => k.Sections is not null).Select(k => k.Extension)],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The largest chunk body in characters (about 600 tokens).</summary>
    public const int MaxChunkChars = 2400;

    public static IReadOnlyList<KnowledgeChunk> Chunk(string path, string text, KnowledgeSource? source = null, KnowledgeKind kind = KnowledgeKind.Doc)
    {
        source ??= KnowledgeSource.File(path);
        text = text.Replace("\r\n", "\n");
        // A file may say what it is: <!-- kind: error-knowledge --> in Markdown or text.
        if (KindMarker().Match(text) is { Success: true } marker && KnowledgeKinds.TryParse(marker.Groups[1].Value, out var marked)) kind = marked;
        var name = Path.GetFileName(path);
        IReadOnlyList<SourceSection> sections = Path.GetExtension(path).Equals(".md", StringComparison.OrdinalIgnoreCase)
            ? MarkdownSections.Split(text, name)
            : TargetRegistry.ShippedFileKind(path)?.Sections?.Split(text, name) ?? [new(name, text)];
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
