using System.Text;
using System.Text.RegularExpressions;

namespace HwForge.Tools.Targets.Hls;

/// <summary>How the harness drives an argument: generated and read (in), generated, passed and compared after (inout).</summary>
internal enum ArgumentRole
{
    In,
    InOut,
}

/// <summary>
/// One argument of a top function as written: its type as spelled (the harness reuses the spelling, so typedefs,
/// macros and template expressions are the compiler's business), its name, array dimensions and role.
/// </summary>
internal sealed record KernelArgument(string Type, string Name, IReadOnlyList<string> Dimensions, ArgumentRole Role);

/// <summary>The top function's signature read from a kernel's source: its return type (null for void) and arguments.</summary>
internal sealed record KernelSignature(string Name, string? ReturnType, IReadOnlyList<KernelArgument> Arguments)
{
    /// <summary>The signature of <paramref name="top"/> in <paramref name="source"/>, or why it cannot be driven.</summary>
    public static (KernelSignature? Signature, string? Problem) Read(string source, string top)
    {
        var code = CppText.Strip(source);
        KernelSignature? declared = null;
        foreach (Match match in Regex.Matches(code, $@"(?<![\w:.>])({Regex.Escape(top)})\s*\("))
        {
            if (CppText.Depth(code, match.Index) != 0) continue;
            var open = match.Index + match.Length - 1;
            var close = CppText.Matching(code, open);
            if (close < 0) continue;
            var after = code[(close + 1)..].TrimStart();
            var isDefinition = after.StartsWith('{');
            if (!isDefinition && !after.StartsWith(';')) continue;
            var returnType = ReturnTypeBefore(code, match.Index);
            if (returnType is null) continue;
            var (arguments, problem) = ReadArguments(code[(open + 1)..close]);
            if (problem is not null) return (null, $"the argument list of {top}: {problem}");
            var signature = new KernelSignature(top, returnType == "void" ? null : returnType, arguments!);
            if (isDefinition) return (signature, null);
            declared ??= signature;
        }
        return declared is not null ? (declared, null) : (null, $"no function named {top} is defined in the source");
    }

    private static string? ReturnTypeBefore(string code, int nameAt)
    {
        var start = nameAt;
        while (start > 0 && code[start - 1] is not (';' or '}' or '{' or '#')) start--;
        var text = Regex.Replace(code[start..nameAt], @"\b(static|inline|extern|constexpr)\b|\[\[[^\]]*\]\]", " ").Trim();
        text = Regex.Replace(text, @"\s+", " ");
        if (text.Length == 0 || text.EndsWith('=') || text.EndsWith(',') || text.Contains('(') || text.StartsWith("return")) return null;
        if (text.Contains('*') || text.EndsWith('&')) return null;
        return Regex.Replace(text, @"\bconst\b", "").Trim();
    }

    private static (IReadOnlyList<KernelArgument>? Arguments, string? Problem) ReadArguments(string list)
    {
        var result = new List<KernelArgument>();
        var trimmed = list.Trim();
        if (trimmed.Length == 0 || trimmed == "void") return (result, null);
        foreach (var raw in CppText.SplitTopLevel(trimmed))
        {
            var text = Regex.Replace(raw, @"\s+", " ").Trim();
            var equals = text.IndexOf('=');
            if (equals >= 0) text = text[..equals].Trim();
            if (text.Contains('*')) return (null, $"'{text}' is a pointer: the harness drives values, references and fixed-size arrays");
            if (Regex.IsMatch(text, @"\bstream\b")) return (null, $"'{text}' is a stream: streams are not driven yet");
            var dims = new List<string>();
            while (text.EndsWith(']'))
            {
                var open = text.LastIndexOf('[');
                dims.Insert(0, text[(open + 1)..^1].Trim());
                text = text[..open].TrimEnd();
            }
            if (dims.Any(d => d.Length == 0)) return (null, $"'{raw.Trim()}' has an array dimension without a size");
            var name = Regex.Match(text, @"([A-Za-z_]\w*)$");
            if (!name.Success) return (null, $"'{raw.Trim()}' has no name");
            var type = text[..name.Index].Trim();
            var isReference = type.EndsWith('&');
            type = type.TrimEnd('&').Trim();
            var isConst = Regex.IsMatch(type, @"\bconst\b");
            type = Regex.Replace(Regex.Replace(type, @"\b(const|volatile)\b", ""), @"\s+", " ").Trim();
            if (type.Length == 0) return (null, $"'{raw.Trim()}' has no type");
            if (isReference && dims.Count > 0) return (null, $"'{raw.Trim()}' is a reference to an array");
            var role = (isReference || dims.Count > 0) && !isConst ? ArgumentRole.InOut : ArgumentRole.In;
            result.Add(new KernelArgument(type, name.Value, dims, role));
        }
        return (result, null);
    }
}

