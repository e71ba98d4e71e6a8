using System.Diagnostics;
using System.Numerics;

namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>
/// Finds the signals of a sequential miter (registers and gates, of both sides) that are equal, or
/// complementary, in every reachable state, proves them by induction, and merges them. This is van Eijk's
/// signal correspondence, with every proof obligation settled by structural hashing or by enumeration of
/// its support (<see cref="ExhaustiveCheck"/>) instead of SAT, which cannot match two multiplier structures.
/// </summary>
/// <remarks>
/// Candidates come from simulating the miter from its start state. They are then held to induction: each must
/// hold in the first cycle (the base), and, assuming all of them hold in one cycle, each must hold in the next
/// (the step: the first cycle's signals are replaced by their class representatives, its registers are free).
/// A candidate either obligation cannot show (a difference, or a support too wide to enumerate) is dropped, and
/// the step is repeated until nothing is dropped: what remains is an inductive invariant, true in every reachable
/// state. Merging such signals leaves every run of the miter as it was, so the merged miter proves or refutes
/// exactly what the original would; its output is often constant false, which is the proof. This is what
/// closes a multiply-accumulate whose multiplier sits behind operand registers on one side and before a product
/// register on the other: the design's multiplier output equals the reference's first product register in every
/// reachable state, one cycle of enumeration shows it, and the accumulators then match gate for gate.
/// </remarks>
internal static class SignalCorrespondence
{
    /// <summary>Support bits of one obligation at most (as the sweep: 2^24 patterns).</summary>
    public const int MaxSupport = ExhaustiveSweep.MaxSupport;

    /// <summary>Cycles simulated for the plain pass's candidates.</summary>
    private const int SimulationCycles = 48;

    /// <summary>Cycles simulated for the refining pass's: enough for an accumulator with 8 guard bits to reach its top
    /// bit when fed the largest product every cycle (320 × 2^30 sets bit 38 and not bit 39).</summary>
    private const int LongSimulationCycles = 320;

    /// <param name="Completed">The induction reached its fixed point: <see cref="Graph"/> is the merged miter.</param>
    public sealed record Result(bool Completed, AigGraph Graph, int Merged, int Candidates, int Rounds, TimeSpan Elapsed);

    /// <param name="names">The register bits the latches stand for: a register's bits are proven together as one word
    /// (<see cref="WordRewriting"/>) when each alone reads too many bits to enumerate.</param>
    /// <param name="inputs">The port bit each input stands for, where known: ports also take corner values in simulation.</param>
    /// <param name="wires">The wire bits the gates stand for: a product's bits are proven together the same way, which a
    /// multiply-accumulate without a product register needs (each product bit reads 32 input bits).</param>
    public static Result Run(AigGraph graph, TimeSpan limit, CancellationToken cancellation = default, LatchNames? names = null,
        IReadOnlyList<(string Port, int Bit)?>? inputs = null, WireNames? wires = null)
    {
        wires ??= WireNames.None;
        var clock = Stopwatch.StartNew();
        // First the plain fixed point (a refuted candidate is dropped): few rounds, and what most pairs need. Only
        // when its merged miter does not close is it run again with refinement (refuted registers split into new
        // classes, refutations owed to a false assumption given another round), which takes more rounds; the
        // refined result is taken when it closes the miter or merges more.
        var plain = FixedPoint(graph, Candidates(graph, inputs ?? [], longRuns: false), names ?? LatchNames.None, wires, refine: false, limit, clock, cancellation);
        if (!plain.Completed || plain.Graph.Outputs[0] == AigBuilder.False || clock.Elapsed >= limit) return plain with { Elapsed = clock.Elapsed };
        var refined = FixedPoint(graph, Candidates(graph, inputs ?? [], longRuns: true), names ?? LatchNames.None, wires, refine: true, limit, clock, cancellation);
        var better = refined.Completed && (refined.Graph.Outputs[0] == AigBuilder.False || refined.Merged > plain.Merged);
        return (better ? refined : plain) with { Elapsed = clock.Elapsed };
    }

