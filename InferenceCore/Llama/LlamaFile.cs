using System.Runtime.InteropServices;
using System.Text;

namespace HwForge.InferenceCore.Llama;

/// <summary>
/// The HWFL file, little-endian: the 8 bytes "HWFL0001"; int32 dim, ffn_dim, layers, heads, kv_heads, vocabulary,
/// max_sequence; float32 rope_theta, norm_eps; then float32 tensors, row-major, in this order: token_embedding
/// [vocabulary, dim]; per layer attention_norm [dim], wq [dim, dim], wk [dim, kv_dim], wv [dim, kv_dim],
/// wo [dim, dim], ffn_norm [dim], w_gate [dim, ffn_dim], w_up [dim, ffn_dim], w_down [ffn_dim, dim]; final_norm [dim];
/// output [dim, vocabulary]. Matrices are [in, out]; kv_dim = kv_heads · dim / heads. Nothing follows.
/// </summary>
public static class LlamaFile
{
    static readonly byte[] Magic = "HWFL0001"u8.ToArray();

    public static void Write(LlamaWeights w, Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        var c = w.Config;
        writer.Write(Magic);
        foreach (var v in new[] { c.Dim, c.FfnDim, c.Layers, c.Heads, c.KvHeads, c.Vocabulary, c.MaxSequence }) writer.Write(v);
        writer.Write(c.RopeTheta);
        writer.Write(c.NormEps);
        foreach (var t in Tensors(w)) writer.Write(MemoryMarshal.AsBytes(t.AsSpan()));
    }

    public static LlamaWeights Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (!reader.ReadBytes(8).AsSpan().SequenceEqual(Magic)) throw new InvalidDataException("not an HWFL0001 decoder file (wrong magic)");
        var c = new LlamaConfig(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(),
            reader.ReadInt32(), reader.ReadInt32(), reader.ReadSingle(), reader.ReadSingle());
        c.Validate();
        float[] T(long n)
        {
            var x = new float[n];
            if (reader.Read(MemoryMarshal.AsBytes(x.AsSpan())) != n * 4) throw new InvalidDataException("the HWFL file ends inside a tensor");
            return x;
        }
        var embedding = T((long)c.Vocabulary * c.Dim);
        var layers = new List<LlamaLayer>();
        for (var i = 0; i < c.Layers; i++)
            layers.Add(new LlamaLayer(T(c.Dim), T((long)c.Dim * c.Dim), T((long)c.Dim * c.KvDim), T((long)c.Dim * c.KvDim), T((long)c.Dim * c.Dim),
                T(c.Dim), T((long)c.Dim * c.FfnDim), T((long)c.Dim * c.FfnDim), T((long)c.FfnDim * c.Dim)));
        var w = new LlamaWeights(c, embedding, layers, T(c.Dim), T((long)c.Dim * c.Vocabulary));
        if (stream.CanSeek && stream.Position != stream.Length) throw new InvalidDataException("bytes follow the last tensor of the HWFL file");
        return w;
    }

    static IEnumerable<float[]> Tensors(LlamaWeights w) =>
        new[] { w.TokenEmbedding }.Concat(w.Layers.SelectMany(l => l.Tensors)).Append(w.FinalNorm).Append(w.Output);
}
