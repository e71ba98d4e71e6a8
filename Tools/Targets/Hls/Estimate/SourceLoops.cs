using System.Globalization;
using System.Text.RegularExpressions;

namespace HwForge.Tools.Targets.Hls.Estimate;

/// <summary>One <c>#pragma HLS</c> line: its directive (PIPELINE, UNROLL…), its options by name, where it stands.</summary>
internal sealed record HlsPragma(string Directive, IReadOnlyDictionary<string, string> Options, int Offset, int Line)
{
    public string? Option(string name) => Options.TryGetValue(name, out var v) ? v : null;

    public int? IntOption(string name) => int.TryParse(Option(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
}

/// <summary>A <c>for</c> loop of a kernel: its trip count when the bounds are constant, its body, its pragmas and loops.</summary>
internal sealed record SourceLoop(string Label, int? Trips, int BodyStart, int BodyEnd, int Line)
{
    public List<SourceLoop> Inner { get; } = [];

    public List<HlsPragma> Pragmas { get; } = [];
}

/// <summary>
/// Reads the structure an estimate needs from HLS C++ source: the top function's body, its <c>for</c> loops with
/// constant trip counts (integer literals, <c>const int</c> and <c>#define</c> constants), and the pragmas in each
/// scope. Text, not a compiler: bounds it cannot evaluate are left unknown and said so.
/// </summary>
internal static partial class SourceLoops
{
    /// <summary>The top's body (offsets into <paramref name="source"/>), or null when the top is not defined there.</summary>
    public static (int Start, int End)? Body(string source, string top)
    {
        var code = CppText.Strip(source);
        foreach (Match m in Regex.Matches(code, $@"(?<![\w:.>]){Regex.Escape(top)}\s*\("))
        {
            if (CppText.Depth(code, m.Index) != 0) continue;
            var close = CppText.Matching(code, m.Index + m.Length - 1);
            if (close < 0) continue;
            var open = close + 1;
            while (open < code.Length && char.IsWhiteSpace(code[open])) open++;
            if (open >= code.Length || code[open] != '{') continue;
            var end = MatchingBrace(code, open);
            if (end > open) return (open + 1, end);
        }
        return null;
    }

    public static IReadOnlyList<HlsPragma> Pragmas(string source, int start, int end)
    {
        var found = new List<HlsPragma>();
        foreach (Match m in PragmaLine().Matches(source))
        {
            if (m.Index < start || m.Index >= end) continue;
            var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (Match o in PragmaOption().Matches(m.Groups["rest"].Value))
                options[o.Groups["name"].Value] = o.Groups["value"].Success ? o.Groups["value"].Value : "";
            found.Add(new HlsPragma(m.Groups["directive"].Value.ToUpperInvariant(), options, m.Index, LineOf(source, m.Index)));
        }
        return found;
    }

    /// <summary>The loops between <paramref name="start"/> and <paramref name="end"/>, nested, each with the pragmas directly in it.</summary>
    public static List<SourceLoop> Loops(string source, int start, int end)
    {
        var code = CppText.Strip(source);
        var constants = Constants(source);
        var all = new List<SourceLoop>();
        foreach (Match m in ForHead().Matches(code))
        {
            if (m.Index < start || m.Index >= end) continue;
            var open = m.Index + m.Length - 1;
            var close = CppText.Matching(code, open);
            if (close < 0) continue;
            var bodyStart = close + 1;
            while (bodyStart < code.Length && char.IsWhiteSpace(code[bodyStart])) bodyStart++;
            var bodyEnd = bodyStart < code.Length && code[bodyStart] == '{' ? MatchingBrace(code, bodyStart) : code.IndexOf(';', bodyStart);
            if (bodyEnd < 0) continue;
            var label = LabelBefore(code, m.Index);
            all.Add(new SourceLoop(label, Trips(code[(open + 1)..close], constants), bodyStart, bodyEnd, LineOf(source, m.Index)));
        }
        var pragmas = Pragmas(source, start, end);
        var roots = new List<SourceLoop>();
        foreach (var loop in all)
        {
            var parent = all.Where(p => p != loop && p.BodyStart <= loop.BodyStart && loop.BodyEnd <= p.BodyEnd).MinBy(p => p.BodyEnd - p.BodyStart);
            (parent?.Inner ?? roots).Add(loop);
        }
        foreach (var pragma in pragmas)
            all.Where(l => l.BodyStart <= pragma.Offset && pragma.Offset <= l.BodyEnd).MinBy(l => l.BodyEnd - l.BodyStart)?.Pragmas.Add(pragma);
        return roots;
    }

    /// <summary>The pragmas of the function's own scope (outside every loop).</summary>
    public static IReadOnlyList<HlsPragma> FunctionPragmas(string source, int start, int end, IReadOnlyList<SourceLoop> loops) =>
        [.. Pragmas(source, start, end).Where(p => !loops.Any(l => l.BodyStart <= p.Offset && p.Offset <= l.BodyEnd))];

    /// <summary>Binary operators in a span, loops inside it excluded: multiplications, and additions or subtractions.</summary>
    public static (int Multiplies, int Adds) Operations(string source, int start, int end, IReadOnlyList<SourceLoop> inner)
    {
        var code = CppText.Strip(source);
        var text = new char[end - start];
        for (var i = start; i < end; i++)
            text[i - start] = inner.Any(l => l.BodyStart <= i && i <= l.BodyEnd) ? ' ' : code[i];
        var span = new string(text);
        // Loop headers and array indices count nothing: "i++", "i < N" and "x[i - 1]" are control and addressing,
        // constants once loops are unrolled, not datapath.
        span = ForHeaderText().Replace(span, m => new string(' ', m.Length));
        span = Index().Replace(span, m => new string(' ', m.Length));
        var multiplies = Multiply().Matches(span).Count;
        var adds = Add().Matches(span).Count;
        return (multiplies, adds);
    }

    private static Dictionary<string, int> Constants(string source)
    {
        var constants = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match m in ConstantDefinition().Matches(source))
            if (int.TryParse(m.Groups["value"].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) constants[m.Groups["name"].Value] = v;
        return constants;
    }

    // "int i = 0; i < N; i++", "int i = N - 1; i >= 0; i--", "i = 0; i <= 7; i += 2".
    private static int? Trips(string header, IReadOnlyDictionary<string, int> constants)
    {
        var parts = header.Split(';');
        if (parts.Length != 3) return null;
        var init = Regex.Match(parts[0], @"(?<var>[A-Za-z_]\w*)\s*=\s*(?<value>[^;]+)$");
        var test = Regex.Match(parts[1], @"^\s*(?<var>[A-Za-z_]\w*)\s*(?<op><=|>=|<|>|!=)\s*(?<value>.+?)\s*$");
        if (!init.Success || !test.Success || init.Groups["var"].Value != test.Groups["var"].Value) return null;
        var from = Evaluate(init.Groups["value"].Value, constants);
        var to = Evaluate(test.Groups["value"].Value, constants);
        var step = StepOf(parts[2], init.Groups["var"].Value, constants);
        if (from is null || to is null || step is null or 0) return null;
        var (a, b, s, op) = (from.Value, to.Value, step.Value, test.Groups["op"].Value);
        long count = op switch
        {
            "<" when s > 0 => (b - a + s - 1) / s,
            "<=" when s > 0 => (b - a) / s + 1,
            "!=" when s > 0 => (b - a + s - 1) / s,
            ">" when s < 0 => (a - b + (-s) - 1) / (-s),
            ">=" when s < 0 => (a - b) / (-s) + 1,
            "!=" when s < 0 => (a - b + (-s) - 1) / (-s),
            _ => -1,
        };
        return count is >= 0 and <= 1_000_000 ? (int)count : null;
    }

    private static int? StepOf(string text, string variable, IReadOnlyDictionary<string, int> constants)
    {
        var t = Regex.Replace(text, @"\s+", "");
        if (t == variable + "++" || t == "++" + variable) return 1;
        if (t == variable + "--" || t == "--" + variable) return -1;
        var m = Regex.Match(t, $@"^{Regex.Escape(variable)}(?<op>[+-])=(?<value>.+)$");
        if (m.Success && Evaluate(m.Groups["value"].Value, constants) is { } v) return m.Groups["op"].Value == "+" ? v : -v;
        return null;
    }

    /// <summary>An integer expression of literals, known constants, + - * / and parentheses; null otherwise.</summary>
    private static int? Evaluate(string expression, IReadOnlyDictionary<string, int> constants)
    {
        var text = Regex.Replace(expression, @"[A-Za-z_]\w*", m => constants.TryGetValue(m.Value, out var v) ? v.ToString(CultureInfo.InvariantCulture) : "?");
        text = Regex.Replace(text, @"\s+", "");
        if (text.Contains('?') || text.Length == 0 || !Regex.IsMatch(text, @"^[0-9+\-*/()]+$")) return null;
        try
        {
            var value = new System.Data.DataTable().Compute(text, null);
            return Convert.ToInt32(Math.Truncate(Convert.ToDouble(value, CultureInfo.InvariantCulture)));
        }
        catch (Exception e) when (e is System.Data.EvaluateException or System.Data.SyntaxErrorException or OverflowException or FormatException)
        {
            return null;
        }
    }

    private static string LabelBefore(string code, int at)
    {
        var m = Regex.Match(code[..at], @"(?<label>[A-Za-z_]\w*)\s*:\s*$");
        return m.Success ? m.Groups["label"].Value : "";
    }

    private static int MatchingBrace(string code, int open)
    {
        var depth = 0;
        for (var i = open; i < code.Length; i++)
        {
            if (code[i] == '{') depth++;
            else if (code[i] == '}' && --depth == 0) return i;
        }
        return -1;
    }

    private static int LineOf(string text, int offset) => 1 + text.AsSpan(0, Math.Min(offset, text.Length)).Count('\n');

    [GeneratedRegex(@"^[ \t]*#[ \t]*pragma[ \t]+HLS[ \t]+(?<directive>\w+)(?<rest>[^\n]*)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex PragmaLine();

    [GeneratedRegex(@"(?<name>[A-Za-z_]\w*)(\s*=\s*(?<value>[^\s]+))?")]
    private static partial Regex PragmaOption();

    [GeneratedRegex(@"\bfor\s*\(")]
    private static partial Regex ForHead();

    [GeneratedRegex(@"\[[^\[\]]*\]")]
    private static partial Regex Index();

    [GeneratedRegex(@"\bfor\s*\([^)]*\)")]
    private static partial Regex ForHeaderText();

    [GeneratedRegex(@"(?<=[\w\)\]]\s*)\*(?!=)|\*=")]
    private static partial Regex Multiply();

    [GeneratedRegex(@"(?<=[\w\)\]]\s*)[+\-](?![+\-=>])|[+\-]=")]
    private static partial Regex Add();

    [GeneratedRegex(@"(?:#\s*define\s+(?<name>[A-Za-z_]\w*)\s+\(?(?<value>-?\d+)\)?\s*$|\bconst(?:expr)?\s+(?:unsigned\s+|signed\s+)?(?:int|long|short|unsigned)\s+(?<name>[A-Za-z_]\w*)\s*=\s*(?<value>-?\d+)\s*;)", RegexOptions.Multiline)]
    private static partial Regex ConstantDefinition();
}
