using HwForge.Tools.Foundation;
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
    [InlineData("dot", 12)]
    [InlineData("mac", 4)]
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

    [Theory]
    [InlineData("gemm_tile", 1, 1.0, 17, 18.0)]     // 16 products at once, registered; or one per cycle
    [InlineData("softmax_row", 1, 1.0, 5, 6.0)]     // four dividers at once, registered; or one share per cycle
    [InlineData("dot", 1, 1.0, 9, 10.0)]            // eight products at once; or one per cycle
    [InlineData("mac", 2, 1.0, 2, 3.0)]             // multiply, accumulate: overlapped, or one call at a time
    public async Task A_familys_rtl_follows_its_pipeline_choice_as_co_simulation_measures(string family, int latency, double interval, int sequentialLatency, double sequentialInterval)
    {
        var kernels = HlsCatalog.Find(family)!;
        var pipelined = await VerifyAsync(kernels.Generate(new Dictionary<string, string> { ["pipeline"] = "on" }));
        var sequential = await VerifyAsync(kernels.Generate(new Dictionary<string, string> { ["pipeline"] = "off" }));

        Assert.True(pipelined.Passed, pipelined.Summary);
        Assert.True(sequential.Passed, sequential.Summary);
        var (fast, slow) = (Assert.IsType<HlsReport>(pipelined.Report).Rtl!, Assert.IsType<HlsReport>(sequential.Report).Rtl!);
        Assert.Equal((latency, interval), (fast.LatencyMax, fast.Interval));
        Assert.Equal((sequentialLatency, sequentialInterval), (slow.LatencyMax, slow.Interval));
    }

    [Fact]
    public async Task Dot_and_mac_take_their_width_and_length_and_keep_them_across_their_pragma_variants()
    {
        var dot = HlsCatalog.Find("dot")!;
        var mac = HlsCatalog.Find("mac")!;
        var wide = dot.Generate(new Dictionary<string, string> { ["width"] = "16", ["length"] = "4", ["pipeline"] = "off", ["unroll"] = "2" });
        var narrowMac = mac.Generate(new Dictionary<string, string> { ["width"] = "4", ["length"] = "16" });

        Assert.Contains("typedef ap_int<12> acc_t;", narrowMac.Kernel);    // 2·4 + log2 16
        Assert.Contains("typedef ap_int<34> acc_t;", wide.Kernel);         // 2·16 + log2 4
        Assert.All(HlsCatalog.Variants(dot, wide.Choices), k => Assert.Equal(("16", "4"), (k.Choices["width"], k.Choices["length"])));
        Assert.Equal(12, HlsCatalog.Variants(dot, wide.Choices).Count());
        Assert.Equal(new Dictionary<string, string> { ["width"] = "16", ["length"] = "4" }, dot.ParametersIn("a 16-bit dot product of length 4"));
        Assert.Equal(new Dictionary<string, string> { ["width"] = "12" }, mac.ParametersIn("a pipelined 12-bit MAC"));
        Assert.Throws<HwForgeException>(() => dot.ParametersIn("a 32-bit dot product"));

        var verdicts = await Task.WhenAll(VerifyAsync(wide), VerifyAsync(narrowMac));
        Assert.All(verdicts, v => Assert.True(v.Passed, v.Summary));
        Assert.Equal(5, Assert.IsType<HlsReport>(verdicts[0].Report).Rtl!.LatencyMax);   // four elements, one per cycle, then done
    }

    [Fact]
    public async Task Faults_in_catalog_kernels_fail_at_their_first_differing_call()
    {
        var fir = HlsCatalog.Find("fir")!.Generate(new Dictionary<string, string>());
        var gemm = HlsCatalog.Find("gemm_tile")!.Generate(new Dictionary<string, string>());
        var softmax = HlsCatalog.Find("softmax_row")!.Generate(new Dictionary<string, string>());
        var dot = HlsCatalog.Find("dot")!.Generate(new Dictionary<string, string>());
        var mac = HlsCatalog.Find("mac")!.Generate(new Dictionary<string, string> { ["pipeline"] = "off" });

        var offByOne = await VerifyAsync(fir, kernelText: fir.Kernel.Replace("i >= 0; i--", "i > 0; i--"));
        var narrow = await VerifyAsync(gemm, kernelText: gemm.Kernel.Replace("acc_t sum = C[i][j];", "ap_int<16> sum = C[i][j];"));
        var narrowSum = await VerifyAsync(softmax, kernelText: softmax.Kernel.Replace("typedef ap_ufixed<18, 3> sum_t;", "typedef ap_ufixed<16, 1> sum_t;"));
        var missesLast = await VerifyAsync(softmax, kernelText: softmax.Kernel.Replace("for (int i = 1; i < N; i++)", "for (int i = 1; i < N - 1; i++)"));
        var rtlUnsignedMax = await VerifyAsync(softmax, rtlText: softmax.Rtl.Replace("$signed(x_0) > $signed(x_1) ? x_0 : x_1", "x_0 > x_1 ? x_0 : x_1"));

        var dotNarrow = await VerifyAsync(dot, kernelText: dot.Kernel.Replace("acc_t sum = 0;", "ap_int<16> sum = 0;"));
        var macLocal = await VerifyAsync(mac, kernelText: mac.Kernel.Replace("static acc_t acc = 0;", "acc_t acc = 0;"));
        var macRtlDropsClear = await VerifyAsync(mac, rtlText: mac.Rtl.Replace("(clear_1 ? 0 : acc)", "acc"));

        Assert.Equal(FailureClass.FunctionalMismatch, dotNarrow.FailureClass);   // eight int8 products overflow 16 bits
        Assert.Equal("csim", macLocal.DecidedBy);                                // the accumulator forgets between calls
        Assert.Equal(FailureClass.FunctionalMismatch, macLocal.FailureClass);
        Assert.Equal("cosim", macRtlDropsClear.DecidedBy);
        Assert.Equal(FailureClass.FunctionalMismatch, macRtlDropsClear.FailureClass);
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
