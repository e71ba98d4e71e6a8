using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Cuda;
using HwForge.Tools.Targets.Cuda.Catalog;

namespace HwForge.Tools.Tests.Cuda;

/// <summary>
/// What the CUDA target's measurement says without a GPU: the problem's roofline per size, labelled as an estimate
/// on an assumed A100-class GPU, as details and never as an objective the reward compares.
/// </summary>
public sealed class CudaMeasurementTests(CudaHost cuda) : IClassFixture<CudaHost>
{
    private Task<TargetMeasurement> MeasureAsync(DesignArtifact design) =>
        cuda.Target.MeasureAsync(design, DesignHints.None, TargetJob.Default, CancellationToken.None);

    // The roofline's details alone: where nvcc is installed, ptxas's static figures come beside them.
    private static Dictionary<string, double> Estimates(TargetMeasurement measured) =>
        measured.Details.Where(d => d.Key.StartsWith("estimated_us ", StringComparison.Ordinal)).ToDictionary();

    [RequiresNvccFact]
    public async Task Where_nvcc_is_installed_each_kernels_registers_and_shared_memory_come_as_static_details_never_as_objectives()
    {
        var kernel = CudaCatalog.Find("gemm")!.Generate(new Dictionary<string, string>());

        var measured = await MeasureAsync(kernel.Design);

        Assert.Empty(measured.Metrics.Values);
        var registers = Assert.Single(measured.Details, d => d.Key.StartsWith("registers ", StringComparison.Ordinal));
        Assert.InRange(registers.Value, 8, 255);
        Assert.Equal("static (ptxas sm_80)", measured.Units[registers.Key]);
        Assert.Contains(measured.Details, d => d.Key.StartsWith("occupancy_bound ", StringComparison.Ordinal) && d.Value is > 0 and <= 100);
        Assert.Contains("not a speed", measured.Basis);
    }

    [Fact]
    public async Task A_catalog_gemm_shows_its_problems_roofline_labelled_as_an_estimate_and_not_as_a_speed()
    {
        var kernel = CudaCatalog.Find("gemm")!.Generate(new Dictionary<string, string>());

        var measured = await MeasureAsync(kernel.Design);

        Assert.True(measured.Succeeded, measured.Problem);
        Assert.Empty(measured.Metrics.Values);   // nothing the reward or the frontier compares
        Assert.Empty(cuda.Target.Objectives);
        Assert.Equal(["estimated_us M=1 N=1 K=1", "estimated_us M=33 N=47 K=65", "estimated_us M=32 N=32 K=32"], Estimates(measured).Keys);
        Assert.All(Estimates(measured).Keys, key => Assert.Equal("us estimated (roofline, assumed A100-class)", measured.Units[key]));
        // 33×47×65: 201630 flops (10 ns at 19.5 TFLOP/s) but 27004 bytes (17 ns at 1555 GB/s): memory-bound.
        Assert.Equal(27004 / 1555e9 * 1e6, measured.Details["estimated_us M=33 N=47 K=65"], 9);
        Assert.Contains("nothing measured", measured.Basis);
        Assert.Contains("estimated (roofline, assumed A100-class)", measured.Basis);
        Assert.Contains("lower bound", measured.Basis);
        Assert.Contains("19.5 TFLOP/s fp32, 1555 GB/s", measured.Basis);
        var report = Assert.IsType<CudaRooflineEstimate>(measured.Report);
        Assert.Equal("memory", report.Sizes[1].BoundBy);
    }

    [Fact]
    public async Task Every_variant_of_a_problem_gets_the_same_estimate_because_it_is_the_problems_bound()
    {
        var figures = new List<IReadOnlyDictionary<string, double>>();
        foreach (var kernel in CudaCatalog.Variants(CudaCatalog.Find("softmax_rows")!))
            figures.Add(Estimates(await MeasureAsync(kernel.Design)));

        Assert.True(figures.Count > 1);
        Assert.All(figures, f => Assert.Equal(figures[0], f));
    }

