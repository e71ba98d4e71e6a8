using System.Text.RegularExpressions;

namespace HwForge.Tools.Targets.Hls;

/// <summary>
/// Splits C++ (HLS kernels, CUDA kernels, their references) at top-level definitions: each section ends where a
/// brace block opened at file level closes (a function body, a struct, a namespace) and carries the comments and
/// declarations above it, titled "function NAME (file)" or "struct NAME (file)". Braces inside comments, strings
/// and preprocessor lines are not counted: the highlighter's tokens say which text is code.
/// </summary>
internal sealed partial class CppSections : ISourceSections
{
    public static CppSections Instance { get; } = new();

    public IReadOnlyList<SourceSection> Split(string text, string fileName)
    {
        var code = CodeOnly(text);
        var sections = new List<SourceSection>();
        int start = 0, depth = 0;
        for (var i = 0; i < code.Length; i++)
        {
            if (code[i] == '{') depth++;
            else if (code[i] == '}' && depth > 0 && --depth == 0)
            {
                var end = i + 1;
                // "struct S { … };" and "int t[] = { … };" end at their semicolon.
                var next = end;
                while (next < code.Length && code[next] is ' ' or '\t') next++;
                if (next < code.Length && code[next] == ';') end = next + 1;
                sections.Add(new(Title(code[start..end], fileName), text[start..end]));
                i = end - 1;
                start = end;
            }
        }
        var rest = text[start..];
        if (rest.Trim().Length > 0) sections.Add(new(sections.Count == 0 ? fileName : $"{fileName} (after the last definition)", rest));
        return sections;
    }

    private static string Title(string code, string fileName)
    {
        var head = code[..Math.Max(0, code.IndexOf('{'))];
        if (TypeName().Match(head) is { Success: true } type) return $"{type.Groups[1].Value} {type.Groups[2].Value} ({fileName})";
        if (FunctionName().Match(head) is { Success: true } function && !NotAName.Contains(function.Groups[1].Value))
            return $"function {function.Groups[1].Value} ({fileName})";
        return fileName;
    }

    // The source with comments, strings and preprocessor lines blanked, character for character, so that indexes
    // into it are indexes into the source.
    private static string CodeOnly(string text)
    {
        var code = new System.Text.StringBuilder(text.Length);
        foreach (var token in CppHighlighter.Instance.Tokenize(text))
            if (token.Kind is CodeTokenKind.Comment or CodeTokenKind.String or CodeTokenKind.Directive)
                foreach (var c in token.Text) code.Append(c == '\n' ? '\n' : ' ');
            else code.Append(token.Text);
        return code.ToString();
    }

    private static readonly HashSet<string> NotAName = new(StringComparer.Ordinal) { "if", "for", "while", "switch", "return", "sizeof" };

    // A type defined at file level: "struct Acc {", "class Window : public Base {", "namespace hw {".
    [GeneratedRegex(@"\b(struct|class|union|enum|namespace)\s+([A-Za-z_][A-Za-z0-9_]*)[^;()]*$")]
    private static partial Regex TypeName();

    // The name before the parameter list: "ap_int<16> dot(", "__global__ void softmax(", "void Window::push(".
    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_:~]*)\s*\(")]
    private static partial Regex FunctionName();
}