/// <summary>C++ text helpers for reading signatures: comments, strings and preprocessor lines blanked, depths.</summary>
internal static class CppText
{
    /// <summary>The source with comments, string and character literals and preprocessor lines replaced by spaces (offsets kept).</summary>
    public static string Strip(string source)
    {
        var s = new StringBuilder(source);
        var i = 0;
        var lineStart = true;
        while (i < s.Length)
        {
            var c = s[i];
            if (lineStart && c == '#')
            {
                while (i < s.Length && s[i] != '\n') { if (s[i] == '\\' && i + 1 < s.Length && s[i + 1] == '\n') s[i++] = ' '; s[i++] = ' '; }
                continue;
            }
            if (c == '\n') { lineStart = true; i++; continue; }
            if (!char.IsWhiteSpace(c)) lineStart = false;
            if (c == '/' && i + 1 < s.Length && s[i + 1] == '/') { while (i < s.Length && s[i] != '\n') s[i++] = ' '; continue; }
            if (c == '/' && i + 1 < s.Length && s[i + 1] == '*')
            {
                while (i < s.Length && !(s[i] == '*' && i + 1 < s.Length && s[i + 1] == '/')) { if (s[i] != '\n') s[i] = ' '; i++; }
                if (i < s.Length) { s[i] = ' '; if (i + 1 < s.Length) s[i + 1] = ' '; i += 2; }
                continue;
            }
            if (c is '"' or '\'')
            {
                i++;
                while (i < s.Length && s[i] != c && s[i] != '\n') { if (s[i] == '\\') s[i++] = ' '; if (i < s.Length) s[i++] = ' '; }
                i++;
                continue;
            }
            i++;
        }
        return s.ToString();
    }

    /// <summary>The brace depth at a position.</summary>
    public static int Depth(string code, int at)
    {
        var depth = 0;
        for (var i = 0; i < at; i++) depth += code[i] == '{' ? 1 : code[i] == '}' ? -1 : 0;
        return depth;
    }

    /// <summary>The index of the parenthesis closing the one at <paramref name="open"/>, or -1.</summary>
    public static int Matching(string code, int open)
    {
        var depth = 0;
        for (var i = open; i < code.Length; i++)
        {
            if (code[i] == '(') depth++;
            else if (code[i] == ')' && --depth == 0) return i;
        }
        return -1;
    }

    /// <summary>Splits at commas outside (), &lt;&gt;, [] and {}.</summary>
    public static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '(' or '<' or '[' or '{') depth++;
            else if (c is ')' or '>' or ']' or '}') depth--;
            else if (c == ',' && depth == 0) { yield return text[start..i]; start = i + 1; }
        }
        yield return text[start..];
    }

    private static readonly string[] DeclarationWords =
        ["typedef", "using", "template", "class", "struct", "enum", "union", "static_assert", "const", "constexpr", "extern"];

    /// <summary>
    /// Whether the code may keep state between calls: a <c>static</c> that is not constant, a namespace-scope
    /// variable that is not constant, or a namespace (not looked into). Errs on the side of "yes": a "no" lets an
    /// exhaustive C simulation count as a proof.
    /// </summary>
    public static bool MayKeepState(string source)
    {
        var code = Strip(source);
        if (Regex.IsMatch(code, @"\bstatic\b(?!\s+(const|constexpr)\b)")) return true;
        if (Regex.IsMatch(code, @"\b(namespace|thread_local|mutable)\b")) return true;
        var depth = 0;
        var statement = new StringBuilder();
        foreach (var c in code)
        {
            if (depth == 0)
            {
                if (c == ';')
                {
                    if (IsVariable(statement.ToString(), initialised: false)) return true;
                    statement.Clear();
                }
                else if (c == '{')
                {
                    if (IsVariable(statement.ToString(), initialised: true)) return true;
                    statement.Clear();
                    depth++;
                }
                else statement.Append(c);
            }
            else if (c == '{') depth++;
            else if (c == '}' && --depth == 0) statement.Clear();
        }
        return false;
    }

    private static bool IsVariable(string statement, bool initialised)
    {
        var text = Regex.Replace(statement, @"\s+", " ").Trim();
        if (text.Length == 0) return false;
        var first = Regex.Match(text, @"^[A-Za-z_]\w*").Value;
        if (DeclarationWords.Contains(first)) return false;
        if (initialised) return text.EndsWith('=');
        return !text.Contains('(');
    }
}