    [Fact]
    public async Task A_kernel_measured_without_its_problem_says_that_there_is_no_estimate()
    {
        var kernel = CudaCatalog.Find("vector_add")!.Generate(new Dictionary<string, string>());

        var measured = await MeasureAsync(DesignArtifact.Single(CudaTarget.TargetName, "solve", "kernel.cu", kernel.Kernel));

        Assert.True(measured.Succeeded);
        Assert.Empty(Estimates(measured));
        Assert.Contains("no problem.yaml came with the design, so no roofline estimate", measured.Basis);
    }

    [Fact]
    public async Task A_kernel_without_its_problem_measured_against_its_reference_gets_the_reference_problems_estimate()
    {
        // An LLM's answer is a .cu file alone; the problem it was judged on is the reference's.
        var kernel = CudaCatalog.Find("vector_add")!.Generate(new Dictionary<string, string>());
        var alone = DesignArtifact.Single(CudaTarget.TargetName, "solve", "kernel.cu", kernel.Kernel);

        ITarget target = cuda.Target;
        var measured = await target.MeasureAsync(alone, kernel.ReferenceDesign, DesignHints.None, TargetJob.Default, CancellationToken.None);

        Assert.True(measured.Succeeded, measured.Problem);
        Assert.Equal(["estimated_us N=1", "estimated_us N=1000", "estimated_us N=4099"], Estimates(measured).Keys);
        Assert.Equal((await MeasureAsync(kernel.Design)).Details, measured.Details);
    }

    [Fact]
    public async Task A_kernel_carrying_a_problem_of_its_own_is_estimated_on_the_references_problem_it_was_judged_on()
    {
        var kernel = CudaCatalog.Find("vector_add")!.Generate(new Dictionary<string, string>());
        var lighter = kernel.Problem.Replace("bytes: 12 * N", "bytes: N", StringComparison.Ordinal);
        Assert.NotEqual(kernel.Problem, lighter);
        var claimed = new DesignArtifact(CudaTarget.TargetName, "solve",
            [.. kernel.Design.Files.Where(f => f.FileName != CudaProblem.FileName), Foundation.Sources.SourceLoader.FromText(CudaProblem.FileName, lighter)]);

        ITarget target = cuda.Target;
        var measured = await target.MeasureAsync(claimed, kernel.ReferenceDesign, DesignHints.None, TargetJob.Default, CancellationToken.None);

        Assert.Equal((await MeasureAsync(kernel.Design)).Details, measured.Details);
        Assert.NotEqual((await MeasureAsync(claimed)).Details, measured.Details);
    }

    [Fact]
    public async Task A_cpp_reference_with_its_problem_gets_no_gpu_estimate_that_would_read_as_its_speed()
    {
        var kernel = CudaCatalog.Find("gemm")!.Generate(new Dictionary<string, string>());
        Assert.Contains(kernel.ReferenceDesign.Design!.Files, f => f.FileName == CudaProblem.FileName);

        var measured = await MeasureAsync(kernel.ReferenceDesign.Design!);

        Assert.True(measured.Succeeded);
        Assert.Empty(measured.Details);
        Assert.Contains("no .cu kernel", measured.Basis);
    }

    [Fact]
    public async Task A_problem_whose_flops_cannot_be_read_fails_the_measurement_naming_the_key()
    {
        var kernel = CudaCatalog.Find("vector_add")!.Generate(new Dictionary<string, string>());
        var broken = kernel.Problem.Replace("flops: N", "flops: N * Q", StringComparison.Ordinal);
        Assert.NotEqual(kernel.Problem, broken);

        var measured = await MeasureAsync(new DesignArtifact(CudaTarget.TargetName, "solve",
            [.. kernel.Design.Files.Where(f => f.FileName != CudaProblem.FileName), Foundation.Sources.SourceLoader.FromText(CudaProblem.FileName, broken)]));

        Assert.False(measured.Succeeded);
        Assert.Contains("flops must be one expression", measured.Problem);
    }
}
