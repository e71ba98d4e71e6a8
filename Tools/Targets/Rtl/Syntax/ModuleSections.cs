using System.Text.RegularExpressions;

namespace HwForge.Tools.Targets.Rtl.Syntax;

/// <summary>
/// Splits Verilog at modules: each section is one module with the comments just above it, titled
/// "module NAME (file)". A file without modules (a header of defines) is one section.
/// </summary>
internal sealed partial class ModuleSections : ISourceSections
{
    public static ModuleSections Instance { get; } = new();

    public IReadOnlyList<SourceSection> Split(string text, string fileName)
    {
        var sections = new List<SourceSection>();
        var start = 0;
        foreach (Match end in EndModule().Matches(text))
        {
            var piece = text[start..(end.Index + end.Length)];
            start = end.Index + end.Length;
            var name = ModuleName().Match(Comment().Replace(piece, " "));
            sections.Add(new(name.Success ? $"module {name.Groups[1].Value} ({fileName})" : fileName, piece));
        }
        var rest = text[start..];
        if (rest.Trim().Length > 0) sections.Add(new(sections.Count == 0 ? fileName : $"{fileName} (after the last module)", rest));
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
