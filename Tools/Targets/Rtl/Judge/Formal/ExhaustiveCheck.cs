using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>
/// Proves a combinational miter by evaluating it on every input pattern: an enumeration that finds no
/// pattern raising the output is a proof, as strong as SAT's and, for few inputs, far quicker (a 16×12
/// multiplier is 2^28 patterns, which SAT cannot settle against another multiplier structure in minutes).
/// Bit-parallel: each AND gate is computed for 64 patterns a word, 256 a vector, a block of vectors at a time.
/// Only the miter HwForge built is evaluated (from the AIGER data the sandboxed Yosys wrote), so no design
/// code runs on the host. Every miter input is enumerated, the design's free values (X, undriven nets) too.
/// </summary>
internal static class ExhaustiveCheck
{
    /// <summary>At most this many input bits: 2^32 patterns is minutes of work for a small miter, the most that is ever worth trying.</summary>
    public const int MaxInputs = 32;

    /// <summary>Gate evaluations (64 patterns each) a thread does per second, kept low on purpose (measured 2 to 4 × 10^9 on the project's machine under load).</summary>
    private const double WordOperationsPerSecond = 1e9;

    public sealed record Result(bool Completed, ulong? FailingPattern, ulong Patterns, TimeSpan Elapsed);

    /// <summary>The enumeration's work in seconds on one thread, by the conservative rate above; null when it is not a candidate at all.</summary>
    public static double? EstimatedSeconds(AigGraph graph) =>
        graph.LatchCount > 0 || graph.InputCount > MaxInputs
            ? null
            : Math.Max(1.0, Math.Pow(2, graph.InputCount) / 64) * Math.Max(1, graph.AndCount) / WordOperationsPerSecond;

    /// <summary>
    /// Evaluates output 0 of <paramref name="graph"/> on every pattern, on all cores, until a pattern raises it
    /// (one such is returned) or <paramref name="limit"/> passes (then not completed: no verdict).
    /// Pattern bit i is input i.
    /// </summary>
    public static Result Run(AigGraph graph, TimeSpan limit, CancellationToken cancellation = default)
    {
        if (graph.LatchCount > 0 || graph.InputCount > MaxInputs) throw new ArgumentException("only a combinational graph of at most 32 inputs is enumerated");
        var clock = Stopwatch.StartNew();
        var nodes = 1 + graph.InputCount + graph.AndCount;
        // A block's values for every node stay in the core's cache: about 512 KiB per thread.
        var words = (int)Math.Clamp(BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, 65536 / nodes)) / 2, 4, 64);
        var blockBits = 6 + BitOperations.Log2((uint)words);
        var patterns = 1UL << graph.InputCount;
        var blocks = graph.InputCount > blockBits ? 1L << (graph.InputCount - blockBits) : 1;
        var failing = ulong.MaxValue;
        var timedOut = false;
        // A small enumeration (a sweep's pair of gates) is done on this thread: waking others costs more than the work.
        if (EstimatedSeconds(graph) < 0.05)
        {
            var values = Fixed(graph, nodes, words);
            for (var block = 0L; block < blocks; block++)
                if (Evaluate(graph, values, words, block, blockBits) is { } offset)
                    return new Result(true, ((ulong)block << blockBits | (uint)offset) & (patterns - 1), patterns, clock.Elapsed);
            return new Result(true, null, patterns, clock.Elapsed);
        }
        Parallel.For(0L, blocks, new ParallelOptions { CancellationToken = cancellation, MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => Fixed(graph, nodes, words),
            (block, state, values) =>
            {
                if (state.ShouldExitCurrentIteration) return values;
                if (clock.Elapsed > limit) { timedOut = true; state.Stop(); return values; }
                if (Evaluate(graph, values, words, block, blockBits) is { } offset)
                {
                    var pattern = ((ulong)block << blockBits | (uint)offset) & (patterns - 1);
                    // Any failing pattern will do (the lowest would mean finishing every block below it).
                    Interlocked.CompareExchange(ref failing, pattern, ulong.MaxValue);
                    state.Stop();
                }
                return values;
            },
            _ => { });
        var found = failing == ulong.MaxValue ? (ulong?)null : failing;
        return new Result(found is not null || !timedOut, found, patterns, clock.Elapsed);
    }

    /// <summary>A thread's value table, with the inputs that vary inside a block set once: bits 0–5 within a word, the next across words.</summary>
    private static ulong[] Fixed(AigGraph graph, int nodes, int words)
    {
        ReadOnlySpan<ulong> withinWord = [0xAAAAAAAAAAAAAAAA, 0xCCCCCCCCCCCCCCCC, 0xF0F0F0F0F0F0F0F0, 0xFF00FF00FF00FF00, 0xFFFF0000FFFF0000, 0xFFFFFFFF00000000];
        var values = new ulong[nodes * words];
        for (var i = 0; i < graph.InputCount; i++)
            for (var w = 0; w < words; w++)
                values[(1 + i) * words + w] = i < 6 ? withinWord[i] : (w >> (i - 6) & 1) == 1 ? ulong.MaxValue : 0;
        return values;
    }

    /// <summary>One block: the inputs above the block's own bits from its number, then every gate; the offset of the first raised pattern.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int? Evaluate(AigGraph graph, ulong[] values, int words, long block, int blockBits)
    {
        for (var i = blockBits; i < graph.InputCount; i++)
            values.AsSpan((1 + i) * words, words).Fill((block >> (i - blockBits) & 1) == 1 ? ulong.MaxValue : 0);
        ref var table = ref MemoryMarshal.GetArrayDataReference(values);
        var first = (1 + graph.InputCount) * words;
        for (var k = 0; k < graph.AndCount; k++)
        {
            var (a, b) = (graph.AndLeft[k], graph.AndRight[k]);
            var (flipA, flipB) = (Vector256.Create((a & 1) == 1 ? ulong.MaxValue : 0), Vector256.Create((b & 1) == 1 ? ulong.MaxValue : 0));
            var (atA, atB, at) = ((nuint)((a >> 1) * words), (nuint)((b >> 1) * words), (nuint)(first + k * words));
            for (nuint w = 0; w < (nuint)words; w += 4)
            {
                var x = Vector256.LoadUnsafe(ref table, atA + w) ^ flipA;
                var y = Vector256.LoadUnsafe(ref table, atB + w) ^ flipB;
                (x & y).StoreUnsafe(ref table, at + w);
            }
        }
        var output = graph.Outputs[0];
        var flip = (output & 1) == 1 ? ulong.MaxValue : 0;
        for (var w = 0; w < words; w++)
            if ((values[(output >> 1) * words + w] ^ flip) is var raised and not 0)
                return w * 64 + BitOperations.TrailingZeroCount(raised);
        return null;
    }

    /// <summary>A failing pattern as ABC writes a counterexample (<c>write_cex -a</c>): a line of latch values (none), then the frame's inputs.</summary>
    public static string ToCounterexample(ulong pattern, int inputs) =>
        "\n" + string.Concat(Enumerable.Range(0, inputs).Select(i => (pattern >> i & 1) == 1 ? '1' : '0')) + "\n";
}
