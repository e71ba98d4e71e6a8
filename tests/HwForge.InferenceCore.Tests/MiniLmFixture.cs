using HwForge.InferenceCore.MiniLm;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace HwForge.InferenceCore.Tests;

/// <summary>The real weights, parsed once, and ONNX Runtime on the same bytes as the oracle.</summary>
public sealed class MiniLmFixture : IDisposable
{
    public MiniLmModel Model { get; }
    readonly InferenceSession _ort;

    public MiniLmFixture()
    {
        var files = MiniLmFiles.Load();
        Model = MiniLmModel.Load(files);
        using var options = new SessionOptions { IntraOpNumThreads = 1 };
        _ort = new InferenceSession(files.Onnx, options);
    }

    /// <summary>ONNX Runtime's last_hidden_state for one sequence, [tokens, hidden].</summary>
    public float[] OrtHiddenState(int[] ids)
    {
        var shape = new[] { 1, ids.Length };
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids.Select(i => (long)i).ToArray(), shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(Enumerable.Repeat(1L, ids.Length).ToArray(), shape)),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(new long[ids.Length], shape)),
        };
        using var results = _ort.Run(inputs);
        return results.First().AsEnumerable<float>().ToArray();
    }

    /// <summary>sentence-transformers' pooling, written out again here so the test does not trust the encoder's.</summary>
    public static float[] MeanPoolNormalise(float[] hidden, int tokens)
    {
        var h = hidden.Length / tokens;
        var mean = new double[h];
        for (var i = 0; i < tokens; i++)
            for (var j = 0; j < h; j++) mean[j] += hidden[i * h + j] / tokens;
        var norm = Math.Sqrt(mean.Sum(x => x * x));
        return mean.Select(x => (float)(x / norm)).ToArray();
    }

    public void Dispose() => _ort.Dispose();
}
