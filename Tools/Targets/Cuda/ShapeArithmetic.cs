using System.Globalization;

namespace HwForge.Tools.Targets.Cuda;

/// <summary>
/// Evaluates one dimension of a shape ("M", "N + 1", "(K + 31) / 32") at a size, with C's integer arithmetic, so
/// the element counts checked here are the ones the generated harness allocates. The same arithmetic reads a
/// problem's flops and bytes (<paramref name="what"/> names the key in the messages).
/// </summary>
internal sealed class ShapeArithmetic(string text, IReadOnlyDictionary<string, long> size, string what = "shape")
{
    private int _at;

    public long Parse()
    {
        var value = Sum();
        Skip();
        if (_at != text.Length) throw new FormatException($"{what} {text}: unexpected '{text[_at]}'");
        return value;
    }

    private long Sum()
    {
        var value = Product();
        for (Skip(); _at < text.Length && text[_at] is '+' or '-'; Skip())
            value = text[_at++] == '+' ? value + Product() : value - Product();
        return value;
    }

    private long Product()
    {
        var value = Atom();
        for (Skip(); _at < text.Length && text[_at] is '*' or '/'; Skip())
        {
            var op = text[_at++];
            var right = Atom();
            if (op == '/' && right == 0) throw new FormatException($"{what} {text} divides by zero");
            value = op == '*' ? value * right : value / right;
        }
        return value;
    }

    private long Atom()
    {
        Skip();
        if (_at >= text.Length) throw new FormatException($"{what} {text} ends too soon");
        if (text[_at] == '(')
        {
            _at++;
            var value = Sum();
            Skip();
            if (_at >= text.Length || text[_at] != ')') throw new FormatException($"{what} {text}: a ( is not closed");
            _at++;
            return value;
        }
        var start = _at;
        while (_at < text.Length && (char.IsLetterOrDigit(text[_at]) || text[_at] == '_')) _at++;
        var word = text[start.._at];
        if (word.Length == 0) throw new FormatException($"{what} {text}: unexpected '{text[_at]}'");
        if (char.IsDigit(word[0])) return long.Parse(word, CultureInfo.InvariantCulture);
        return size.TryGetValue(word, out var v) ? v : throw new FormatException($"{what} {text} names {word}, which is not a size argument");
    }

    private void Skip()
    {
        while (_at < text.Length && char.IsWhiteSpace(text[_at])) _at++;
    }
}
