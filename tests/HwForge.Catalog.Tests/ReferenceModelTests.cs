using System.Numerics;
using static HwForge.Catalog.Tests.KnownVectors;

namespace HwForge.Catalog.Tests;

/// <summary>
/// The references are checked on their own, against arithmetic done in C#: otherwise a wrong generator and a
/// wrong reference could agree. Each test also runs the design on the same vectors.
/// </summary>
public sealed class ReferenceModelTests(CatalogJudge judge) : IClassFixture<CatalogJudge>
{
    private static readonly Random Seeded = new(7);

    private static BigInteger Rand(int width) => new(Seeded.NextInt64(0, 1L << width));

    private static Dictionary<string, BigInteger> In(params (string Name, BigInteger Value)[] values) => values.ToDictionary(v => v.Name, v => v.Value);

    /// <summary>Both the reference and the design give the expected outputs on every cycle.</summary>
    private async Task AssertBoth(GeneratedDesign design, List<Dictionary<string, BigInteger>> inputs, List<Dictionary<string, BigInteger>> expected)
    {
        foreach (var reference in new[] { true, false })
        {
            var actual = await RunAsync(judge, design, reference, inputs);
            // Before the first clock edge a register holds x: a sequential module is read from cycle 1, after the reset.
            for (var t = design.Clock is null ? 0 : 1; t < expected.Count; t++)
                foreach (var (name, value) in expected[t])
                    Assert.True(actual[t][name] == value,
                        $"{(reference ? design.ReferenceTop : design.Top)} cycle {t}: {name} = {actual[t][name]}, C# says {value} (inputs {string.Join(" ", inputs[t].Select(i => $"{i.Key}={i.Value}"))})");
        }
    }

    /// <summary>A pipeline of <paramref name="latency"/> registers reset to zero, with the reset held in cycle 0.</summary>
    private static List<Dictionary<string, BigInteger>> Delayed(List<Dictionary<string, BigInteger>> values, int latency, List<Dictionary<string, BigInteger>> inputs)
    {
        var result = new List<Dictionary<string, BigInteger>>();
        for (var t = 0; t < values.Count; t++)
            result.Add(t - latency >= 1 || latency == 0 ? values[t - latency] : values[t].ToDictionary(v => v.Key, _ => BigInteger.Zero));
        return result;
    }

