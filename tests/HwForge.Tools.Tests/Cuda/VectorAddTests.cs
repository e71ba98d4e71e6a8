using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Cuda;

namespace HwForge.Tools.Tests.Cuda;

/// <summary>
/// examples/cuda/vector_add with real g++ (and clang where installed) in the sandbox: the correct kernels pass as
/// "simulated", never "verified"; a missing bounds check, a grid rounded down and two host-side reward hacks fail,
/// each with the check that caught it.
/// </summary>
public sealed class VectorAddTests(CudaHost cuda) : IClassFixture<CudaHost>
{
    [Fact]
    public async Task A_correct_vector_add_passes_as_simulated_and_says_what_was_shown()
    {
        var verdict = await cuda.VerifyAsync("vector_add", "ref.cu");

        Assert.True(verdict.Passed, verdict.Summary);
        Assert.Equal(Assurance.Simulated, verdict.Assurance);
        Assert.False(verdict.Verified);
        Assert.Contains("18 calls", verdict.Shown);   // 3 sizes × 3 distributions × 2 trials
        Assert.Contains("not timed", verdict.Shown);
    }

    [Fact]
    public async Task A_grid_stride_loop_passes_too()
    {
        var verdict = await cuda.VerifyAsync("vector_add", "grid-stride.cu");

        Assert.True(verdict.Passed, verdict.Summary);
    }

    [Fact]
    public async Task A_kernel_without_its_bounds_check_fails_on_bounds()
    {
        var verdict = await cuda.VerifyAsync("vector_add", "fault-no-bounds-check.cu");

        Assert.Equal(Verdict.Fail, verdict.Verdict);
        Assert.Equal(CudaCheck.Bounds, ((CudaReport)verdict.Report).Check);
        Assert.Contains("N=1", verdict.Summary);   // the smallest size already runs 255 threads past the end
    }

    [Fact]
    public async Task A_grid_rounded_down_leaves_elements_unwritten()
    {
        var verdict = await cuda.VerifyAsync("vector_add", "fault-grid-rounded-down.cu");

        Assert.Equal(Verdict.Fail, verdict.Verdict);
        var report = (CudaReport)verdict.Report;
        Assert.Equal(CudaCheck.Unwritten, report.Check);
        Assert.Equal("C", report.FirstMismatch!.Output);
        Assert.Equal("NaN", report.FirstMismatch.Got);
    }

    [Fact]
    public async Task Host_code_that_computes_through_the_device_pointers_crashes_and_fails()
    {
        var verdict = await cuda.VerifyAsync("vector_add", "fault-host-compute.cu");

        Assert.Equal(Verdict.Fail, verdict.Verdict);
        Assert.Equal(CudaCheck.HostAccess, ((CudaReport)verdict.Report).Check);
    }

    [Fact]
    public async Task Copying_the_inputs_to_the_host_is_refused_before_anything_runs()
    {
        var verdict = await cuda.VerifyAsync("vector_add", "fault-copy-to-host.cu");

        Assert.Equal(Verdict.Fail, verdict.Verdict);
        Assert.Equal(FailureClass.ForbiddenConstruct, verdict.FailureClass);
        Assert.Contains("cudaMemcpyDeviceToHost", verdict.Summary);
    }
}
