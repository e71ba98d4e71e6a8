using System.Diagnostics;

namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>
/// Proves that a weighted sum of signals of a combinational graph is zero for every input, modulo 2^n, by
/// backward rewriting (computer algebra, as in Ritirc, Biere and Kauers' multiplier verification): the sum is a
/// polynomial over the graph's signals, every AND gate is replaced by the product of its operands (a negated
/// operand x by 1 − x), from the outputs back to the inputs, and what remains is a polynomial over the inputs.
/// </summary>
/// <remarks>
/// Multilinear polynomials (x·x = x) with coefficients in Z/2^n represent functions from bits to Z/2^n one to
/// one, so the rewritten polynomial is zero exactly when the sum is zero on every input pattern: a complete
/// proof, without SAT and without enumeration, whatever the number of inputs. What makes it cheap is the choice
/// of words: the bits of a product, weighted 2^k, rewrite to the few hundred monomials of a·b, while one bit
/// alone is a huge polynomial. Two words compared bit by bit (weights 2^k on one side, −2^k on the other, for
/// distinct k below n) are equal as a whole exactly when every bit is: the lowest differing bit would leave
/// 2^k times an odd number, which is not 0 modulo 2^n. The answer is null when the polynomial outgrows its
/// budget, as it can for structures with no arithmetic meaning: then nothing is claimed.
/// </remarks>
internal static class WordRewriting
{
    /// <summary>Monomials held at once, at most, before the attempt is given up.</summary>
    public const int MaxMonomials = 200_000;

    /// <summary>A signal (literal) of the graph and its weight, an integer modulo 2^bits.</summary>
    public readonly record struct Term(int Literal, ulong Weight);

    /// <summary>
    /// <see cref="Zero"/> true: Σ weight × signal is 0 modulo 2^bits on every input; false: a nonzero polynomial remains, and
    /// <see cref="Witness"/> holds inputs (variables) that, set to 1 with all others 0, make the sum nonzero; null: not shown.
    /// </summary>
    public sealed record Outcome(bool? Zero, IReadOnlyList<int>? Witness = null);

    public static Outcome IsZero(AigGraph graph, IReadOnlyList<Term> terms, int bits, TimeSpan limit, CancellationToken cancellation = default)
    {
        if (bits is < 1 or > 64) throw new ArgumentOutOfRangeException(nameof(bits));
        var clock = Stopwatch.StartNew();
        // The order decides whether the polynomial stays small (see DepthFirst); which operand to follow first
        // depends on how the netlist was written, so both are tried, each within the monomial budget.
        foreach (var lowerFirst in new[] { true, false })
        {
            var outcome = Rewrite(DepthFirst(graph, terms, lowerFirst), terms, bits, limit - clock.Elapsed, cancellation);
            if (outcome.Zero is not null || clock.Elapsed > limit) return outcome;
        }
        return new(null);
    }

    private static Outcome Rewrite((AigGraph Graph, Func<int, int> Rename) ordered, IReadOnlyList<Term> terms, int bits, TimeSpan limit, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var (graph, rename) = ordered;
        var polynomial = new Polynomial(bits == 64 ? ulong.MaxValue : (1UL << bits) - 1);
        foreach (var term in terms) polynomial.AddLiteral(Monomial.One, rename(term.Literal), term.Weight);

        var firstAnd = 1 + graph.InputCount + graph.LatchCount;
        for (var v = firstAnd + graph.AndCount - 1; v >= firstAnd; v--)
        {
            if (!polynomial.TakeWithHighest(v, out var monomials)) continue;
            var replacement = Replacement(graph, v - firstAnd);
            foreach (var (monomial, coefficient) in monomials)
            {
                // m·v = m·(v's polynomial over its operands).
                var rest = monomial.WithoutHighest();
                foreach (var (part, factor) in replacement)
                    polynomial.Add(rest.Times(part), coefficient * factor);
            }
            if (polynomial.Count > MaxMonomials) return new(null);
            if ((v & 63) == 0)
            {
                if (clock.Elapsed > limit) return new(null);
                cancellation.ThrowIfCancellationRequested();
            }
        }
        // A monomial of least degree, its variables 1 and the rest 0, leaves only its own coefficient: nonzero.
        return polynomial.Count == 0 ? new(true) : new(false, polynomial.LeastDegree());
    }

