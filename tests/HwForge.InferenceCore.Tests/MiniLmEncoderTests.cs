using HwForge.InferenceCore.Kernels;
using HwForge.InferenceCore.MiniLm;

namespace HwForge.InferenceCore.Tests;

/// <summary>all-MiniLM-L6-v2 with its real weights, against ONNX Runtime running the same ONNX file.</summary>
public class MiniLmEncoderTests(MiniLmFixture fixture, NativeFixture native) : IClassFixture<MiniLmFixture>, IClassFixture<NativeFixture>
{
    const string Unicode = "Größe, café und naïve Übung — 東京タワー is 333 m tall 😀 ½ ﬁ";

    static string TextOf128Tokens(MiniLmTokenizer tokenizer)
    {
        var words = "the adder feeds a pipelined multiplier whose partial products are summed by a wallace tree".Split(' ');
        var text = "";
        // Some words are several pieces; near the end "a" (one piece) fills up to exactly 128.
        for (var i = 0; tokenizer.Encode(text).Length < 128; i++)
        {
            var longer = text + words[i % words.Length] + " ";
            text = tokenizer.Encode(longer).Length <= 128 ? longer : text + "a ";
        }
        return text;
    }

    [Fact]
    public void WordPiece_gives_the_ids_BERT_uncased_gives()
    {
        // [CLS] hello world [SEP], lower-cased; "unaffable" is split greedily, longest piece first:
        // una ##ffa ##ble (ids are line numbers of the package's vocab.txt).
        Assert.Equal([101, 7592, 2088, 102], fixture.Model.Tokenizer.Encode("Hello world"));
        Assert.Equal([101, 14477, 20961, 3468, 102], fixture.Model.Tokenizer.Encode("unaffable"));
        Assert.Equal(MiniLmTokenizer.MaxTokens, fixture.Model.Tokenizer.Encode(string.Join(' ', Enumerable.Repeat("word", 400))).Length);
        Assert.Equal(128, fixture.Model.Tokenizer.Encode(TextOf128Tokens(fixture.Model.Tokenizer)).Length);
    }

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var set in new[] { "simd512", "simd256", "native" })
            foreach (var text in new[] { "short", "128 tokens", "unicode" }) data.Add(set, text);
        // The reference set is ~50x slower; it runs on the two short sentences.
        data.Add("reference", "short");
        data.Add("reference", "unicode");
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Embeddings_match_ONNX_Runtime_to_1e4(string setName, string which)
    {
        var text = which switch { "short" => "A 16-bit adder.", "unicode" => Unicode, _ => TextOf128Tokens(fixture.Model.Tokenizer) };
        var encoder = new MiniLmEncoder(fixture.Model, setName == "native" ? native.Kernels.WithThreads(2) : KernelSets.ByName(setName, 2));
        var ids = fixture.Model.Tokenizer.Encode(text);

        var hidden = encoder.LastHiddenState(ids);
        var ortHidden = fixture.OrtHiddenState(ids);
        Assert.Equal(ortHidden.Length, hidden.Length);
        var worstHidden = hidden.Zip(ortHidden, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worstHidden < 1e-3, $"last hidden state differs from ONNX Runtime by {worstHidden:E2}");

        var embedding = encoder.EmbedIds(ids);
        var want = MiniLmFixture.MeanPoolNormalise(ortHidden, ids.Length);
        var worst = embedding.Zip(want, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst < 1e-4, $"{setName} on '{which}' ({ids.Length} tokens): embedding differs from ONNX Runtime's by {worst:E2}");
        Assert.Equal(1.0, Math.Sqrt(embedding.Sum(x => (double)x * x)), 5);
    }

    [Fact]
    public void Similar_sentences_embed_closer_than_unrelated_ones()
    {
        var encoder = new MiniLmEncoder(fixture.Model, KernelSets.ByName("simd512", 2));
        float[] a = encoder.Embed("a ripple-carry adder of 16 bits"), b = encoder.Embed("a 16-bit adder built from full adders"),
            c = encoder.Embed("the recipe needs two cups of flour");
        static double Cos(float[] x, float[] y) => x.Zip(y, (p, q) => (double)p * q).Sum();
        Assert.True(Cos(a, b) > Cos(a, c) + 0.2, $"cos(adder, adder) = {Cos(a, b):F3}, cos(adder, flour) = {Cos(a, c):F3}");
    }
}
