namespace HwForge.Tools.Targets.Rtl.Syntax;

/// <summary>The kinds of token <see cref="VerilogLexer"/> tells apart.</summary>
internal enum VerilogTokenKind
{
    /// <summary>A plain name or keyword: <c>final</c>, <c>q</c>, <c>a$b</c>.</summary>
    Identifier,

    /// <summary><c>\</c> and everything up to white space: <c>\x//</c> is one name, not a name and a comment.</summary>
    EscapedIdentifier,

    /// <summary>A system task or function: <c>$fopen</c>.</summary>
    SystemName,

    /// <summary>A compiler directive or macro use: <c>`ifdef</c>, <c>`WIDTH</c>.</summary>
    Directive,

    String,
    Number,

    /// <summary>A whole <c>(* ... *)</c>, lexed inside so that a string holding <c>*)</c> does not end it.</summary>
    Attribute,

    Comment,

    /// <summary>Any other character: operators, brackets, a lone <c>$</c> or backtick.</summary>
    Symbol,
}

/// <summary>One token: where it is in the text (offset, length, 1-based line) and what kind it is.</summary>
internal readonly record struct VerilogToken(VerilogTokenKind Kind, int Start, int Length, int Line)
{
    public string Text(string source) => source.Substring(Start, Length);

    /// <summary>The name a (plain or escaped) identifier stands for: <c>\abc </c> and <c>abc</c> are the same name.</summary>
    public string Name(string source) => Kind == VerilogTokenKind.EscapedIdentifier ? source.Substring(Start + 1, Length - 1) : Text(source);
}

