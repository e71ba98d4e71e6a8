using HwForge.Tools.Targets.Cuda;

namespace HwForge.Tools.Tests.Cuda;

/// <summary>
/// The roofline estimate from a problem's flops and bytes on the assumed A100-class GPU (19.5 TFLOP/s, 1555 GB/s):
/// the slower of the two limits per size, and problem.yaml mistakes in those keys refused naming the key.
/// </summary>
public sealed class CudaRooflineTests
{
    private static CudaProblem Problem(string work, string sizes = "[{N: 4096}]")
    {
        var (problem, error) = CudaProblem.Parse($"args: [{{name: A, shape: [N]}}, {{name: C, shape: [N], out: true}}, {{name: N}}]\nsizes: {sizes}\n{work}");
        Assert.True(problem is not null, error);
        return problem;
    }

    [Fact]
    public void A_problem_with_a_thousand_flops_per_byte_is_compute_bound()
    {
        // 2 * 4096^3 flops over 19.5 TFLOP/s is 7049 us; its 3 * 4 * 4096^2 bytes over 1555 GB/s only 129 us.
        var estimate = CudaRoofline.Estimate(Problem("flops: 2 * N * N * N\nbytes: 12 * N * N", "[{N: 4096}]"))!;

        var size = Assert.Single(estimate.Sizes);
        Assert.Equal("compute", size.BoundBy);
        Assert.Equal(2.0 * 4096 * 4096 * 4096 / 19.5e12 * 1e6, size.EstimatedMicroseconds, 6);
        Assert.Equal(2L * 4096 * 4096 * 4096, size.Flops);
    }

    [Fact]
    public void A_vector_add_is_memory_bound_at_every_size()
    {
        var estimate = CudaRoofline.Estimate(Problem("flops: N\nbytes: 12 * N", "[{N: 1}, {N: 1000000}]"))!;

        Assert.All(estimate.Sizes, s => Assert.Equal("memory", s.BoundBy));
        Assert.Equal(12e6 / 1555e9 * 1e6, estimate.Sizes[1].EstimatedMicroseconds, 9);   // 7.7 us
        Assert.Equal("N=1000000", estimate.Sizes[1].Size);
    }

    [Fact]
    public void The_estimate_names_its_assumption_and_says_it_is_not_measured()
    {
        var estimate = CudaRoofline.Estimate(Problem("flops: N\nbytes: 12 * N"))!;

        Assert.Equal("estimated (roofline, assumed A100-class)", estimate.Label);
        Assert.Contains("19.5 TFLOP/s", estimate.Assumption);
        Assert.Contains("1555 GB/s", estimate.Assumption);
        Assert.Contains("not measured", estimate.Meaning);
        Assert.Contains("lower bound", estimate.Meaning);
    }

    [Fact]
    public void A_problem_without_flops_and_bytes_has_no_estimate() =>
        Assert.Null(CudaRoofline.Estimate(Problem("")));

    [Theory]
    [InlineData("flops: 2 * N * Q\nbytes: 12 * N", "flops must be one expression", "'2 * N * Q'")]
    [InlineData("flops: N\nbytes: 12 * N * N + M", "bytes must be one expression", "(N)")]
    [InlineData("flops: [N, N]\nbytes: N", "flops must be one expression", "size arguments (N)")]
    [InlineData("flops: N\nbytes: N / (N - N)", "bytes N / (N - N) divides by zero", "")]
    [InlineData("flops: N - 4096\nbytes: N", "flops N - 4096 is 0 at size N=4096", "at least 1")]
    [InlineData("flops: N", "gives flops but no bytes", "needs both")]
    [InlineData("bytes: N", "gives bytes but no flops", "needs both")]
    [InlineData("flops: (N\nbytes: N", "flops (N: a ( is not closed", "")]
    public void A_mistake_in_flops_or_bytes_is_refused_naming_the_key(string work, string words, string more)
    {
        var (problem, error) = CudaProblem.Parse($"args: [{{name: C, shape: [N], out: true}}, {{name: N}}]\nsizes: [{{N: 4096}}]\n{work}");

        Assert.Null(problem);
        Assert.Contains(words, error);
        Assert.Contains(more, error);
    }
}
