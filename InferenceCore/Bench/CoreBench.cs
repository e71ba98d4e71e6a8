using HwForge.InferenceCore.Kernels;
using HwForge.InferenceCore.Llama;
using HwForge.InferenceCore.MiniLm;

namespace HwForge.InferenceCore.Bench;

/// <summary>
/// One measured figure: what ran, on which kernels, with how many threads. Milliseconds is the median wall time;
/// CpuMilliseconds the median CPU time of all threads. Gflops is flops / (CPU time / threads), the rate while the
/// threads had a core, which equals the wall-clock rate on an idle machine and stays meaningful on a loaded one.
/// </summary>
public sealed record BenchRow(string Workload, string Kernels, int Threads, string Size, double Milliseconds, double CpuMilliseconds, double Gflops, double PercentOfRoofline, string? Note = null)
{
    public static BenchRow Of(string workload, string kernels, int threads, string size, Timing t, double flops, string? note = null)
    {
        var gflops = flops / (t.CpuMs / threads) / 1e6;
        return new BenchRow(workload, kernels, threads, size, t.WallMs, t.CpuMs, gflops, Roofline.PercentOf(gflops, threads), note);
    }
}

/// <summary>
/// The inference core's figures: GEMM GFLOP/s at several sizes and MiniLM ms per sequence, per kernel set at a
/// stated thread count. Other engines (ONNX Runtime, OpenBLAS) are measured beside these by the benchmark project,
/// which adds rows of the same shape; the CLI carries no native runtime.
/// </summary>
public static class CoreBench
{
    public static readonly (int M, int N, int K)[] GemmSizes = [(128, 384, 384), (128, 1536, 384), (256, 256, 256), (512, 512, 512), (1024, 1024, 1024), (1, 4096, 4096)];
    public static readonly int[] SequenceLengths = [16, 128];

    /// <summary>The scalar reference at 1 GFLOP/s would take seconds a run beyond this many flops; it is left out there.</summary>
    const double ReferenceFlopLimit = 2.5e8;

    public static BenchRow Gemm(IKernelSet set, int m, int n, int k, double budgetSeconds = 0.5)
    {
        var a = Filled(m * k, 1);
        var b = Filled(k * n, 2);
        var c = new float[m * n];
        var t = Stopwatches.Median(() => set.MatMul(a, b, [], c, m, n, k), budgetSeconds);
        return BenchRow.Of("gemm", set.Name, set.Threads, $"{m}x{n}x{k}", t, 2.0 * m * n * k,
            m == 1 ? $"{4.0 * n * k / (t.CpuMs / set.Threads) / 1e6:0.0} GB/s of weights streamed" : null);
    }

    public static BenchRow Encoder(MiniLmEncoder encoder, int tokens, double budgetSeconds = 0.5)
    {
        var ids = SyntheticIds(tokens, encoder.Model.Weights.Vocabulary);
        var t = Stopwatches.Median(() => encoder.EmbedIds(ids), budgetSeconds);
        return BenchRow.Of("minilm", encoder.Kernels.Name, encoder.Kernels.Threads, $"{tokens} tokens", t, Roofline.MiniLmFlops(tokens));
    }

    /// <summary>
    /// One decode step (a token after a 16-token prompt and onwards) of the synthetic llama decoder; a step streams
    /// every weight once, so its floor is the weights' bytes over DRAM bandwidth.
    /// </summary>
    public static BenchRow Decode(LlamaWeights weights, IKernelSet set, double budgetSeconds = 0.5)
    {
        var decoder = new LlamaDecoder(weights, set);
        int[] prompt = [.. Enumerable.Range(1, 16)];
        var cache = decoder.NewCache();
        decoder.Forward(prompt, cache);
        var t = Stopwatches.Median(() =>
        {
            if (cache.Length == cache.Capacity) { cache = decoder.NewCache(); decoder.Forward(prompt, cache); }
            decoder.Forward([cache.Length % weights.Config.Vocabulary], cache);
        }, budgetSeconds);
        var bytes = weights.Parameters * 4.0;
        var boundMs = bytes / (Roofline.DramGigabytesPerSecond * 1e6);
        return BenchRow.Of("decode", set.Name, set.Threads, $"{weights.Parameters / 1e6:0.0}M params", t, 2.0 * weights.Parameters,
            $"{1000 / t.WallMs:0.0} tok/s wall, {1000 / (t.CpuMs / set.Threads):0.0} tok/s on CPU time; bandwidth bound {1000 / boundMs:0} tok/s, reached {100 * boundMs / (t.CpuMs / set.Threads):0}%");
    }

    /// <summary>
    /// Every shipped set at the given threads, and <paramref name="others"/> (the native set, an applied manifest)
    /// beside them: GEMM sizes, then MiniLM when the model is given.
    /// </summary>
    public static IEnumerable<BenchRow> Run(int threads, MiniLmModel? model, double budgetSeconds = 0.5, IReadOnlyList<IKernelSet>? others = null)
    {
        var sets = KernelSets.All(threads).Concat(others ?? []).ToList();
        var decoder = LlamaWeights.Synthetic(LlamaConfig.Bench);
        foreach (var set in sets) yield return Decode(decoder, set, budgetSeconds);
        foreach (var (m, n, k) in GemmSizes)
            foreach (var set in sets)
                if (set != KernelSets.Reference || 2.0 * m * n * k <= ReferenceFlopLimit) yield return Gemm(set, m, n, k, budgetSeconds);
        if (model is null) yield break;
        foreach (var tokens in SequenceLengths)
            foreach (var set in sets)
                if (set != KernelSets.Reference || Roofline.MiniLmFlops(tokens) <= 4 * ReferenceFlopLimit)
                    yield return Encoder(new MiniLmEncoder(model, set), tokens, budgetSeconds);
    }

    /// <summary>Ids [CLS] w… [SEP] over ordinary word pieces: timing does not depend on which words.</summary>
    public static int[] SyntheticIds(int tokens, int vocabulary)
    {
        var ids = new int[tokens];
        for (var i = 0; i < tokens; i++) ids[i] = 2000 + i * 37 % Math.Max(1, vocabulary - 2000);
        ids[0] = 101;
        ids[^1] = 102;
        return ids;
    }

    static float[] Filled(int n, int seed)
    {
        var r = new Random(seed);
        var x = new float[n];
        for (var i = 0; i < n; i++) x[i] = (float)r.NextDouble() - 0.5f;
        return x;
    }
}
