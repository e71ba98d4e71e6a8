using HwForge.InferenceCore.Kernels;
using HwForge.InferenceCore.Llama;
using static HwForge.InferenceCore.Kernels.Conformance.Tolerance;

namespace HwForge.InferenceCore.Tests;

/// <summary>The llama-style decoder on deterministic synthetic weights (no decoder weights can be downloaded here).</summary>
public class LlamaDecoderTests(NativeFixture native) : IClassFixture<NativeFixture>
{
    static readonly LlamaWeights Tiny = LlamaWeights.Synthetic(LlamaConfig.Tiny);
    static readonly int[] Prompt = [1, 17, 42, 99, 3, 250, 7];

    [Theory]
    [InlineData("simd512", 1)]
    [InlineData("simd512", 2)]
    [InlineData("simd256", 2)]
    [InlineData("native", 1)]
    [InlineData("native", 2)]
    public void Logits_on_the_SIMD_and_native_sets_match_the_reference_set_through_prefill_and_decode(string set, int threads)
    {
        var reference = new LlamaDecoder(Tiny, KernelSets.Reference);
        var simd = new LlamaDecoder(Tiny, set == "native" ? native.Kernels.WithThreads(threads) : KernelSets.ByName(set, threads));
        KvCache rc = reference.NewCache(), sc = simd.NewCache();
        var want = reference.Forward(Prompt, rc);
        var got = simd.Forward(Prompt, sc);
        for (var step = 0; ; step++)
        {
            var (ok, worst) = Within(want, got, 1e-4);
            Assert.True(ok, $"step {step}: {worst}");
            if (step == 5) break;
            var next = LlamaDecoder.ArgMax(want);
            want = reference.Forward([next], rc);
            got = simd.Forward([next], sc);
        }
    }

    [Fact]
    public void Decoding_one_token_at_a_time_through_the_KV_cache_gives_the_logits_of_a_full_pass()
    {
        var decoder = new LlamaDecoder(Tiny, KernelSets.ByName("simd512", 1));
        var full = decoder.Forward(Prompt, decoder.NewCache());
        var cache = decoder.NewCache();
        float[] stepwise = [];
        foreach (var token in Prompt) stepwise = decoder.Forward([token], cache);
        Assert.Equal(Prompt.Length, cache.Length);
        var (ok, worst) = Within(full, stepwise, 1e-5);
        Assert.True(ok, worst);
        // and the logits depend on the earlier tokens at all (the cache is read, not just written)
        var alone = decoder.Forward([Prompt[^1]], decoder.NewCache());
        Assert.False(Within(full, alone, 1e-3).Ok);
    }

    [Fact]
    public void A_decoder_written_to_an_HWFL_file_reads_back_bit_for_bit()
    {
        using var file = new MemoryStream();
        LlamaFile.Write(Tiny, file);
        Assert.Equal(8 + 9 * 4 + Tiny.Parameters * 4, file.Length);
        file.Position = 0;
        var back = LlamaFile.Read(file);
        Assert.Equal(Tiny.Config, back.Config);
        var a = new LlamaDecoder(Tiny, KernelSets.Reference).Forward(Prompt, new KvCache(Tiny.Config));
        var b = new LlamaDecoder(back, KernelSets.Reference).Forward(Prompt, new KvCache(back.Config));
        Assert.Equal(a, b);
        // The same seed gives the same weights; another seed does not.
        Assert.Equal(Tiny.Output, LlamaWeights.Synthetic(LlamaConfig.Tiny).Output);
        Assert.NotEqual(Tiny.Output, LlamaWeights.Synthetic(LlamaConfig.Tiny, seed: 18).Output);
        file.SetLength(file.Length - 4);
        file.Position = 0;
        Assert.Throws<InvalidDataException>(() => LlamaFile.Read(file));
    }
}
