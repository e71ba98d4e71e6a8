using HwForge.InferenceCore.Kernels;
using HwForge.InferenceCore.Kernels.Conformance;
using static HwForge.InferenceCore.Kernels.Conformance.Tolerance;

namespace HwForge.InferenceCore.Tests;

/// <summary>
/// ggml's test-backend-ops in miniature: every op of every shipped set (the native one built by the real g++ in the
/// sandbox), at 1 and 2 threads, against the double precision reference on <see cref="ConformanceCases"/>.
/// </summary>
public class KernelConformanceTests(NativeFixture native) : IClassFixture<NativeFixture>
{
    public static TheoryData<string, int, Op> Cases()
    {
        var data = new TheoryData<string, int, Op>();
        foreach (var set in new[] { "simd512", "simd256", "native" })
            foreach (var threads in new[] { 1, 2 })
                foreach (var op in Enum.GetValues<Op>()) data.Add(set, threads, op);
        return data;
    }

    static readonly System.Collections.Concurrent.ConcurrentDictionary<(Op, int), float[]> ReferenceAnswers = new();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_op_of_every_kernel_set_matches_the_reference(string setName, int threads, Op op)
    {
        var set = setName == "native" ? native.Kernels.WithThreads(threads) : KernelSets.ByName(setName, threads);
        var failures = new List<string>();
        var index = 0;
        foreach (var c in ConformanceCases.For(op))
        {
            Assert.True(set.Supports(op, c.Shape, DType.F32), $"{set.Name} does not support {op} {c.Shape}");
            // The reference is the slow part; its answers are shared by the set × thread cases.
            var want = ReferenceAnswers.GetOrAdd((op, index++), _ => c.RunOn(KernelSets.Reference));
            var (ok, worst) = Within(want, c.RunOn(set), c.Tolerance);
            if (!ok) failures.Add($"{op} {c.Shape}: {worst}");
        }
        Assert.True(failures.Count == 0, $"{set.Name}: " + string.Join("\n", failures));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Pre_packed_native_weights_give_the_reference_answer_on_every_GEMM_shape(int threads)
    {
        var set = native.Kernels.WithThreads(threads);
        var failures = new List<string>();
        foreach (var c in ConformanceCases.For(Op.MatMul))
        {
            int m = c.Args[0], n = c.Args[1], k = c.Args[2];
            var got = (float[])c.Inputs[3].Clone();
            set.MatMul(c.Inputs[0], set.Pack(c.Inputs[1], k, n), c.Inputs[2], got, m);
            var (ok, worst) = Within(c.RunOn(KernelSets.Reference), got, c.Tolerance);
            if (!ok) failures.Add($"{c.Shape}: {worst}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