/// <summary>
/// Splits Verilog and SystemVerilog text into tokens the way the simulators and Yosys do (IEEE 1800
/// §5): comments, strings with escapes, escaped identifiers that run to white space, attributes,
/// directives, and numbers with a base, whose digits may follow the base after white space.
/// </summary>
/// <remarks>
/// A policy decided on these tokens cannot be fooled by text that looks like a comment or a string
/// to a regular expression but is code to a tool (<c>\name//</c>, <c>\name"</c>), or the reverse.
/// A backslash before a line break is a macro body's line continuation and yields no token.
/// </remarks>
internal static class VerilogLexer
{
    public static IEnumerable<VerilogToken> Tokens(string text)
    {
        var i = 0;
        var line = 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n') { line++; i++; continue; }
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            var startLine = line;
            var kind = Scan(text, ref i, ref line);
            if (kind is { } k) yield return new VerilogToken(k, start, i - start, startLine);
        }
    }

    /// <summary>Consumes one token at <paramref name="i"/>; null for a line continuation.</summary>
    private static VerilogTokenKind? Scan(string text, ref int i, ref int line)
    {
        var c = text[i];
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        switch (c)
        {
            case '/' when next == '/':
                while (i < text.Length && text[i] != '\n') i++;
                return VerilogTokenKind.Comment;
            case '/' when next == '*':
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                var stop = end < 0 ? text.Length : end + 2;
                line += Count(text, i, stop, '\n');
                i = stop;
                return VerilogTokenKind.Comment;
            case '"':
                ScanString(text, ref i, ref line);
                return VerilogTokenKind.String;
            case '\\' when next is '\n' or '\r':
                i += next == '\r' && i + 2 < text.Length && text[i + 2] == '\n' ? 3 : 2;
                line++;
                return null;
            case '\\' when next != '\0' && !char.IsWhiteSpace(next):
                i++;
                while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
                return VerilogTokenKind.EscapedIdentifier;
            case '$' when IsNameChar(next):
                i++;
                while (i < text.Length && IsNameChar(text[i])) i++;
                return VerilogTokenKind.SystemName;
            case '`' when IsNameStart(next):
                i++;
                while (i < text.Length && IsNameChar(text[i])) i++;
                return VerilogTokenKind.Directive;
            case '(' when next == '*' && StartsAttribute(text, i + 2):
                ScanAttribute(text, ref i, ref line);
                return VerilogTokenKind.Attribute;
            case '\'' when BaseDigits(text, i) is { } digits:
                ScanBasedValue(text, ref i, digits);
                return VerilogTokenKind.Number;
            case '\'' when next is '0' or '1' or 'x' or 'X' or 'z' or 'Z':
                i += 2;
                return VerilogTokenKind.Number;
            case >= '0' and <= '9':
                ScanDecimal(text, ref i);
                return VerilogTokenKind.Number;
        }
        if (IsNameStart(c))
        {
            while (i < text.Length && IsNameChar(text[i])) i++;
            return VerilogTokenKind.Identifier;
        }
        i++;
        return VerilogTokenKind.Symbol;
    }

    /// <summary>A string ends at an unescaped quote or line break; a backslash escapes anything, a line break too (SV).</summary>
    private static void ScanString(string text, ref int i, ref int line)
    {
        i++;
        while (i < text.Length && text[i] != '"' && text[i] != '\n')
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                if (text[i + 1] == '\r' && i + 2 < text.Length && text[i + 2] == '\n') i++;
                if (text[i + 1] == '\n') line++;
                i++;
            }
            i++;
        }
        if (i < text.Length && text[i] == '"') i++;
    }

    /// <summary>
    /// <c>(*</c> opens an attribute when a name follows (as in Verilator's lexer), so <c>@(*)</c> and
    /// <c>@( * )</c> stay event controls. The inside is lexed as tokens: only a real <c>*)</c> ends it.
    /// </summary>
    private static bool StartsAttribute(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        return i < text.Length && (IsNameStart(text[i]) || text[i] == '\\');
    }

    private static void ScanAttribute(string text, ref int i, ref int line)
    {
        i += 2;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '*' && i + 1 < text.Length && text[i + 1] == ')') { i += 2; return; }
            if (c == '\n') { line++; i++; continue; }
            if (char.IsWhiteSpace(c)) { i++; continue; }
            Scan(text, ref i, ref line);
        }
    }

    /// <summary>The digits a based number may use when <paramref name="i"/> starts a base such as <c>'h</c> or <c>'sb</c>; null otherwise.</summary>
    private static string? BaseDigits(string text, int i)
    {
        var j = i + 1;
        if (j < text.Length && text[j] is 's' or 'S') j++;
        if (j >= text.Length) return null;
        return text[j] switch
        {
            'b' or 'B' => "01xXzZ?_",
            'o' or 'O' => "01234567xXzZ?_",
            'd' or 'D' => "0123456789xXzZ?_",
            'h' or 'H' => "0123456789abcdefABCDEFxXzZ?_",
            _ => null,
        };
    }

    /// <summary>The base, then optional spaces or tabs (<c>8'h ff</c> is legal), then the digits of that base.</summary>
    private static void ScanBasedValue(string text, ref int i, string digits)
    {
        i++;
        if (text[i] is 's' or 'S') i++;
        i++;
        var j = i;
        while (j < text.Length && text[j] is ' ' or '\t') j++;
        if (j == text.Length || !digits.Contains(text[j])) return;
        i = j;
        while (i < text.Length && digits.Contains(text[i])) i++;
    }

    /// <summary>An integer, a real (<c>1.5</c>, <c>2e-3</c>), with <c>_</c> separators; an <c>e</c> without digits is not part of it.</summary>
    private static void ScanDecimal(string text, ref int i)
    {
        Digits(text, ref i);
        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1])) { i++; Digits(text, ref i); }
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < text.Length && text[j] is '+' or '-') j++;
            if (j < text.Length && char.IsAsciiDigit(text[j])) { i = j; Digits(text, ref i); }
        }
    }

    private static void Digits(string text, ref int i)
    {
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '_')) i++;
    }

    private static int Count(string text, int from, int to, char c)
    {
        var n = 0;
        for (var k = from; k < to; k++) if (text[k] == c) n++;
        return n;
    }

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '$';
}
