using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Hls;
using HwForge.Tools.Targets.Hls.Catalog;

namespace HwForge.Tools.Tests.Targets.Hls;

/// <summary>
/// The HLS catalog on real g++ and Verilator: every pragma variant of every family matches its plain reference in
/// C simulation and its RTL in co-simulation, and realistic faults in the kernel or the RTL fail at a named call.
/// </summary>
public sealed class HlsCatalogTests(HlsHost fixture) : IClassFixture<HlsHost>
{
    private readonly HlsTarget _target = new(fixture.Test.Host, fixture.Test.Versions);

    private static readonly TargetJob Job = new() { Options = new Dictionary<string, string> { ["calls"] = "200" } };

    private Task<TargetVerdict> VerifyAsync(HlsKernel kernel, string? kernelText = null, string? rtlText = null) =>
        _target.VerifyAsync(new DesignArtifact(HlsTarget.TargetName, kernel.Top,
            [SourceLoader.FromText("kernel.cpp", kernelText ?? kernel.Kernel), SourceLoader.FromText($"{kernel.Top}.v", rtlText ?? kernel.Rtl)]),
            kernel.ReferenceDesign, DesignHints.None, Job, CancellationToken.None);

    [Theory]
    [InlineData("fir", 12)]
    [InlineData("gemm_tile", 8)]
    [InlineData("softmax_row", 8)]
    public async Task Pragma_variants_of_a_family_match_its_reference_and_its_rtl(string family, int variants)
    {
        var kernels = HlsCatalog.Variants(HlsCatalog.Find(family)!).ToList();
        Assert.Equal(variants, kernels.Count);
        Assert.Equal(kernels.Count, kernels.Select(k => k.Kernel).Distinct().Count());   // each choice changes the source

        // The default (every optimisation on), every one off, and one between: the space's corners and a middle, so
        // the class stays a minute on two cores; the offline design runs judge every variant they propose.
        foreach (var kernel in new[] { kernels[0], kernels[^1], kernels[kernels.Count / 2] })
        {
            var verdict = await VerifyAsync(kernel);
            Assert.True(verdict.Passed, $"{kernel.Id}: {verdict.Summary}");
            Assert.Equal(Assurance.Simulated, verdict.Assurance);
            Assert.Equal(Verdict.Pass, Assert.IsType<HlsReport>(verdict.Report).Rtl!.Verdict);
        }
    }

    [Fact]
    public async Task A_fir_without_pipeline_gets_sequential_rtl_whose_latency_and_interval_co_simulation_measures()
    {
        var fir = HlsCatalog.Find("fir")!;
        var pipelined = await VerifyAsync(fir.Generate(new Dictionary<string, string> { ["pipeline"] = "on" }));
        var sequential = await VerifyAsync(fir.Generate(new Dictionary<string, string> { ["pipeline"] = "off", ["unroll"] = "none" }));

        Assert.True(sequential.Passed, sequential.Summary);
        var (fast, slow) = (Assert.IsType<HlsReport>(pipelined.Report).Rtl!, Assert.IsType<HlsReport>(sequential.Report).Rtl!);
        Assert.Equal((1, 1.0), (fast.LatencyMax, fast.Interval));
        Assert.Equal((5, 6.0), (slow.LatencyMax, slow.Interval));   // four taps, one per cycle, then done; the next call a cycle later
    }

    [Fact]
    public async Task Faults_in_catalog_kernels_fail_at_their_first_differing_call()
    {
        var fir = HlsCatalog.Find("fir")!.Generate(new Dictionary<string, string>());
        var gemm = HlsCatalog.Find("gemm_tile")!.Generate(new Dictionary<string, string>());
        var softmax = HlsCatalog.Find("softmax_row")!.Generate(new Dictionary<string, string>());

        var offByOne = await VerifyAsync(fir, kernelText: fir.Kernel.Replace("i >= 0; i--", "i > 0; i--"));
        var narrow = await VerifyAsync(gemm, kernelText: gemm.Kernel.Replace("acc_t sum = C[i][j];", "ap_int<16> sum = C[i][j];"));
        var narrowSum = await VerifyAsync(softmax, kernelText: softmax.Kernel.Replace("typedef ap_ufixed<18, 3> sum_t;", "typedef ap_ufixed<16, 1> sum_t;"));
        var missesLast = await VerifyAsync(softmax, kernelText: softmax.Kernel.Replace("for (int i = 1; i < N; i++)", "for (int i = 1; i < N - 1; i++)"));
        var rtlUnsignedMax = await VerifyAsync(softmax, rtlText: softmax.Rtl.Replace("$signed(x_0) > $signed(x_1) ? x_0 : x_1", "x_0 > x_1 ? x_0 : x_1"));

        Assert.Equal(1, Assert.IsType<HlsReport>(offByOne.Report).CSim!.FirstMismatch!.Call);   // the newest sample never enters
        Assert.Equal("csim", narrow.DecidedBy);
        Assert.Equal(FailureClass.FunctionalMismatch, narrow.FailureClass);
        Assert.StartsWith("call 0:", narrowSum.FirstMismatch);   // four equal logits: a sum of 4.0 wraps to 0 in ap_ufixed<16,1>
        Assert.Equal(FailureClass.FunctionalMismatch, missesLast.FailureClass);
        Assert.Equal("cosim", rtlUnsignedMax.DecidedBy);      // the C++ is right; its RTL compares logits unsigned
        Assert.Equal(FailureClass.FunctionalMismatch, rtlUnsignedMax.FailureClass);
        Assert.Contains("differs from the C++ kernel", rtlUnsignedMax.Summary);
    }
}
