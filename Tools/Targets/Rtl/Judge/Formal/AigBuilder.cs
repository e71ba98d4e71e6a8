namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>
/// Builds an and-inverter graph with structural hashing and constant folding, and hands it over as an
/// <see cref="AigGraph"/> whose latches all start at zero (so every model checker reads it the same way).
/// Literals are 2 × node + negation; node 0 is the constant false.
/// </summary>
internal sealed class AigBuilder
{
    public const int False = 0;
    public const int True = 1;

    private enum Kind { Constant, Input, Latch, And }

    private readonly List<(Kind Kind, int A, int B)> _nodes = [(Kind.Constant, 0, 0)];
    private readonly Dictionary<(int, int), int> _ands = [];
    private readonly List<int> _inputs = [];
    private readonly List<int> _latches = [];
    private readonly Dictionary<int, int> _next = [];
    private readonly List<int> _outputs = [];

    public int InputCount => _inputs.Count;

    public int LatchCount => _latches.Count;

    public int AndCount => _ands.Count;

    public static int Not(int literal) => literal ^ 1;

    /// <summary>A new primary input; its position is its index in a counterexample's frames.</summary>
    public int Input()
    {
        _nodes.Add((Kind.Input, 0, 0));
        _inputs.Add(_nodes.Count - 1);
        return (_nodes.Count - 1) * 2;
    }

    /// <summary>A new latch that starts at zero; give it its next state with <see cref="SetNext"/>.</summary>
    public int ZeroLatch()
    {
        _nodes.Add((Kind.Latch, 0, 0));
        _latches.Add(_nodes.Count - 1);
        return (_nodes.Count - 1) * 2;
    }

    public void SetNext(int latch, int next) => _next[latch >> 1] = next;

    /// <summary>A latch with the given start value (free: a fresh input decides it in the first frame), as a literal to read.</summary>
    public (int Value, Action<int> SetNext) Latch(bool? init, int started)
    {
        switch (init)
        {
            case false:
                var zero = ZeroLatch();
                return (zero, next => SetNext(zero, next));
            case true:
                // Stored inverted, so it can start at zero.
                var one = ZeroLatch();
                return (Not(one), next => SetNext(one, Not(next)));
            default:
                var held = ZeroLatch();
                var value = Ite(started, held, Input());
                return (value, next => SetNext(held, next));
        }
    }

    public int And(int a, int b)
    {
        if (a == False || b == False || a == Not(b)) return False;
        if (a == True) return b;
        if (b == True || a == b) return a;
        if (a < b) (a, b) = (b, a);
        if (_ands.TryGetValue((a, b), out var node)) return node * 2;
        _nodes.Add((Kind.And, a, b));
        _ands[(a, b)] = _nodes.Count - 1;
        return (_nodes.Count - 1) * 2;
    }

    public int Or(int a, int b) => Not(And(Not(a), Not(b)));

    public int Xor(int a, int b) => Or(And(a, Not(b)), And(Not(a), b));

    public int Ite(int condition, int then, int otherwise) => Or(And(condition, then), And(Not(condition), otherwise));

    public int OrAll(IEnumerable<int> literals) => literals.Aggregate(False, Or);

    public void Output(int literal) => _outputs.Add(literal);

    /// <summary>
    /// The graph in AIGER's numbering: inputs 1..I, latches I+1..I+L, AND gates after them in the order they
    /// were made (which is topological), each with its operands' literals.
    /// </summary>
    public AigGraph ToGraph()
    {
        var number = Numbering();
        var andNodes = new List<int>();
        for (var n = 1; n < _nodes.Count; n++)
            if (_nodes[n].Kind == Kind.And) andNodes.Add(n);
        int Map(int literal) => number[literal >> 1] * 2 + (literal & 1);
        var (left, right) = (new int[andNodes.Count], new int[andNodes.Count]);
        for (var k = 0; k < andNodes.Count; k++)
        {
            var (a, b) = (Map(_nodes[andNodes[k]].A), Map(_nodes[andNodes[k]].B));
            (left[k], right[k]) = a < b ? (b, a) : (a, b);
        }
        return new AigGraph(_inputs.Count, [.. _latches.Select(n => Map(_next.GetValueOrDefault(n, False)))], left, right, [.. _outputs.Select(Map)]);
    }

    /// <summary>A literal of this builder as it reads in <see cref="ToGraph"/>'s numbering (for signals other than the outputs).</summary>
    public Func<int, int> GraphLiterals()
    {
        var number = Numbering();
        return literal => number[literal >> 1] * 2 + (literal & 1);
    }

    private int[] Numbering()
    {
        var number = new int[_nodes.Count];
        var next = 1;
        foreach (var n in _inputs) number[n] = next++;
        foreach (var n in _latches) number[n] = next++;
        for (var n = 1; n < _nodes.Count; n++)
            if (_nodes[n].Kind == Kind.And) number[n] = next++;
        return number;
    }
}
