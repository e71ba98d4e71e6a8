using System.Collections.Frozen;

namespace HwForge.Tools.Targets.Hls;

/// <summary>
/// Splits HLS C++ into tokens for highlighting: keywords, numbers, comments, strings and preprocessor lines
/// (<c>#pragma HLS …</c>, <c>#include</c>); everything else is plain text. Joining the tokens gives the input back.
/// </summary>
internal sealed class CppHighlighter : ICodeHighlighter
{
    public static CppHighlighter Instance { get; } = new();

    private static readonly FrozenSet<string> Keywords = new[]
    {
        "auto", "bool", "break", "case", "char", "const", "constexpr", "continue", "default", "do", "double", "else",
        "enum", "extern", "false", "float", "for", "if", "inline", "int", "long", "namespace", "return", "short",
        "signed", "sizeof", "static", "static_cast", "struct", "switch", "template", "true", "typedef", "typename",
        "unsigned", "using", "void", "volatile", "while",
    }.ToFrozenSet(StringComparer.Ordinal);

    public IReadOnlyList<CodeToken> Tokenize(string source)
    {
        var tokens = new List<CodeToken>();
        var text = new System.Text.StringBuilder();
        var i = 0;
        void Emit(CodeTokenKind kind, int start, int end)
        {
            if (text.Length > 0) { tokens.Add(new(CodeTokenKind.Text, text.ToString())); text.Clear(); }
            tokens.Add(new(kind, source[start..end]));
        }
        int LineEnd(int from) => source.IndexOf('\n', from) is var end and >= 0 ? end : source.Length;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '/' && At(source, i + 1) == '/') Emit(CodeTokenKind.Comment, i, i = LineEnd(i));
            else if (c == '/' && At(source, i + 1) == '*')
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                Emit(CodeTokenKind.Comment, i, i = end < 0 ? source.Length : end + 2);
            }
            else if (c is '"' or '\'')
            {
                var j = i + 1;
                while (j < source.Length && source[j] != c && source[j] != '\n') j += source[j] == '\\' ? 2 : 1;
                Emit(CodeTokenKind.String, i, i = Math.Min(source.Length, j + 1));
            }
            // A preprocessor line starts with # after only blanks on its line.
            else if (c == '#' && (i == 0 || source.LastIndexOf('\n', i - 1) is var start && source.AsSpan(start + 1, i - start - 1).IsWhiteSpace()))
                Emit(CodeTokenKind.Directive, i, i = LineEnd(i));
            else if (char.IsAsciiDigit(c))
            {
                var j = i;
                while (j < source.Length && (char.IsAsciiLetterOrDigit(source[j]) || source[j] is '.' or '\'')) j++;
                Emit(CodeTokenKind.Number, i, i = j);
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var j = i + 1;
                while (j < source.Length && (char.IsAsciiLetterOrDigit(source[j]) || source[j] == '_')) j++;
                var word = source[i..j];
                if (Keywords.Contains(word)) Emit(CodeTokenKind.Keyword, i, j);
                else text.Append(word);
                i = j;
            }
            else
            {
                text.Append(c);
                i++;
            }
        }
        if (text.Length > 0) tokens.Add(new(CodeTokenKind.Text, text.ToString()));
        return tokens;
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';
}
