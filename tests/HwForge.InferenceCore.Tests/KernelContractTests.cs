using HwForge.InferenceCore.Kernels;
using static HwForge.InferenceCore.Kernels.Conformance.Tolerance;

namespace HwForge.InferenceCore.Tests;

/// <summary>What every set promises beyond the numbers: what it refuses, in-place calls, loud failure on bad sizes.</summary>
public class KernelContractTests
{
    public static TheoryData<string> Sets() => ["reference", "simd512", "simd256"];

    [Theory]
    [MemberData(nameof(Sets))]
    public void A_kernel_set_refuses_what_it_cannot_serve(string name)
    {
        var set = KernelSets.ByName(name, 2);
        Assert.True(set.Supports(Op.MatMul, new OpShape(3, 4, 5), DType.F32));
        Assert.False(set.Supports(Op.MatMul, new OpShape(3, 4, 5), DType.F16));
        Assert.False(set.Supports(Op.Rope, new OpShape(2, 2, 7), DType.F32)); // odd head width has no pairs
        Assert.False(set.Supports(Op.Attention, new OpShape(1, 4, 6, 4, 8), DType.F32)); // 6 heads do not group over 4
        Assert.False(set.Supports(Op.MatMul, new OpShape(0, 4, 5), DType.F32));
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Elementwise_and_row_ops_may_run_in_place(string name)
    {
        var set = KernelSets.ByName(name, 2);
        var x = Random(1500, 1, -6, 6);
        var g = Random(500, 2);
        foreach (var (what, run) in new (string, Action<float[], float[]>)[]
                 {
                     ("gelu", (i, o) => set.Gelu(i, o)), ("silu", (i, o) => set.Silu(i, o)),
                     ("swiglu", (i, o) => set.SwiGlu(i, g.Concat(g).Concat(g).ToArray(), o)),
                     ("softmax", (i, o) => set.Softmax(i, o, 3, 500)), ("layernorm", (i, o) => set.LayerNorm(i, g, g, o, 3, 500, 1e-5f)),
                     ("rmsnorm", (i, o) => set.RmsNorm(i, g, o, 3, 500, 1e-5f)),
                 })
        {
            var apart = new float[x.Length];
            run(x, apart);
            var inPlace = (float[])x.Clone();
            run(inPlace, inPlace);
            Assert.True(apart.AsSpan().SequenceEqual(inPlace), $"{name} {what} differs when run in place");
        }
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void A_buffer_too_small_is_refused_before_any_memory_is_touched(string name)
    {
        var set = KernelSets.ByName(name, 1);
        Assert.Throws<ArgumentException>(() => set.MatMul(new float[11], new float[20], [], new float[12], 3, 4, 4));
        Assert.Throws<ArgumentException>(() => set.Embedding(new float[10], 5, [2], new float[5]));
        Assert.Throws<ArgumentException>(() => set.Attention(new float[8], new float[8], new float[8], new float[8], new AttentionShape(2, 1, 1, 1, 4, true)));
    }

    [Fact]
    public void The_tolerance_check_catches_a_single_wrong_element()
    {
        var a = Random(64 * 64, 3);
        var b = Random(64 * 64, 4);
        var want = new float[64 * 64];
        KernelSets.Reference.MatMul(a, b, [], want, 64, 64, 64);
        var got = (float[])want.Clone();
        got[1234] += 1e-3f;
        Assert.False(Within(want, got, 2e-6 * 8).Ok);
        Assert.True(Within(want, want, 0).Ok);
    }
}
