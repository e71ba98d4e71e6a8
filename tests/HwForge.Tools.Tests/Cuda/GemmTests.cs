using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Cuda;

namespace HwForge.Tools.Tests.Cuda;

/// <summary>
/// examples/cuda/gemm on sizes that are not multiples of the tile: naive, tiled and split-K with atomics pass;
/// a removed barrier and a non-atomic split-K reduction (over z, or over neighbouring blocks) are races, and unpadded edge tiles fail.
/// </summary>
public sealed class GemmTests(CudaHost cuda) : IClassFixture<CudaHost>
{
    [Theory]
    [InlineData("ref.cu")]
    [InlineData("tiled.cu")]
    [InlineData("split-k-atomic.cu")]
    public async Task A_correct_gemm_passes(string file)
    {
        var verdict = await cuda.VerifyAsync("gemm", file);

        Assert.True(verdict.Passed, verdict.Summary);
        Assert.Equal(Assurance.Simulated, verdict.Assurance);
    }

    [Fact]
    public async Task A_tiled_gemm_missing_a_barrier_is_a_race()
    {
        var verdict = await cuda.VerifyAsync("gemm", "fault-no-sync.cu");

        Assert.Equal(Verdict.Fail, verdict.Verdict);
        Assert.Equal(CudaCheck.Race, ((CudaReport)verdict.Report).Check);
    }

    [Fact]
    public async Task Two_blocks_adding_into_one_element_without_an_atomic_is_a_race()
    {
        var verdict = await cuda.VerifyAsync("gemm", "fault-split-k-race.cu");

        Assert.Equal(Verdict.Fail, verdict.Verdict);
        Assert.Equal(CudaCheck.Race, ((CudaReport)verdict.Report).Check);
        Assert.Contains("device memory", verdict.Summary);
    }

    [Fact]
    public async Task Neighbouring_blocks_adding_halves_of_K_into_one_element_without_an_atomic_is_a_race()
    {
        // Right numbers whenever the two blocks run one after the other: only blocks that overlap can show it
        // (blocks of the grid scheduled in waves never put neighbours together, and this passed).
        var verdict = await cuda.VerifyAsync("gemm", "fault-split-k-neighbours.cu");

        Assert.Equal(Verdict.Fail, verdict.Verdict);
        Assert.Equal(CudaCheck.Race, ((CudaReport)verdict.Report).Check);
        Assert.Contains("M=33, N=47, K=65", verdict.Summary);
    }

    [Fact]
    public async Task Edge_tiles_that_are_not_padded_fail()
    {
        var verdict = await cuda.VerifyAsync("gemm", "fault-edge-tiles.cu");

        Assert.Equal(Verdict.Fail, verdict.Verdict);
        Assert.Contains(((CudaReport)verdict.Report).Check, new[] { CudaCheck.Bounds, CudaCheck.Mismatch });
    }
}
