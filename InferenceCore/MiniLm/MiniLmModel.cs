using HwForge.InferenceCore.Onnx;

namespace HwForge.InferenceCore.MiniLm;

/// <summary>Weights and tokenizer, loaded once and shared by encoders on different kernel sets.</summary>
public sealed record MiniLmModel(MiniLmWeights Weights, MiniLmTokenizer Tokenizer)
{
    public static MiniLmModel Load() => Load(MiniLmFiles.Load());

    public static MiniLmModel Load(MiniLmFiles files) =>
        new(MiniLmWeights.FromOnnx(OnnxModel.Parse(files.Onnx)), new MiniLmTokenizer(files.Vocabulary));
}
