namespace HwForge.KnowledgeBase.Chunking;

/// <summary>Packs paragraphs into parts under a size cap, cutting inside a paragraph only when it alone is too long.</summary>
internal static class Paragraphs
{
    public static IReadOnlyList<string> Pack(string text, int cap)
    {
        if (text.Length == 0) return [];
        if (text.Length <= cap) return [text];
        var parts = new List<string>();
        var current = "";
        foreach (var paragraph in text.Split("\n\n").Select(p => p.Trim('\n')).Where(p => p.Trim().Length > 0))
        {
            foreach (var piece in Cut(paragraph, cap))
            {
                if (current.Length > 0 && current.Length + 2 + piece.Length > cap)
                {
                    parts.Add(current);
                    current = "";
                }
                current = current.Length == 0 ? piece : current + "\n\n" + piece;
            }
        }
        if (current.Length > 0) parts.Add(current);
        return parts;
    }

    // A paragraph longer than the cap (a long code block, a log) is cut at line ends where possible.
    private static IEnumerable<string> Cut(string paragraph, int cap)
    {
        while (paragraph.Length > cap)
        {
            var end = paragraph.LastIndexOf('\n', cap - 1);
            if (end <= cap / 2) end = cap;
            yield return paragraph[..end];
            paragraph = paragraph[end..].TrimStart('\n');
        }
        if (paragraph.Length > 0) yield return paragraph;
    }
}
