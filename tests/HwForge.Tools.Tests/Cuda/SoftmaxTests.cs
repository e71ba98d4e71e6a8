using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Cuda;

namespace HwForge.Tools.Tests.Cuda;

/// <summary>
/// examples/cuda/softmax: three correct softmaxes pass (three-pass, online with warp shuffles, block reduction in
/// shared memory); the textbook formula overflows on the large inputs, a removed barrier is a race, and a sum one
/// column short is a mismatch.
/// </summary>
public sealed class SoftmaxTests(CudaHost cuda) : IClassFixture<CudaHost>
{
    [Theory]
    [InlineData("ref.cu")]
    [InlineData("warp-online.cu")]
    [InlineData("block-shared.cu")]
    public async Task A_correct_softmax_passes(string file)
    {
        var verdict = await cuda.VerifyAsync("softmax", file);

        Assert.True(verdict.Passed, verdict.Summary);
        Assert.Equal(Assurance.Simulated, verdict.Assurance);
    }

    [Fact]
    public async Task A_softmax_without_the_max_subtracted_fails_on_large_inputs()
    {
        var verdict = await cuda.VerifyAsync("softmax", "fault-no-max-subtraction.cu");

        Assert.Equal(Verdict.Fail, verdict.Verdict);
        var report = (CudaReport)verdict.Report;
        Assert.Equal("large", report.FirstMismatch!.Distribution);
        Assert.Contains(report.Check, new[] { CudaCheck.Mismatch, CudaCheck.Unwritten });
    }

    [Fact]
    public async Task A_removed_syncthreads_is_a_race_on_shared_memory()
    {
        var verdict = await cuda.VerifyAsync("softmax", "fault-missing-sync.cu");

        Assert.Equal(Verdict.Fail, verdict.Verdict);
        Assert.Equal(CudaCheck.Race, ((CudaReport)verdict.Report).Check);
        Assert.True(verdict.Summary.Contains("__shared__"), verdict.Summary);
    }

    [Fact]
    public async Task A_reduction_one_column_short_is_a_mismatch_with_the_element_named()
    {
        var verdict = await cuda.VerifyAsync("softmax", "fault-off-by-one-sum.cu");

        Assert.Equal(Verdict.Fail, verdict.Verdict);
        var report = (CudaReport)verdict.Report;
        Assert.Equal(CudaCheck.Mismatch, report.Check);
        Assert.Equal("Y", report.FirstMismatch!.Output);
        Assert.Contains("expected", verdict.FirstMismatch);
    }
}
