using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Targets.Rtl.Syntax;

namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>
/// Checks what the sources, as written, ask of the preprocessor before it runs: no test or use of a
/// macro that tells tools apart (<see cref="ToolMacros"/>), and every <c>`include</c> names one of
/// the design's own files. Also says which sources are headers (included by another) rather than
/// compilation units of their own.
/// </summary>
internal static class SourceDirectives
{
    private static readonly HashSet<string> TakesMacroName = ["`ifdef", "`ifndef", "`elsif", "`define", "`undef"];

    public static (FailureClass Failure, string Detail)? Check(IReadOnlyList<SourceFile> sources)
    {
        var names = sources.Select(s => s.FileName).ToHashSet(StringComparer.Ordinal);
        foreach (var source in sources)
            if (Check(source, names) is { } problem) return problem;
        return null;
    }

    /// <summary>The sources that are compilation units: all of them but those another source includes.</summary>
    public static IReadOnlyList<SourceFile> Units(IReadOnlyList<SourceFile> sources)
    {
        var included = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
            foreach (var (name, _) in Includes(source)) included.Add(name);
        var units = sources.Where(s => !included.Contains(s.FileName)).ToList();
        // Files that only include each other: read them all, in order, as the tools did before.
        return units.Count > 0 ? units : sources;
    }

    private static (FailureClass, string)? Check(SourceFile source, HashSet<string> names)
    {
        var text = source.Text;
        var tokens = VerilogLexer.Tokens(text).Where(t => t.Kind != VerilogTokenKind.Comment).ToList();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind != VerilogTokenKind.Directive) continue;
            var directive = token.Text(text);
            if (ToolMacros.Names.Contains(directive[1..]))
                return ToolDependent(source, token.Line, directive);
            if (TakesMacroName.Contains(directive))
            {
                foreach (var name in MacroNames(tokens, i + 1, text))
                    if (ToolMacros.Names.Contains(name)) return ToolDependent(source, token.Line, $"{directive} {name}");
            }
            else if (directive == "`include" && IncludeProblem(source, tokens, i, names) is { } problem)
            {
                return (FailureClass.Compile, problem);
            }
        }
        return null;
    }

    /// <summary>The macro names a directive tests: one name, or the names in an SV-2023 expression <c>`ifdef (A &amp;&amp; B)</c>.</summary>
    private static IEnumerable<string> MacroNames(List<VerilogToken> tokens, int at, string text)
    {
        if (at >= tokens.Count) yield break;
        if (tokens[at].Kind is VerilogTokenKind.Identifier or VerilogTokenKind.EscapedIdentifier)
        {
            yield return tokens[at].Name(text);
            yield break;
        }
        if (tokens[at].Text(text) != "(") yield break;
        var depth = 0;
        for (var j = at; j < tokens.Count; j++)
        {
            var word = tokens[j].Text(text);
            depth += word == "(" ? 1 : word == ")" ? -1 : 0;
            if (tokens[j].Kind == VerilogTokenKind.Identifier) yield return word;
            if (depth == 0) yield break;
        }
    }

    private static (FailureClass, string) ToolDependent(SourceFile source, int line, string what) =>
        (FailureClass.ForbiddenConstruct,
         $"{source.Path}:{line}: {what} depends on which tool reads the design, so the simulation and the proof would see " +
         "different code; HwForge gives every tool one preprocessed text with no tool macros. Remove the condition and keep the code you mean.");

    private static string? IncludeProblem(SourceFile source, List<VerilogToken> tokens, int at, HashSet<string> names)
    {
        var (name, ok) = IncludedName(source.Text, tokens, at);
        if (!ok)
            return $"{source.Path}:{tokens[at].Line}: an `include must name its file in quotes (\"defs.vh\"), not through a macro";
        if (names.Contains(name)) return null;
        var hint = names.Contains(Path.GetFileName(name)) ? $"; the design's files sit in one folder, so include it as \"{Path.GetFileName(name)}\"" : "; pass that file as a source too";
        return $"{source.Path}:{tokens[at].Line}: `include \"{name}\" names none of the design's files ({string.Join(", ", names)}){hint}";
    }

    private static IEnumerable<(string Name, int Line)> Includes(SourceFile source)
    {
        var tokens = VerilogLexer.Tokens(source.Text).Where(t => t.Kind != VerilogTokenKind.Comment).ToList();
        for (var i = 0; i < tokens.Count; i++)
            if (tokens[i].Kind == VerilogTokenKind.Directive && tokens[i].Text(source.Text) == "`include" && IncludedName(source.Text, tokens, i) is (var name, true))
                yield return (name, tokens[i].Line);
    }

    /// <summary>The file an <c>`include</c> at <paramref name="at"/> names: <c>"file"</c> or <c>&lt;file&gt;</c>.</summary>
    private static (string Name, bool Literal) IncludedName(string text, List<VerilogToken> tokens, int at)
    {
        if (at + 1 >= tokens.Count) return ("", false);
        var next = tokens[at + 1];
        if (next.Kind == VerilogTokenKind.String) return (text.Substring(next.Start + 1, Math.Max(0, next.Length - 2)), true);
        if (next.Text(text) != "<") return ("", false);
        var close = text.IndexOf('>', next.Start);
        var end = text.IndexOf('\n', next.Start);
        return close < 0 || (end >= 0 && end < close) ? ("", false) : (text[(next.Start + 1)..close].Trim(), true);
    }
}
