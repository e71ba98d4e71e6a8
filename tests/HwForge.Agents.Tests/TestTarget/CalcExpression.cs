namespace HwForge.Agents.Tests.TestTarget;

/// <summary>A tiny integer expression over x: numbers, x, + - *, parentheses; parsed by recursive descent.</summary>
internal sealed class CalcExpression
{
    private readonly Func<long, long> _evaluate;

    private CalcExpression(Func<long, long> evaluate) => _evaluate = evaluate;

    public long Evaluate(long x) => _evaluate(x);

    public static bool TryParse(string text, out CalcExpression expression, out string problem)
    {
        var parser = new Parser(text.Trim());
        try
        {
            var node = parser.Sum();
            if (!parser.AtEnd) throw new FormatException($"unexpected '{parser.Rest}'");
            (expression, problem) = (new CalcExpression(node), "");
            return true;
        }
        catch (FormatException e)
        {
            (expression, problem) = (new CalcExpression(_ => 0), e.Message);
            return false;
        }
    }

    private sealed class Parser(string text)
    {
        private int _at;

        public bool AtEnd { get { Skip(); return _at >= text.Length; } }

        public string Rest => text[_at..];

        public Func<long, long> Sum()
        {
            var left = Product();
            while (true)
            {
                var l = left;
                if (Take('+')) { var right = Product(); left = x => l(x) + right(x); }
                else if (Take('-')) { var right = Product(); left = x => l(x) - right(x); }
                else return left;
            }
        }

        private Func<long, long> Product()
        {
            var left = Atom();
            while (Take('*'))
            {
                var (l, right) = (left, Atom());
                left = x => l(x) * right(x);
            }
            return left;
        }

        private Func<long, long> Atom()
        {
            Skip();
            if (Take('(')) { var inner = Sum(); if (!Take(')')) throw new FormatException("missing ')'"); return inner; }
            if (Take('x')) return x => x;
            var start = _at;
            while (_at < text.Length && char.IsAsciiDigit(text[_at])) _at++;
            if (start == _at) throw new FormatException(_at < text.Length ? $"unexpected '{text[_at]}'" : "the expression ends early");
            var value = long.Parse(text[start.._at], System.Globalization.CultureInfo.InvariantCulture);
            return _ => value;
        }

        private bool Peek(char c) { Skip(); return _at < text.Length && text[_at] == c; }

        private bool Take(char c)
        {
            if (!Peek(c)) return false;
            _at++;
            return true;
        }

        private void Skip() { while (_at < text.Length && char.IsWhiteSpace(text[_at])) _at++; }
    }
}
