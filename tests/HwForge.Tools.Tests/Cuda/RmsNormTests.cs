using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Cuda;

namespace HwForge.Tools.Tests.Cuda;

/// <summary>
/// examples/cuda/rmsnorm, which leans on more of the emulation: a fixed float argument (eps), a kernel template,
/// __launch_bounds__, dynamic shared memory, float4 loads through __ldg, both shuffle kinds and std::min.
/// </summary>
public sealed class RmsNormTests(CudaHost cuda) : IClassFixture<CudaHost>
{
    [Theory]
    [InlineData("ref.cu")]
    [InlineData("warp-vector.cu")]
    public async Task A_correct_rmsnorm_passes(string file)
    {
        var verdict = await cuda.VerifyAsync("rmsnorm", file);

        Assert.True(verdict.Passed, verdict.Summary);
    }

    [Theory]
    [InlineData("fault-missing-sync.cu", CudaCheck.Race)]
    [InlineData("fault-wrong-mean.cu", CudaCheck.Mismatch)]
    public async Task A_faulty_rmsnorm_fails_on_the_check_its_mistake_belongs_to(string file, CudaCheck check)
    {
        var verdict = await cuda.VerifyAsync("rmsnorm", file);

        Assert.Equal(Verdict.Fail, verdict.Verdict);
        Assert.Equal(check, ((CudaReport)verdict.Report).Check);
    }
}
