using System.Text.RegularExpressions;
using HwForge.Tools.Targets;

namespace HwForge.KnowledgeBase.Chunking;

/// <summary>
/// Splits Markdown at headings outside code fences. Each section's title is its heading path
/// ("Verilator lint warnings > WIDTH"), so a hit says where it sits without its parents' text.
/// </summary>
internal static partial class MarkdownSections
{
    public static IReadOnlyList<SourceSection> Split(string text, string fileName)
    {
        var sections = new List<SourceSection>();
        var path = new List<(int Level, string Heading)>();
        var body = new List<string>();
        var inFence = false;

        void Flush()
        {
            var content = string.Join('\n', body).Trim();
            body.Clear();
            if (content.Length == 0 || content.StartsWith("<!--") && content.EndsWith("-->")) return;
            sections.Add(new(path.Count == 0 ? fileName : string.Join(" > ", path.Select(p => p.Heading)), content));
        }

        foreach (var line in text.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```")) inFence = !inFence;
            var heading = inFence ? null : Heading().Match(line);
            if (heading is not { Success: true })
            {
                body.Add(line);
                continue;
            }
            Flush();
            var level = heading.Groups[1].Value.Length;
            path.RemoveAll(p => p.Level >= level);
            path.Add((level, heading.Groups[2].Value.Trim()));
        }
        Flush();
        return sections;
    }

    [GeneratedRegex(@"^(#{1,6})\s+(.+?)\s*#*\s*$")]
    private static partial Regex Heading();
}
