using HwForge.InferenceCore.Onnx;

namespace HwForge.InferenceCore.MiniLm;

/// <summary>One BERT encoder layer's weights; matrices are [in, out] row-major, as ONNX MatMul stores them.</summary>
public sealed record BertLayer(
    float[] Query, float[] QueryBias, float[] Key, float[] KeyBias, float[] Value, float[] ValueBias,
    float[] AttentionOut, float[] AttentionOutBias, float[] AttentionNormWeight, float[] AttentionNormBias,
    float[] Intermediate, float[] IntermediateBias, float[] Output, float[] OutputBias, float[] OutputNormWeight, float[] OutputNormBias);

/// <summary>
/// all-MiniLM-L6-v2's weights, mapped from the ONNX initializers by their Hugging Face names. The exporter renamed
/// the matrices after graph values ("927"), so each MatMul weight is named here after the bias its output is added
/// to: MatMul(x, 927) → Add(encoder.layer.0.attention.self.query.bias, ·) makes 927 that layer's query.weight.
/// </summary>
public sealed record MiniLmWeights(
    int Hidden, int Heads, int Intermediate, int MaxPositions,
    float[] WordEmbeddings, float[] PositionEmbeddings, float[] TokenTypeEmbeddings, float[] EmbeddingNormWeight, float[] EmbeddingNormBias,
    IReadOnlyList<BertLayer> Layers)
{
    /// <summary>BERT's layer_norm_eps; the graph holds it as a Constant node, and every BERT config uses this value.</summary>
    public const float NormEps = 1e-12f;

    public int Vocabulary => WordEmbeddings.Length / Hidden;

    public static MiniLmWeights FromOnnx(OnnxModel model)
    {
        var named = new Dictionary<string, float[]>();
        foreach (var t in model.Initializers.Values) named[t.Name] = t.Data;
        foreach (var (weight, name) in MatMulWeightNames(model)) named[name] = model.Initializers[weight].Data;

        float[] Get(string name) => named.TryGetValue(name, out var d) ? d
            : throw new OnnxFormatException($"the model has no weight '{name}': not a BERT export this loader knows");

        var word = model.Initializers.GetValueOrDefault("embeddings.word_embeddings.weight")
            ?? throw new OnnxFormatException("the model has no embeddings.word_embeddings.weight");
        var hidden = (int)word.Dims[1];
        var layers = new List<BertLayer>();
        for (var i = 0; named.ContainsKey($"encoder.layer.{i}.attention.self.query.bias"); i++)
        {
            var p = $"encoder.layer.{i}.";
            layers.Add(new BertLayer(
                Get(p + "attention.self.query.weight"), Get(p + "attention.self.query.bias"),
                Get(p + "attention.self.key.weight"), Get(p + "attention.self.key.bias"),
                Get(p + "attention.self.value.weight"), Get(p + "attention.self.value.bias"),
                Get(p + "attention.output.dense.weight"), Get(p + "attention.output.dense.bias"),
                Get(p + "attention.output.LayerNorm.weight"), Get(p + "attention.output.LayerNorm.bias"),
                Get(p + "intermediate.dense.weight"), Get(p + "intermediate.dense.bias"),
                Get(p + "output.dense.weight"), Get(p + "output.dense.bias"),
                Get(p + "output.LayerNorm.weight"), Get(p + "output.LayerNorm.bias")));
        }
        if (layers.Count == 0) throw new OnnxFormatException("the model has no encoder.layer.0: not a BERT encoder");
        var intermediate = layers[0].IntermediateBias.Length;
        var positions = Get("embeddings.position_embeddings.weight");
        // MiniLM-L6's head width is 32 (hidden 384 / 12 heads); the graph only encodes it in Reshape constants.
        const int headWidth = 32;
        return new MiniLmWeights(hidden, hidden / headWidth, intermediate, positions.Length / hidden,
            word.Data, positions, Get("embeddings.token_type_embeddings.weight"),
            Get("embeddings.LayerNorm.weight"), Get("embeddings.LayerNorm.bias"), layers);
    }

    static IEnumerable<(string Weight, string Name)> MatMulWeightNames(OnnxModel model)
    {
        var consumers = new Dictionary<string, List<OnnxNode>>();
        foreach (var n in model.Nodes)
            foreach (var input in n.Inputs)
                (consumers.TryGetValue(input, out var l) ? l : consumers[input] = []).Add(n);
        foreach (var mm in model.Nodes.Where(n => n.OpType == "MatMul"))
        {
            var weight = mm.Inputs.FirstOrDefault(model.Initializers.ContainsKey);
            if (weight is null || mm.Outputs.Length == 0) continue; // Q·Kᵀ and P·V multiply activations
            var bias = consumers.GetValueOrDefault(mm.Outputs[0])?.Where(n => n.OpType == "Add")
                .SelectMany(n => n.Inputs).FirstOrDefault(i => i.EndsWith(".bias") && model.Initializers.ContainsKey(i));
            if (bias is not null) yield return (weight, bias[..^".bias".Length] + ".weight");
        }
    }
}