    private static Result FixedPoint(AigGraph graph, List<Candidate> candidates, LatchNames names, WireNames wires, bool refine, TimeSpan limit, Stopwatch clock,
        CancellationToken cancellation)
    {
        var initial = candidates.Count;
        var rounds = 0;

        // The base: every candidate holds in the first cycle, from the start state. Members split off a refuted
        // class form new candidates among themselves; only those need the base again (the others hold already).
        var unchecked_ = candidates;
        var based = new List<Candidate>();
        var deferredOnce = new HashSet<int>();
        bool isRegister(int v) => refine && v >= 1 + graph.InputCount && v < 1 + graph.InputCount + graph.LatchCount;
        while (unchecked_.Count > 0)
        {
            var (holding, refined, _) = Holding(Frames(graph, unchecked_, fromStart: true), unchecked_, RegisterWords(graph, unchecked_, names, wires), deferredOnce, isRegister, limit - clock.Elapsed, cancellation, out var baseCompleted);
            if (!baseCompleted) return new Result(false, graph, 0, initial, rounds, clock.Elapsed);
            based.AddRange(holding);
            unchecked_ = refined;
        }
        candidates = based;

        // The step, until nothing more is dropped or split. A split leaves candidates between members of one class,
        // each of which held in the base against the class's representative, so they hold in the base too.
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            rounds++;
            var (holding, refined, deferred) = Holding(Frames(graph, candidates, fromStart: false), candidates, RegisterWords(graph, candidates, names, wires), deferredOnce, isRegister, limit - clock.Elapsed, cancellation, out var completed);
            if (!completed) return new Result(false, graph, 0, initial, rounds, clock.Elapsed);
            if (holding.Count == candidates.Count) break;
            foreach (var c in deferred) deferredOnce.Add(c.Member);
            candidates = [.. holding, .. refined, .. deferred];
        }
        if (candidates.Count == 0) return new Result(true, graph, 0, initial, rounds, clock.Elapsed);
        var representative = Enumerable.Range(0, 1 + graph.InputCount + graph.LatchCount + graph.AndCount).Select(v => v * 2).ToArray();
        foreach (var c in candidates) representative[c.Member] = c.Representative * 2 ^ c.Polarity;
        return new Result(true, AigRebuild.Merged(graph, representative), candidates.Count, initial, rounds, clock.Elapsed);
    }

    /// <summary>A member said to equal its representative (an earlier variable), complemented when <see cref="Polarity"/> is 1.</summary>
    private readonly record struct Candidate(int Member, int Representative, int Polarity);

    /// <summary>
    /// One frame (the base: from the start state, nothing assumed) or two (the step: the first with free registers
    /// and every candidate assumed, the second as it is); for each candidate, the pair of literals to compare.
    /// </summary>
    private static (AigGraph Graph, List<(int Member, int Representative)> Pairs, List<int> Violations) Frames(AigGraph graph, List<Candidate> candidates, bool fromStart)
    {
        var violations = new List<int>();
        var aig = new AigBuilder();
        var firstLatch = 1 + graph.InputCount;
        var firstAnd = firstLatch + graph.LatchCount;
        var variables = firstAnd + graph.AndCount;
        var assumed = new (int Representative, int Polarity)?[variables];
        foreach (var c in candidates) assumed[c.Member] = (c.Representative, c.Polarity);

        int[] Frame(int[] latches, bool assume)
        {
            var literal = new int[variables];
            int Map(int l) => literal[l >> 1] ^ (l & 1);
            for (var v = 1; v < variables; v++)
            {
                literal[v] = v < firstLatch ? aig.Input()
                    : v < firstAnd ? latches[v - firstLatch]
                    : aig.And(Map(graph.AndLeft[v - firstAnd]), Map(graph.AndRight[v - firstAnd]));
                // Assumed: the member takes its representative's value (computed already: it is an earlier variable).
                if (assume && assumed[v] is { } a)
                {
                    var genuine = literal[v];
                    literal[v] = literal[a.Representative] ^ a.Polarity;
                    // A gate's own value may differ from the one assumed where the free registers hold an
                    // unreachable state: a pattern that refutes a candidate there may owe it to this assumption.
                    if (v >= firstAnd && genuine != literal[v]) violations.Add(aig.Xor(genuine, literal[v]));
                }
            }
            return literal;
        }

        int[] checkedFrame;
        if (fromStart)
            checkedFrame = Frame(new int[graph.LatchCount], assume: false);
        else
        {
            var first = Frame([.. Enumerable.Range(0, graph.LatchCount).Select(_ => aig.Input())], assume: true);
            checkedFrame = Frame([.. graph.LatchNext.Select(n => first[n >> 1] ^ (n & 1))], assume: false);
        }
        var pairs = candidates.Select(c => (checkedFrame[c.Member], checkedFrame[c.Representative] ^ c.Polarity)).ToList();
        var differences = pairs.Select(p => p.Item1 == p.Item2 ? AigBuilder.False : aig.Xor(p.Item1, p.Item2)).ToList();
        foreach (var d in differences) aig.Output(d);
        var inGraph = aig.GraphLiterals();
        return (aig.ToGraph(), [.. pairs.Select(p => (inGraph(p.Item1), inGraph(p.Item2)))], [.. violations.Select(inGraph)]);
    }

    /// <summary>
    /// The candidates whose pair is equal: the same literal, proven with its register's other bits as one word, or
    /// proven by enumeration; a wider support counts as not shown.
    /// </summary>
    private static (List<Candidate> Holding, List<Candidate> Refined, List<Candidate> Deferred) Holding(
        (AigGraph Graph, List<(int Member, int Representative)> Pairs, List<int> Violations) frames, List<Candidate> candidates,
        IReadOnlyList<Word> words, IReadOnlySet<int> deferredOnce, Func<int, bool> isRegister, TimeSpan limit, CancellationToken cancellation, out bool completed)
    {
        var clock = Stopwatch.StartNew();
        var holding = new List<Candidate>();
        completed = true;
        // Random patterns first: most candidates that do not hold are refuted by one of them, at no cost.
        var patterns = new Patterns(frames.Graph);
        var refuted = frames.Graph.Outputs.Select(patterns.Raises).ToArray();
        // A candidate refuted only where a gate's assumed value is not its own (an unreachable state of the free
        // registers) may owe it to a false assumption refuted in this round: it gets one more round.
        // (Only registers are refined or deferred: the plain pass, where none is, skips the work.)
        ulong[]? clean = null;
        var deferred = new List<Candidate>();
        var genuinelyRefuted = new bool[candidates.Count];
        for (var i = 0; i < candidates.Count; i++)
        {
            if (!refuted[i]) continue;
            if (!isRegister(candidates[i].Member) || deferredOnce.Contains(candidates[i].Member)) { genuinelyRefuted[i] = true; continue; }
            clean ??= patterns.Clean(frames.Violations);
            if (patterns.Raises(frames.Graph.Outputs[i], clean)) genuinelyRefuted[i] = true;
            else deferred.Add(candidates[i]);
        }
        var refined = Refined(frames.Pairs, candidates, genuinelyRefuted, patterns, isRegister);
        var shown = new bool[candidates.Count];
        var untried = new bool[candidates.Count];
        var enumerated = new bool[candidates.Count];
        var counterexamples = new List<int[]>();
        foreach (var word in words)
        {
            if (clock.Elapsed > limit) { completed = false; return (holding, [], []); }
            // A word with a refuted bit cannot be equal; one whose bits are all the same literal needs nothing.
            if (word.Bits.Any(b => refuted[b.Candidate]))
            {
                // Its other bits were not tried as a word: each alone is usually too wide, so they wait for the
                // next round with the refuted bits gone or split off, rather than being dropped for good.
                foreach (var b in word.Bits) untried[b.Candidate] = true;
                continue;
            }
            if (word.Bits.All(b => frames.Pairs[b.Candidate].Member == frames.Pairs[b.Candidate].Representative)) continue;
            // Bits a register's word showed already need no wire's word.
            if (word.OfWire && word.Bits.All(b => shown[b.Candidate])) continue;
            var terms = new List<WordRewriting.Term>();
            foreach (var (i, weight, registerIsMember) in word.Bits)
            {
                // Both signals in the register's own polarity: a product bit that is the complement of a gate
                // (an exclusive or's last AND) enters as the bit, so the word stays the product's polynomial.
                var flip = registerIsMember ? 0 : candidates[i].Polarity;
                terms.Add(new(frames.Pairs[i].Member ^ flip, weight));
                terms.Add(new(frames.Pairs[i].Representative ^ flip, 0UL - weight));
            }
            // A wire's word (a product no register holds) gets a small share: most wire words are partial sums
            // that do not rewrite, and each would otherwise take half of what is left.
            var share = (limit - clock.Elapsed) / (word.OfWire ? WireWordShare : 2);
            if (WordRewriting.IsZero(frames.Graph, terms, word.Width, share, cancellation).Zero is true)
                foreach (var (i, _, _) in word.Bits) shown[i] = true;
        }
        for (var i = 0; i < candidates.Count; i++)
        {
            var (member, representative) = frames.Pairs[i];
            if (member == representative || shown[i]) { holding.Add(candidates[i]); continue; }
            if (refuted[i]) continue;
            if (clock.Elapsed > limit) { completed = false; return (holding, [], []); }
            switch (Equal(frames.Graph, frames.Graph.Outputs[i], limit - clock.Elapsed, cancellation, out var counterexample))
            {
                case true: holding.Add(candidates[i]); break;
                case false when counterexample is not null && isRegister(candidates[i].Member):
                    enumerated[i] = true;
                    if (counterexamples.Count < MaxCounterexamples) counterexamples.Add(counterexample);
                    break;
                case null when untried[i] && isRegister(candidates[i].Member) && !deferredOnce.Contains(candidates[i].Member): deferred.Add(candidates[i]); break;
                case null when clock.Elapsed > limit: completed = false; return (holding, [], []);
            }
        }
        // Members an enumeration refuted are split the same way, on the patterns it found as well as the random ones:
        // a counter's top bits, all taken for the constant, differ only where every bit below them is set.
        if (counterexamples.Count > 0)
            refined.AddRange(Refined(frames.Pairs, candidates, enumerated, new Patterns(frames.Graph, counterexamples), isRegister));
        return (holding, refined, deferred);
    }

    /// <summary>Counterexamples of enumerations kept for one round's refinement, at most.</summary>
    private const int MaxCounterexamples = 256;

    /// <summary>
    /// Van Eijk's refinement: the members a pattern refuted are not equal to their representative, but may still be
    /// equal to each other (an accumulator's top bits all equal its sign in a short simulation; in the step each pairs
    /// with the same bit of the other side). They are split by their values under the refuting patterns, and each group
    /// becomes a class of its own, its earliest member the representative.
    /// </summary>
    private static List<Candidate> Refined(List<(int Member, int Representative)> pairs, List<Candidate> candidates, bool[] refuted, Patterns patterns,
        Func<int, bool> isRegister)
    {
        var refined = new List<Candidate>();
        // Registers only: they are what the words and the outputs need, and splitting every gate's class would
        // cost rounds the budget does not have (a gate that matters is usually settled once its registers are).
        var groups = Enumerable.Range(0, candidates.Count).Where(i => refuted[i] && isRegister(candidates[i].Member))
            // Each member in its representative's polarity: its value under the patterns names its new class.
            .GroupBy(i => (candidates[i].Representative, patterns.Signature(pairs[i].Member ^ candidates[i].Polarity)));
        foreach (var group in groups)
        {
            var members = group.OrderBy(i => candidates[i].Member).ToList();
            var head = candidates[members[0]];
            foreach (var i in members.Skip(1))
                refined.Add(new Candidate(candidates[i].Member, head.Member, candidates[i].Polarity ^ head.Polarity));
        }
        return refined;
    }

    /// <summary>Words tried for one register, at most: one for each signal its lowest bit equals, up to this many.</summary>
    private const int MaxWordsPerRegister = 4;

    /// <summary>
    /// Candidates that are bits of one register (by <see cref="LatchNames"/>) or, where neither signal is a register,
    /// of one named wire (<see cref="OfWire"/>, by <see cref="WireNames"/>), each weighted ±2^bit, modulo 2^<see cref="Width"/>.
    /// </summary>
    private sealed record Word(List<(int Candidate, ulong Weight, bool RegisterIsMember)> Bits, int Width, bool OfWire);

    /// <summary>A wire's word is tried with at most this fraction of the time left.</summary>
    private const int WireWordShare = 16;

    /// <summary>
    /// The candidates grouped into words by the register one of their two signals is a bit of (the member's name
    /// first), or else by the wire one of them carries: a product register's bits against the other side's product bits. Each word has each bit once; a
    /// register bit equal to several signals is in several words (see below).
    /// </summary>
    private static List<Word> RegisterWords(AigGraph graph, List<Candidate> candidates, LatchNames names, WireNames wires)
    {
        var firstLatch = 1 + graph.InputCount;
        LatchNames.Bit? Register(int v) =>
            v >= firstLatch && v < firstLatch + graph.LatchCount && names.Bits.TryGetValue(v - firstLatch, out var bit) ? bit : null;
        var byRegister = new Dictionary<(bool OfWire, bool MemberSide, string Name), Dictionary<int, List<(int Candidate, bool Inverted)>>>();
        for (var i = 0; i < candidates.Count; i++)
        {
            // A register's name comes before a wire's: a product register against the other side's multiplier is
            // one word by the register, where the multiplier's wire name would group the same bits by a name the
            // other candidates of that register do not share.
            var (member, representative) = (candidates[i].Member, candidates[i].Representative);
            var (ofWire, memberSide, bit) = Register(member) is { } m ? (false, true, m) : Register(representative) is { } r ? (false, false, r)
                : wires.Of(member) is { } mw ? (true, true, mw) : wires.Of(representative) is { } rw ? (true, false, rw) : (false, false, default(LatchNames.Bit?));
            if (bit is not { } named || named.Index >= 64) continue;
            var key = (ofWire, memberSide, named.Register);
            if (!byRegister.TryGetValue(key, out var bits)) byRegister[key] = bits = [];
            if (!bits.TryGetValue(named.Index, out var alternatives)) bits[named.Index] = alternatives = [];
            alternatives.Add((i, named.Inverted));
        }
        var words = new List<Word>();
        // Registers' words first: a wire's word is tried only for bits they leave unshown.
        foreach (var ((ofWire, memberSide, _), bits) in byRegister.OrderBy(w => w.Key.OfWire))
        {
            // A register bit equal to several signals (the product bit, and the reference's own copies of it) is
            // matched with the signal numbered nearest the one chosen for the bit below: a word's bits come from one
            // arithmetic structure, numbered together, and a stray signal in it would keep the word from rewriting.
            // Each signal of the lowest bit starts one word.
            var indices = bits.Keys.Order().ToList();
            var groups = new List<Dictionary<int, (int Candidate, bool Inverted)>>();
            foreach (var seed in bits[indices[0]].Take(MaxWordsPerRegister))
            {
                var group = new Dictionary<int, (int Candidate, bool Inverted)> { [indices[0]] = seed };
                var previous = candidates[seed.Candidate].Member;
                foreach (var index in indices.Skip(1))
                {
                    var nearest = bits[index].MinBy(a => Math.Abs((long)candidates[a.Candidate].Member - previous));
                    group[index] = nearest;
                    previous = candidates[nearest.Candidate].Member;
                }
                groups.Add(group);
            }
            // A word's bits must pair with distinct signals: bits that all equal one signal (an accumulator's top
            // bits taken for its sign) are no arithmetic word and would only blow up.
            words.AddRange(groups.Where(g => g.Count > 1 && g.Values.Select(b => memberSide ? candidates[b.Candidate].Representative : candidates[b.Candidate].Member).Distinct().Count() == g.Count).Select(g => new Word(
                [.. g.Select(b => (b.Value.Candidate, b.Value.Inverted ? 0UL - (1UL << b.Key) : 1UL << b.Key, memberSide))], g.Keys.Max() + 1, ofWire)));
        }
        return words;
    }

    /// <summary>512 random patterns of a combinational graph's inputs, every signal evaluated on them.</summary>
    private sealed class Patterns
    {
        private const int Words = 8;
        private readonly ulong[] _values;

        /// <param name="first">Patterns for the first lanes, each as the inputs set to 1 (the others 0); random ones after them.</param>
        public Patterns(AigGraph graph, IReadOnlyList<int[]>? first = null)
        {
            var random = new Random(7);
            var firstAnd = 1 + graph.InputCount;
            _values = new ulong[(firstAnd + graph.AndCount) * Words];
            for (var i = Words; i < firstAnd * Words; i++) _values[i] = (ulong)random.NextInt64() ^ (ulong)random.NextInt64() << 32;
            for (var lane = 0; lane < Math.Min(first?.Count ?? 0, Words * 64); lane++)
            {
                var (w, bit) = (lane / 64, 1UL << (lane % 64));
                for (var input = 0; input < graph.InputCount; input++) _values[(1 + input) * Words + w] &= ~bit;
                foreach (var input in first![lane]) _values[(1 + input) * Words + w] |= bit;
            }
            graph.EvaluateGates(_values, Words);
        }

        /// <summary>Whether one of the patterns (of those in <paramref name="lanes"/>, when given) raises the literal.</summary>
        public bool Raises(int literal) => Raises(literal, null);

        public bool Raises(int literal, ulong[]? lanes)
        {
            var flip = (literal & 1) == 1 ? ulong.MaxValue : 0;
            for (var w = 0; w < Words; w++)
                if (((_values[(literal >> 1) * Words + w] ^ flip) & (lanes?[w] ?? ulong.MaxValue)) != 0) return true;
            return false;
        }

        /// <summary>The patterns that raise none of the literals.</summary>
        public ulong[] Clean(IEnumerable<int> literals)
        {
            var lanes = Enumerable.Repeat(ulong.MaxValue, Words).ToArray();
            foreach (var literal in literals)
            {
                var flip = (literal & 1) == 1 ? ulong.MaxValue : 0;
                for (var w = 0; w < Words; w++) lanes[w] &= ~(_values[(literal >> 1) * Words + w] ^ flip);
            }
            return lanes;
        }

        /// <summary>The literal's values on all patterns, hashed.</summary>
        public (ulong, ulong) Signature(int literal)
        {
            var flip = (literal & 1) == 1 ? ulong.MaxValue : 0;
            var (a, b) = (0UL, 0UL);
            for (var w = 0; w < Words; w++)
            {
                var word = _values[(literal >> 1) * Words + w] ^ flip;
                a = a * 0x9E3779B97F4A7C15 + word;
                b = BitOperations.RotateLeft(b, 23) ^ word * 0xC2B2AE3D27D4EB4F;
            }
            return (a, b);
        }
    }

    /// <summary>Whether <paramref name="difference"/> is false for every input: true, false, or null when not shown either way.</summary>
    /// <param name="counterexample">When the answer is false and one pattern shows it: the graph's inputs set to 1 there.</param>
    private static bool? Equal(AigGraph graph, int difference, TimeSpan limit, CancellationToken cancellation, out int[]? counterexample)
    {
        counterexample = null;
        var clock = Stopwatch.StartNew();
        if (AigCone.SupportSize(graph, difference, MaxSupport) is not null)
        {
            var (narrow, inputs) = AigCone.Of(graph, difference);
            if (ExhaustiveCheck.EstimatedSeconds(narrow) is not { } estimate || estimate > limit.TotalSeconds) return null;
            var result = ExhaustiveCheck.Run(narrow, limit, cancellation);
            if (!result.Completed) return null;
            if (result.FailingPattern is { } pattern)
                counterexample = [.. Enumerable.Range(0, inputs.Length).Where(i => (pattern >> i & 1) == 1).Select(i => inputs[i])];
            return result.FailingPattern is null;
        }
        // Too wide to enumerate: split on one input at a time (a reset or an enable, whose muxes sit on one
        // side before a multiplier and on the other after it), each half folded, so that both halves may match
        // gate for gate or become narrow enough to enumerate.
        var (cone, support) = AigCone.Of(graph, difference);
        if (support.Length > MaxSplitSupport) return null;
        foreach (var input in ByFanout(cone).Take(MaxSplit))
        {
            bool? halves = true;
            foreach (var value in new[] { false, true })
            {
                var (half, halfSupport) = AigCone.Of(cone, cone.Outputs[0], (input, value));
                var equal = half.Outputs[0] == AigBuilder.False ? true
                    : halfSupport.Length <= MaxSupport ? Enumerated(half, limit - clock.Elapsed, cancellation)
                    : null;
                if (equal is false) return false;
                if (equal is null) { halves = null; break; }
            }
            if (halves is true) return true;
            if (clock.Elapsed > limit) return null;
        }
        return null;
    }

    /// <summary>Inputs of a wide obligation tried for a split, at most.</summary>
    private const int MaxSplit = 8;

    /// <summary>The widest obligation a split is tried for (two 16×16 multipliers and a reset: 33).</summary>
    private const int MaxSplitSupport = 64;

    private static bool? Enumerated(AigGraph cone, TimeSpan limit, CancellationToken cancellation)
    {
        if (ExhaustiveCheck.EstimatedSeconds(cone) is not { } estimate || estimate > limit.TotalSeconds) return null;
        var result = ExhaustiveCheck.Run(cone, limit, cancellation);
        return result.Completed ? result.FailingPattern is null : null;
    }

    /// <summary>The cone's inputs, the most read first: a reset or an enable reaches every register's mux.</summary>
    private static IEnumerable<int> ByFanout(AigGraph cone)
    {
        var reads = new int[cone.InputCount];
        for (var k = 0; k < cone.AndCount; k++)
            foreach (var operand in new[] { cone.AndLeft[k] >> 1, cone.AndRight[k] >> 1 })
                if (operand >= 1 && operand <= cone.InputCount) reads[operand - 1]++;
        return Enumerable.Range(0, cone.InputCount).OrderByDescending(i => reads[i]);
    }

    /// <summary>
    /// Signals with the same values (or complementary ones) in every simulated run from the start: each joins the
    /// class of the earliest such signal. Runs differ in how often inputs are 1 (a reset asserted half the time
    /// would keep the registers near their start), so rare and frequent events are both seen.
    /// </summary>
    /// <param name="longRuns">Longer runs, with one more simulation word whose lanes hold every port at one value.</param>
    private static List<Candidate> Candidates(AigGraph graph, IReadOnlyList<(string Port, int Bit)?> inputs, bool longRuns)
    {
        var (words, cycles) = longRuns ? (6, LongSimulationCycles) : (5, SimulationCycles);
        var firstLatch = 1 + graph.InputCount;
        var firstAnd = firstLatch + graph.LatchCount;
        var variables = firstAnd + graph.AndCount;
        var values = new ulong[variables * words];
        var state = new ulong[graph.LatchCount * words];
        var (hashA, hashB) = (new ulong[variables], new ulong[variables]);
        var flipped = new bool[variables];
        var random = new Random(20261202);
        ulong Next() => (ulong)random.NextInt64() ^ (ulong)random.NextInt64() << 32;
        ulong Word(int w) => w switch { 1 => Next() & Next() & Next(), 2 => Next() | Next() | Next(), _ => Next() };
        var corners = new PortCorners(inputs, graph.InputCount);
        var held = longRuns ? corners.Held(random) : null;
        for (var cycle = 0; cycle < cycles; cycle++)
        {
            for (var i = 0; i < graph.InputCount; i++)
                for (var w = 0; w < 4; w++) values[(1 + i) * words + w] = Word(w);
            // The word before last holds every port at one value for the whole run, lane by lane: an accumulator
            // fed the largest product cycle after cycle reaches its top bits, which a short random run leaves equal
            // to its sign (they would be taken for one signal and peeled apart one round of induction at a time).
            if (held is not null)
                for (var i = 0; i < graph.InputCount; i++) values[(1 + i) * words + words - 2] = held[i];
            // The last word: each port at a corner value (zero, all ones, the most negative or positive, one) or
            // random, lane by lane, so that the one product that sets bit 30 of a signed 16×16 multiplication
            // without its sign (−2^15 × −2^15) is seen and the two bits are not taken for one signal.
            var corner = corners.Next(random);
            for (var i = 0; i < graph.InputCount; i++) values[(1 + i) * words + words - 1] = corner[i];
            Array.Copy(state, 0, values, firstLatch * words, state.Length);
            graph.EvaluateGates(values, words);
            for (var v = 0; v < variables; v++)
            {
                // Normalised so that a signal and its complement hash alike: the first simulated value is made 0.
                if (cycle == 0) flipped[v] = (values[v * words] & 1) == 1;
                var flip = flipped[v] ? ulong.MaxValue : 0;
                for (var w = 0; w < words; w++)
                {
                    var word = values[v * words + w] ^ flip;
                    hashA[v] = hashA[v] * 0x9E3779B97F4A7C15 + word;
                    hashB[v] = BitOperations.RotateLeft(hashB[v], 23) ^ word * 0xC2B2AE3D27D4EB4F;
                }
            }
            for (var i = 0; i < graph.LatchCount; i++)
            {
                var next = graph.LatchNext[i];
                var flip = (next & 1) == 1 ? ulong.MaxValue : 0;
                for (var w = 0; w < words; w++) state[i * words + w] = values[(next >> 1) * words + w] ^ flip;
            }
        }
        var classes = new Dictionary<(ulong, ulong), int>();
        var candidates = new List<Candidate>();
        for (var v = 0; v < variables; v++)
        {
            if (!classes.TryGetValue((hashA[v], hashB[v]), out var representative)) { classes[(hashA[v], hashB[v])] = v; continue; }
            // Inputs are never merged into anything: each is free in every cycle.
            if (v < firstLatch) continue;
            candidates.Add(new Candidate(v, representative, flipped[v] != flipped[representative] ? 1 : 0));
        }
        return candidates;
    }

    /// <summary>Lanes of corner values per input port: each lane picks, for each port, one of six values.</summary>
    private sealed class PortCorners(IReadOnlyList<(string Port, int Bit)?> inputs, int inputCount)
    {
        private readonly Dictionary<string, int> _widths = inputs.Where(i => i is not null).GroupBy(i => i!.Value.Port)
            .ToDictionary(g => g.Key, g => g.Max(i => i!.Value.Bit) + 1);

        /// <summary>Lanes that keep one value per port for a whole run: a multi-bit port at its most negative, most
        /// positive or all-ones value, a one-bit port (a reset, an enable, a clear) at 0 or 1.</summary>
        public ulong[] Held(Random random)
        {
            var choice = _widths.Keys.ToDictionary(p => p, _ => Enumerable.Range(0, 64).Select(_ => random.Next(3)).ToArray());
            var lanes = new ulong[inputCount];
            for (var i = 0; i < inputCount; i++)
            {
                if (i >= inputs.Count || inputs[i] is not { } input || _widths[input.Port] == 1)
                {
                    lanes[i] = (ulong)random.NextInt64() ^ (ulong)random.NextInt64() << 32;
                    continue;
                }
                var top = input.Bit == _widths[input.Port] - 1;
                for (var lane = 0; lane < 64; lane++)
                    if (choice[input.Port][lane] switch { 0 => top, 1 => !top, _ => true }) lanes[i] |= 1UL << lane;
            }
            return lanes;
        }

        public ulong[] Next(Random random)
        {
            var choice = _widths.Keys.ToDictionary(p => p, _ => Enumerable.Range(0, 64).Select(_ => random.Next(6)).ToArray());
            var lanes = new ulong[inputCount];
            for (var i = 0; i < inputCount; i++)
            {
                if (i >= inputs.Count || inputs[i] is not { } input)
                {
                    lanes[i] = (ulong)random.NextInt64() ^ (ulong)random.NextInt64() << 32;
                    continue;
                }
                var top = input.Bit == _widths[input.Port] - 1;
                for (var lane = 0; lane < 64; lane++)
                {
                    var one = choice[input.Port][lane] switch
                    {
                        0 => random.Next(2) == 1,  // random
                        1 => false,                 // zero
                        2 => true,                  // all ones
                        3 => top,                   // the most negative
                        4 => !top,                  // the most positive
                        _ => input.Bit == 0,        // one
                    };
                    if (one) lanes[i] |= 1UL << lane;
                }
            }
            return lanes;
        }
    }
}
