using System.Collections.Frozen;

namespace HwForge.Tools.Targets.Rtl.Syntax;

/// <summary>
/// Splits Verilog into tokens for highlighting: keywords, numbers (sized and based, e.g. <c>8'hFF</c>), comments,
/// strings and compiler directives; everything else is plain text. Joining the tokens gives the input back.
/// </summary>
internal sealed class VerilogHighlighter : ICodeHighlighter
{
    public static VerilogHighlighter Instance { get; } = new();

    IReadOnlyList<CodeToken> ICodeHighlighter.Tokenize(string source) => Tokenize(source);

    private static readonly FrozenSet<string> Keywords = new[]
    {
        "module", "endmodule", "input", "output", "inout", "wire", "reg", "logic", "integer", "genvar", "parameter",
        "localparam", "assign", "always", "always_ff", "always_comb", "always_latch", "initial", "begin", "end",
        "if", "else", "case", "casez", "casex", "endcase", "default", "for", "while", "generate", "endgenerate",
        "function", "endfunction", "task", "endtask", "posedge", "negedge", "or", "and", "not", "signed", "unsigned",
        "return", "typedef", "enum", "struct", "packed",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static IReadOnlyList<CodeToken> Tokenize(string source)
    {
        var tokens = new List<CodeToken>();
        var text = new System.Text.StringBuilder();
        var i = 0;
        void Emit(CodeTokenKind kind, int start, int end)
        {
            if (text.Length > 0) { tokens.Add(new(CodeTokenKind.Text, text.ToString())); text.Clear(); }
            tokens.Add(new(kind, source[start..end]));
        }
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '/' && At(source, i + 1) == '/')
            {
                var end = source.IndexOf('\n', i);
                Emit(CodeTokenKind.Comment, i, i = end < 0 ? source.Length : end);
            }
            else if (c == '/' && At(source, i + 1) == '*')
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                Emit(CodeTokenKind.Comment, i, i = end < 0 ? source.Length : end + 2);
            }
            else if (c == '"')
            {
                var j = i + 1;
                while (j < source.Length && source[j] != '"' && source[j] != '\n') j += source[j] == '\\' ? 2 : 1;
                Emit(CodeTokenKind.String, i, i = Math.Min(source.Length, j + 1));
            }
            else if (c == '`' && char.IsAsciiLetter(At(source, i + 1)))
            {
                var j = i + 1;
                while (j < source.Length && (char.IsAsciiLetterOrDigit(source[j]) || source[j] == '_')) j++;
                Emit(CodeTokenKind.Directive, i, i = j);
            }
            else if (char.IsAsciiDigit(c) || (c == '\'' && "bBoOdDhHsS".Contains(At(source, i + 1))))
            {
                var j = i;
                while (j < source.Length && (char.IsAsciiDigit(source[j]) || source[j] == '_' || source[j] == '.')) j++;
                if (At(source, j) == '\'')
                {
                    j++;
                    if ("sS".Contains(At(source, j))) j++;
                    if ("bBoOdDhH".Contains(At(source, j))) j++;
                    while (j < source.Length && (char.IsAsciiHexDigit(source[j]) || "_xXzZ?".Contains(source[j]))) j++;
                }
                Emit(CodeTokenKind.Number, i, i = j);
            }
            else if (char.IsAsciiLetter(c) || c == '_' || c == '$')
            {
                var j = i + 1;
                while (j < source.Length && (char.IsAsciiLetterOrDigit(source[j]) || source[j] is '_' or '$')) j++;
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
