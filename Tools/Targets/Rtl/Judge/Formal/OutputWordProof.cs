namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>
/// A combinational miter settled word by word: for each output port, Σ 2^k (design bit k − reference bit k) is
/// shown to be zero modulo 2^width by <see cref="WordRewriting"/>, which needs no enumeration and no SAT, so two
/// different 16×16 multiplier structures (32 input bits, past both) are compared in a second or two.
/// </summary>
internal static class OutputWordProof
{
    /// <param name="Proven">Every output word is the same polynomial on both sides.</param>
    /// <param name="Witness">A difference: a counterexample in ABC's <c>write_cex -a</c> form; <paramref name="Port"/> names the word.</param>
    public sealed record Result(bool Proven, string? Witness, string? Port);

    public static Result Run(EquivalenceMiter.Result miter, TimeSpan limit, CancellationToken cancellation)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var word in miter.OutputWords)
        {
            var terms = new List<WordRewriting.Term>();
            for (var k = 0; k < word.Bits.Count; k++)
            {
                terms.Add(new(word.Bits[k].Design, 1UL << k));
                terms.Add(new(word.Bits[k].Reference, 0UL - (1UL << k)));
            }
            var outcome = WordRewriting.IsZero(miter.Graph, terms, word.Bits.Count, limit - clock.Elapsed, cancellation);
            if (outcome.Zero is false && outcome.Witness is { } ones)
            {
                var pattern = new char[miter.Graph.InputCount];
                Array.Fill(pattern, '0');
                foreach (var v in ones) pattern[v - 1] = '1';
                return new Result(false, "\n" + new string(pattern) + "\n", word.Port);
            }
            if (outcome.Zero is not true) return new Result(false, null, null);
        }
        return new Result(true, null, null);
    }
}
