using System.Text.RegularExpressions;

namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>
/// Maps a line of the canonical text back to the user's file and line through the <c>`line</c>
/// directives the preprocessor wrote (<c>`line N "file" L</c>: the next line is line N of file).
/// </summary>
internal static partial class CanonicalLines
{
    public static (string File, int Line) Locate(string text, string fallbackFile, int physicalLine)
    {
        // Without a directive above it, a line is itself.
        var (file, first, directiveAt) = (fallbackFile, 1, 0);
        var current = 1;
        foreach (var row in text.AsSpan().EnumerateLines())
        {
            if (current >= physicalLine) break;
            if (row.StartsWith("`line ") && Directive().Match(row.ToString()) is { Success: true } match)
                (file, first, directiveAt) = (match.Groups["file"].Value, int.Parse(match.Groups["line"].Value), current);
            current++;
        }
        return (file, first + physicalLine - directiveAt - 1);
    }

    [GeneratedRegex(@"^`line (?<line>\d+) ""(?<file>[^""]*)"" \d\s*$")]
    internal static partial Regex Directive();
}
