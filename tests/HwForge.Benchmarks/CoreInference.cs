using HwForge.InferenceCore.Bench;
using HwForge.InferenceCore.Kernels;
using HwForge.InferenceCore.Kernels.Native;
using HwForge.InferenceCore.Optimize;
using HwForge.InferenceCore.MiniLm;
using HwForge.Tools.Foundation;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sandbox;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace HwForge.Benchmarks;

/// <summary>
/// The inference core's figures beside the engines it is measured against, in the same run and at the same thread
/// count: every kernel set's GEMM and MiniLM rows (CoreBench, the native set and any applied manifest included), ONNX Runtime on the same ONNX bytes and token ids,
/// and OpenBLAS sgemm at the same sizes when it is installed.
/// </summary>
public static class CoreInference
{
    public static async Task<string> RunAsync(HwForgeHome home, IReadOnlyList<int> threadCounts)
    {
        // The native set as users get it: built by g++ in the sandbox (into this run's own HWFORGE_HOME).
        using var host = new ToolHost(new BubblewrapSandbox(), home, null);
        var library = await NativeBuild.RequireAsync(host, NativeVariant.Default);
        var files = MiniLmFiles.Load();
        var model = MiniLmModel.Load(files);
        var blas = OpenBlas.TryLoad();
        var lines = new List<string> { $"{Roofline.Machine}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at start" };
        lines.Add(blas is null
            ? "OpenBLAS: not installed (apt-get install libopenblas0, listed in sandbox/install-toolchain.sh); its rows are skipped"
            : $"OpenBLAS: {blas.Path}");
        foreach (var threads in threadCounts)
        {
            lines.Add($"-- {threads} thread(s)");
            var others = new List<IKernelSet> { NativeKernels.Load(library, NativeVariant.Default, threads) };
            if (await AppliedManifestAsync(threads) is { } auto) others.Add(auto);
            var rows = CoreBench.Run(threads, model, others: others).ToList();
            if (blas is not null)
            {
                blas.SetThreads(threads);
                rows.AddRange(CoreBench.GemmSizes.Select(s => OpenBlasGemm(blas, threads, s.M, s.N, s.K)));
            }
            rows.AddRange(CoreBench.SequenceLengths.Select(t => Ort(files, model, threads, t)));
            foreach (var r in rows.OrderBy(r => r.Workload).ThenBy(r => r.Size.Length).ThenBy(r => r.Size, StringComparer.Ordinal))
                lines.Add($"{r.Workload,-7} {r.Size,-16} {r.Kernels,-12} {r.Milliseconds,9:0.000} ms wall {r.CpuMilliseconds,9:0.000} ms cpu {r.Gflops,6:0.0} GFLOP/s {r.PercentOfRoofline,4:0}%" +
                          (r.Note is null ? "" : $"  ({r.Note})"));
        }
        return string.Join('\n', lines);
    }

    /// <summary>The kernels `hwforge core optimize` applied under the user's $HWFORGE_HOME, when it applied any.</summary>
    static async Task<IKernelSet?> AppliedManifestAsync(int threads)
    {
        var home = HwForgeHome.FromEnvironment();
        if (new ManifestStore(home).Current() is not { } current) return null;
        using var host = new ToolHost(new BubblewrapSandbox(), home, null);
        return await new KernelResolver(host).ManifestAsync(current.Manifest, $"auto({current.Hash[..8]})", threads);
    }

    static BenchRow OpenBlasGemm(OpenBlas blas, int threads, int m, int n, int k)
    {
        var r = new Random(1);
        var a = Enumerable.Range(0, m * k).Select(_ => (float)r.NextDouble()).ToArray();
        var b = Enumerable.Range(0, k * n).Select(_ => (float)r.NextDouble()).ToArray();
        var c = new float[m * n];
        return BenchRow.Of("gemm", "openblas", threads, $"{m}x{n}x{k}", Stopwatches.Median(() => blas.Sgemm(a, b, c, m, n, k)), 2.0 * m * n * k);
    }

    static BenchRow Ort(MiniLmFiles files, MiniLmModel model, int threads, int tokens)
    {
        using var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        using var session = new InferenceSession(files.Onnx, options);
        var ids = CoreBench.SyntheticIds(tokens, model.Weights.Vocabulary);
        var shape = new[] { 1, tokens };
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids.Select(i => (long)i).ToArray(), shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(Enumerable.Repeat(1L, tokens).ToArray(), shape)),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(new long[tokens], shape)),
        };
        // ORT's own output is last_hidden_state; the pooling the core adds costs microseconds and is left out.
        var t = Stopwatches.Median(() => { using var _ = session.Run(inputs); });
        return BenchRow.Of("minilm", "onnxruntime", threads, $"{tokens} tokens", t, Roofline.MiniLmFlops(tokens));
    }
}