    /// <summary>
    /// The graph with its gates renumbered in depth-first post-order from the terms, lowest bit first, so that
    /// rewriting (which goes from the highest number down) takes the gates one output column at a time, top
    /// column first. A full adder's sum then meets its carry, already rewritten one column up, while both are
    /// still over the same few signals, and 2^(k+1)·carry + 2^k·sum collapses to 2^k(a + b + c) at once. Rewriting
    /// level by level instead replaces a ripple's carries long before the exclusive-ors beside them, and every
    /// product of a propagate bit with a carry multiplies down the chain: a 4-bit adder already needs 220 monomials.
    /// Gates outside every term's cone are left out.
    /// </summary>
    private static (AigGraph Graph, Func<int, int> Rename) DepthFirst(AigGraph graph, IReadOnlyList<Term> terms, bool lowerFirst)
    {
        var firstAnd = 1 + graph.InputCount + graph.LatchCount;
        var id = new int[firstAnd + graph.AndCount];
        Array.Fill(id, -1);
        for (var v = 0; v < firstAnd; v++) id[v] = v;
        var order = new List<int>(graph.AndCount);
        var stack = new Stack<(int Gate, bool Expanded)>();
        foreach (var term in terms) Visit(term.Literal >> 1);
        for (var position = 0; position < order.Count; position++) id[firstAnd + order[position]] = firstAnd + position;
        int Rename(int literal) => id[literal >> 1] * 2 + (literal & 1);
        var (left, right) = (new int[graph.AndCount], new int[graph.AndCount]);
        for (var position = 0; position < order.Count; position++)
        {
            var (a, b) = (Rename(graph.AndLeft[order[position]]), Rename(graph.AndRight[order[position]]));
            (left[position], right[position]) = a >= b ? (a, b) : (b, a);
        }
        return (new AigGraph(graph.InputCount, graph.LatchNext, left, right, []), Rename);

        // Iterative: a 32-bit ripple is thousands of gates deep. id marks a gate as seen (0) before it is numbered.
        void Visit(int root)
        {
            if (root < firstAnd || id[root] >= 0) return;
            stack.Push((root, false));
            while (stack.TryPop(out var entry))
            {
                var k = entry.Gate - firstAnd;
                if (entry.Expanded) { order.Add(k); continue; }
                if (id[entry.Gate] >= 0) continue;
                id[entry.Gate] = 0;
                stack.Push((entry.Gate, true));
                var (low, high) = graph.AndLeft[k] >> 1 <= graph.AndRight[k] >> 1
                    ? (graph.AndLeft[k] >> 1, graph.AndRight[k] >> 1)
                    : (graph.AndRight[k] >> 1, graph.AndLeft[k] >> 1);
                // Pushed last is visited first.
                foreach (var child in lowerFirst ? new[] { high, low } : [low, high])
                    if (child >= firstAnd && id[child] < 0) stack.Push((child, false));
            }
        }
    }

    /// <summary>
    /// Gate k's polynomial over its operands: left·right, or for the three gates of an exclusive or,
    /// ¬(p∧q) ∧ ¬(¬p∧¬q) = p ⊕ q, the polynomial p + q − 2pq over p and q directly. Rewriting the two inner gates
    /// one by one would leave a product of both in every monomial of the sum until both were replaced, which is
    /// what makes a multiplier's adder tree blow up.
    /// </summary>
    private static List<(Monomial Part, ulong Factor)> Replacement(AigGraph graph, int k)
    {
        var (left, right) = (graph.AndLeft[k], graph.AndRight[k]);
        var firstAnd = 1 + graph.InputCount + graph.LatchCount;
        var terms = new List<(Monomial, ulong)>();
        if ((left & 1) == 1 && (right & 1) == 1 && left >> 1 >= firstAnd && right >> 1 >= firstAnd)
        {
            var (x, y) = ((left >> 1) - firstAnd, (right >> 1) - firstAnd);
            var (p, q) = (graph.AndLeft[x], graph.AndRight[x]);
            var (r, t) = (graph.AndLeft[y], graph.AndRight[y]);
            if ((r == (p ^ 1) && t == (q ^ 1)) || (r == (q ^ 1) && t == (p ^ 1)))
            {
                foreach (var (part, sign) in Expand(p)) terms.Add((part, sign));
                foreach (var (part, sign) in Expand(q)) terms.Add((part, sign));
                foreach (var (pPart, pSign) in Expand(p))
                    foreach (var (qPart, qSign) in Expand(q))
                        terms.Add((pPart.Times(qPart), 0UL - 2 * pSign * qSign));
                return terms;
            }
        }
        foreach (var (leftPart, leftSign) in Expand(left))
            foreach (var (rightPart, rightSign) in Expand(right))
                terms.Add((leftPart.Times(rightPart), leftSign * rightSign));
        return terms;
    }

