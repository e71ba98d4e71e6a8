using System.Text.RegularExpressions;

namespace HwForge.KnowledgeBase.Chunking;

/// <summary>
/// Splits Verilog at modules: each chunk is one module with the comments just above it, titled
/// "module NAME (file)". A file without modules (a header of defines) is one chunk.
/// </summary>
internal static partial class VerilogSections
{
    public static IReadOnlyList<(string Title, string Body)> Split(string text, string fileName)
    {
        var sections = new List<(string, string)>();
        var start = 0;
        foreach (Match end in EndModule().Matches(text))
        {
            var piece = text[start..(end.Index + end.Length)];
            start = end.Index + end.Length;
            var name = ModuleName().Match(Comment().Replace(piece, " "));
            sections.Add((name.Success ? $"module {name.Groups[1].Value} ({fileName})" : fileName, piece));
        }
        var rest = text[start..];
        if (rest.Trim().Length > 0) sections.Add((sections.Count == 0 ? fileName : $"{fileName} (after the last module)", rest));
        return sections;
    }

    // Comments above a module may say "this module ..."; the name is taken from code only.
    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"\bendmodule\b")]
    private static partial Regex EndModule();

    [GeneratedRegex(@"\b(?:module|macromodule)\s+(?:automatic\s+|static\s+)?([A-Za-z_][A-Za-z0-9_$]*)")]
    private static partial Regex ModuleName();
}