    [Fact]
    public async Task A_signed_adder_adds_like_CSharp()
    {
        var design = KernelCatalog.Generate("adder", KernelParameters.Of(("width", 8), ("signed", true), ("architecture", "brent_kung"), ("pipeline", 1)));
        var inputs = Enumerable.Range(0, 40).Select(t => In(("rst", t == 0 ? 1 : 0), ("a", Rand(8)), ("b", Rand(8)))).ToList();
        var sums = inputs.Select(i => In(("sum", Bits(Signed(i["a"], 8) + Signed(i["b"], 8), 9)))).ToList();
        await AssertBoth(design, inputs, Delayed(sums, 1, inputs));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_booth_multiplier_multiplies_like_CSharp(bool signed)
    {
        var design = KernelCatalog.Generate("multiplier", KernelParameters.Of(("width", 8), ("signed", signed), ("architecture", "booth_radix4")));
        var inputs = Enumerable.Range(0, 40).Select(_ => In(("a", Rand(8)), ("b", Rand(8)))).Append(In(("a", 128), ("b", 128))).Append(In(("a", 255), ("b", 128))).ToList();
        BigInteger Value(BigInteger v) => signed ? Signed(v, 8) : v;
        await AssertBoth(design, inputs, [.. inputs.Select(i => In(("p", Bits(Value(i["a"]) * Value(i["b"]), 16))))]);
    }

    [Fact]
    public async Task A_mac_accumulates_like_CSharp()
    {
        const int width = 6, guard = 4, pipeline = 2, accWidth = 2 * width + guard;
        var design = KernelCatalog.Generate("mac", KernelParameters.Of(("width", width), ("signed", true), ("guard_bits", guard), ("pipeline", pipeline), ("multiplier", "wallace")));
        var inputs = Enumerable.Range(0, 50).Select(t => In(("rst", t == 0 ? 1 : 0), ("in_valid", t % 5 == 3 ? 0 : 1), ("clear", t == 20 ? 1 : 0), ("a", Rand(width)), ("b", Rand(width)))).ToList();
        var expected = new List<Dictionary<string, BigInteger>>();
        BigInteger acc = 0;
        var outValid = BigInteger.Zero;
        for (var t = 0; t < inputs.Count; t++)
        {
            expected.Add(In(("acc", Bits(acc, accWidth)), ("out_valid", outValid)));
            // At this edge the accumulator takes the operands of cycle t - pipeline.
            var s = t - pipeline;
            var operands = s >= 1 ? inputs[s] : null;
            var valid = operands is not null && operands["in_valid"] == 1;
            var product = valid ? Signed(operands!["a"], width) * Signed(operands["b"], width) : 0;
            acc = t == 0 ? 0 : operands is not null && operands["clear"] == 1 ? product : acc + product;
            outValid = valid ? 1 : 0;
        }
        await AssertBoth(design, inputs, expected);
    }

    [Fact]
    public async Task A_dot_product_sums_like_CSharp()
    {
        var design = KernelCatalog.Generate("dot_product", KernelParameters.Of(("lanes", 4), ("width", 8), ("signed", true), ("reduction", "tree")));
        var inputs = Enumerable.Range(0, 30).Select(_ => In(("a", Rand(32)), ("b", Rand(32)))).ToList();
        BigInteger Lane(BigInteger v, int i) => Signed((v >> (8 * i)) & 0xff, 8);
        await AssertBoth(design, inputs, [.. inputs.Select(v => In(("y", Bits(Enumerable.Range(0, 4).Aggregate(BigInteger.Zero, (s, i) => s + Lane(v["a"], i) * Lane(v["b"], i)), 18))))]);
    }

    [Theory]
    [InlineData("direct", 2)]
    [InlineData("transposed", 0)]
    public async Task A_fir_filter_convolves_like_CSharp(string architecture, int pipeline)
    {
        int[] c = [2, -3, 0, 7, 1];
        var design = KernelCatalog.Generate("fir", KernelParameters.Of(("taps", 5), ("width", 8), ("signed", true), ("coefficients", string.Join(",", c)), ("architecture", architecture), ("pipeline", pipeline)));
        var outWidth = HwForge.Tools.Targets.Rtl.Catalog.Generators.FirGenerator.OutputWidth(8, c);
        // An impulse first (the output must replay the coefficients), then random samples.
        var samples = new List<BigInteger> { 0, 1, 0, 0, 0, 0, 0, 0 };
        samples.AddRange(Enumerable.Range(0, 30).Select(_ => Rand(8)));
        var inputs = samples.Select((x, t) => In(("rst", t == 0 ? 1 : 0), ("x", x))).ToList();
        var ys = new List<Dictionary<string, BigInteger>>();
        for (var t = 0; t < samples.Count; t++)
        {
            BigInteger y = 0;
            for (var k = 0; k < c.Length; k++)
                if (t - k >= 1) y += c[k] * Signed(samples[t - k], 8); // samples before the reset ended count as zero
            ys.Add(In(("y", Bits(y, outWidth))));
        }
        await AssertBoth(design, inputs, Delayed(ys, pipeline, inputs));
    }

    [Fact]
    public async Task A_fifo_keeps_order_like_a_CSharp_queue()
    {
        const int depth = 4, width = 8;
        var design = KernelCatalog.Generate("fifo", KernelParameters.Of(("depth", depth), ("width", width), ("architecture", "wrap_pointers")));
        var inputs = Enumerable.Range(0, 80).Select(t => In(("rst", t == 0 ? 1 : 0),
            ("push", t < 30 ? (t % 3 == 0 ? 0 : 1) : Seeded.Next(2)), ("pop", t < 30 ? (t % 4 == 0 ? 1 : 0) : Seeded.Next(2)), ("din", Rand(width)))).ToList();
        var queue = new Queue<BigInteger>();
        var expected = new List<Dictionary<string, BigInteger>>();
        foreach (var i in inputs)
        {
            expected.Add(In(("dout", queue.Count == 0 ? 0 : queue.Peek()), ("full", queue.Count == depth ? 1 : 0), ("empty", queue.Count == 0 ? 1 : 0), ("count", queue.Count)));
            if (i["rst"] == 1) { queue.Clear(); continue; }
            var (push, pop) = (i["push"] == 1 && queue.Count < depth, i["pop"] == 1 && queue.Count > 0);
            if (pop) queue.Dequeue();
            if (push) queue.Enqueue(i["din"]);
        }
        await AssertBoth(design, inputs, expected);
    }

    [Fact]
    public async Task A_mod_10_counter_counts_like_CSharp()
    {
        var design = KernelCatalog.Generate("counter", KernelParameters.Of(("modulus", 10), ("architecture", "one_hot")));
        var inputs = Enumerable.Range(0, 40).Select(t => In(("rst", t == 0 ? 1 : 0), ("en", t % 7 == 6 ? 0 : 1))).ToList();
        var expected = new List<Dictionary<string, BigInteger>>();
        var count = 0;
        foreach (var i in inputs)
        {
            expected.Add(In(("count", count), ("wrap", i["en"] == 1 && count == 9 ? 1 : 0)));
            count = i["rst"] == 1 ? 0 : i["en"] == 1 ? (count + 1) % 10 : count;
        }
        await AssertBoth(design, inputs, expected);
    }

    [Theory]
    [InlineData("1011", true)]
    [InlineData("1011", false)]
    [InlineData("11", false)]
    public async Task A_sequence_detector_finds_the_pattern_like_CSharp(string pattern, bool overlapping)
    {
        var design = KernelCatalog.Generate("fsm", KernelParameters.Of(("pattern", pattern), ("overlapping", overlapping), ("encoding", "one_hot")));
        var stream = "0" + "1011011" + "0111" + "1011" + "11111" + string.Concat(Enumerable.Range(0, 30).Select(_ => Seeded.Next(2).ToString()));
        var inputs = stream.Select((b, t) => In(("rst", t == 0 ? 1 : 0), ("din", b - '0'))).ToList();
        // Search the bits received after the reset, starting afresh after each hit when matches may not overlap.
        var expected = new List<Dictionary<string, BigInteger>> { In(("hit", 0)) };
        var since = 1; // the first bit that may still be part of a match
        for (var t = 1; t < stream.Length; t++)
        {
            // hit in cycle t reports the bits up to cycle t - 1
            var hit = t - pattern.Length >= since && stream[(t - pattern.Length)..t] == pattern;
            if (hit && !overlapping) since = t;
            expected.Add(In(("hit", hit ? 1 : 0)));
        }
        Assert.Contains(expected, e => e["hit"] == 1);
        await AssertBoth(design, inputs, expected);
    }

    [Fact]
    public async Task A_gemm_tile_multiplies_matrices_like_CSharp()
    {
        const int rows = 2, cols = 3, depth = 4, width = 8, accWidth = 20;
        var design = KernelCatalog.Generate("gemm_tile", KernelParameters.Of(("rows", rows), ("cols", cols), ("width", width), ("acc_width", accWidth)));
        var a = new int[rows, depth];
        var b = new int[depth, cols];
        for (var i = 0; i < rows; i++) for (var k = 0; k < depth; k++) a[i, k] = Seeded.Next(-128, 128);
        for (var k = 0; k < depth; k++) for (var j = 0; j < cols; j++) b[k, j] = Seeded.Next(-128, 128);
        // A's row i enters i cycles late and B's column j enters j cycles late, so cell (i, j) meets a[i, k] and b[k, j] together.
        const int start = 2;
        var inputs = new List<Dictionary<string, BigInteger>>();
        for (var t = 0; t < start + depth + rows + cols + 3; t++)
        {
            var s = t - start;
            BigInteger aBus = 0, bBus = 0;
            for (var i = 0; i < rows; i++) if (s - i >= 0 && s - i < depth) aBus |= Bits(a[i, s - i], width) << (i * width);
            for (var j = 0; j < cols; j++) if (s - j >= 0 && s - j < depth) bBus |= Bits(b[s - j, j], width) << (j * width);
            inputs.Add(In(("rst", t == 0 ? 1 : 0), ("clear", s == 0 ? 1 : 0), ("a", aBus), ("b", bBus)));
        }
        BigInteger product = 0;
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < cols; j++)
            {
                var sum = 0;
                for (var k = 0; k < depth; k++) sum += a[i, k] * b[k, j];
                product |= Bits(sum, accWidth) << ((i * cols + j) * accWidth);
            }
        var expected = Enumerable.Range(0, inputs.Count).Select(_ => new Dictionary<string, BigInteger>()).ToList();
        expected[^1]["c"] = product; // once the last products are in, C = A x B
        await AssertBoth(design, inputs, expected);
    }
}