    /// <summary>A literal as a polynomial: x is (+1)·x; ¬x is (+1)·1 + (−1)·x; constants fold.</summary>
    private static IEnumerable<(Monomial Part, ulong Sign)> Expand(int literal)
    {
        var variable = literal >> 1;
        var negated = (literal & 1) == 1;
        if (variable == 0)
        {
            if (negated) yield return (Monomial.One, 1);
            yield break;
        }
        if (negated)
        {
            yield return (Monomial.One, 1);
            yield return (Monomial.Of(variable), ulong.MaxValue);
        }
        else yield return (Monomial.Of(variable), 1);
    }

    /// <summary>A product of distinct variables, highest first; the empty product is 1.</summary>
    private sealed class Monomial : IEquatable<Monomial>
    {
        public static readonly Monomial One = new([]);

        private readonly int[] _variables;
        private readonly int _hash;

        private Monomial(int[] variables)
        {
            _variables = variables;
            var hash = new HashCode();
            foreach (var v in variables) hash.Add(v);
            _hash = hash.ToHashCode();
        }

        public static Monomial Of(int variable) => new([variable]);

        /// <summary>The highest variable (0 for the constant 1, which no gate is).</summary>
        public int Highest => _variables.Length == 0 ? 0 : _variables[0];

        public IReadOnlyList<int> Variables => _variables;

        public Monomial WithoutHighest() => _variables.Length <= 1 ? One : new(_variables[1..]);

        /// <summary>The product, with x·x = x.</summary>
        public Monomial Times(Monomial other)
        {
            if (other._variables.Length == 0) return this;
            if (_variables.Length == 0) return other;
            var (a, b) = (_variables, other._variables);
            var merged = new int[a.Length + b.Length];
            int i = 0, j = 0, n = 0;
            while (i < a.Length && j < b.Length)
            {
                if (a[i] == b[j]) { merged[n++] = a[i++]; j++; }
                else merged[n++] = a[i] > b[j] ? a[i++] : b[j++];
            }
            while (i < a.Length) merged[n++] = a[i++];
            while (j < b.Length) merged[n++] = b[j++];
            return new(n == merged.Length ? merged : merged[..n]);
        }

        public bool Equals(Monomial? other) => other is not null && _hash == other._hash && _variables.AsSpan().SequenceEqual(other._variables);

        public override bool Equals(object? obj) => obj is Monomial m && Equals(m);

        public override int GetHashCode() => _hash;
    }

    /// <summary>Monomials with nonzero coefficients, and for each variable the monomials it is the highest of.</summary>
    private sealed class Polynomial(ulong mask)
    {
        private readonly Dictionary<Monomial, ulong> _terms = [];
        private readonly Dictionary<int, HashSet<Monomial>> _byHighest = [];

        public int Count => _terms.Count;

        public void AddLiteral(Monomial factor, int literal, ulong weight)
        {
            foreach (var (part, sign) in Expand(literal)) Add(factor.Times(part), weight * sign);
        }

        public void Add(Monomial monomial, ulong coefficient)
        {
            coefficient &= mask;
            if (coefficient == 0) return;
            var sum = (_terms.GetValueOrDefault(monomial) + coefficient) & mask;
            if (sum == 0)
            {
                _terms.Remove(monomial);
                _byHighest[monomial.Highest].Remove(monomial);
                return;
            }
            if (_terms.TryAdd(monomial, sum))
            {
                if (!_byHighest.TryGetValue(monomial.Highest, out var set)) _byHighest[monomial.Highest] = set = [];
                set.Add(monomial);
            }
            else _terms[monomial] = sum;
        }

        public IReadOnlyList<int> LeastDegree() => _terms.Keys.MinBy(m => m.Variables.Count)!.Variables;

        /// <summary>Removes and returns the monomials whose highest variable is <paramref name="variable"/>.</summary>
        public bool TakeWithHighest(int variable, out List<(Monomial, ulong)> monomials)
        {
            monomials = [];
            if (!_byHighest.Remove(variable, out var set) || set.Count == 0) return false;
            foreach (var m in set)
            {
                monomials.Add((m, _terms[m]));
                _terms.Remove(m);
            }
            return true;
        }
    }
}
