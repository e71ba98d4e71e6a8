using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Hls;

namespace HwForge.Tools.Tests.Targets.Hls;

/// <summary>One tool host for the class, so a reference built once is answered from the cache afterwards.</summary>
public sealed class HlsHost : IDisposable
{
    public TestHost Test { get; } = new();

    public void Dispose() => Test.Dispose();
}

/// <summary>
/// C simulation with real g++ in the sandbox: correct Vitis-style kernels pass against plain references, faulty ones
/// fail at their first differing call, and hostile ones (printing PASS, exiting, aborting, looping, forging the log)
/// cannot pass, because the harness's logs, compared here, decide.
/// </summary>
public sealed class CSimulationTests(HlsHost fixture) : IClassFixture<HlsHost>
{
    private readonly CSimulation _csim = new(fixture.Test.Host, fixture.Test.Versions);

    // The default run timeout unless a test needs a hang to end sooner; the same request as the target's (300 calls,
    // seed 1) so the target test below is answered from the cache.
    private Task<CSimReport> RunAsync(string kernel, string top, string reference, string referenceTop, int calls = 300, int? timeoutSeconds = null) =>
        _csim.RunAsync(new CSimRequest([SourceLoader.FromText("kernel.cpp", kernel)], top, [SourceLoader.FromText("reference.cpp", reference)], referenceTop)
        {
            Calls = calls,
            Timeout = timeoutSeconds is { } t ? TimeSpan.FromSeconds(t) : new CSimRequest([], "", [], "").Timeout,
        }, CancellationToken.None);

    /// <summary>The first alone (it builds the reference into the cache), the rest together.</summary>
    private static async Task<CSimReport[]> InOrderAsync(params Func<Task<CSimReport>>[] runs)
    {
        var first = await runs[0]();
        return [first, .. await Task.WhenAll(runs.Skip(1).Select(r => r()))];
    }

    [Fact]
    public async Task A_pipelined_fir_with_static_shift_register_passes_and_its_faults_fail_at_the_first_differing_call()
    {
        var results = await InOrderAsync(
            () => RunAsync(HlsKernels.Fir, "fir", HlsKernels.FirReference, "fir_ref"),
            () => RunAsync(HlsKernels.FirOffByOne, "fir", HlsKernels.FirReference, "fir_ref"),
            () => RunAsync(HlsKernels.FirNarrowAccumulator, "fir", HlsKernels.FirReference, "fir_ref"),
            () => RunAsync(HlsKernels.FirOutOfBounds, "fir", HlsKernels.FirReference, "fir_ref"));
        var (good, offByOne, narrow, outOfBounds) = (results[0], results[1], results[2], results[3]);

        Assert.True(good.Verdict == Verdict.Pass, good.Summary);
        Assert.Equal(Assurance.Simulated, good.Assurance);   // 8 input bits, but static state: not enumerable
        Assert.Equal("random", good.Mode);
        Assert.Equal(300, good.Calls);

        Assert.Equal(Verdict.Fail, offByOne.Verdict);
        Assert.Equal(FailureClass.FunctionalMismatch, offByOne.FailureClass);
        Assert.Equal(1, offByOne.FirstMismatch!.Call);        // call 0 is all zeros; call 1 (x = -1) shows the missing tap
        Assert.Contains("x=0xff", offByOne.FirstMismatch.Inputs);
        Assert.Equal("output y", offByOne.FirstMismatch.Output);
        Assert.Equal("fffe1", offByOne.FirstMismatch.Expected);  // -31 in 20 bits

        Assert.Equal(FailureClass.FunctionalMismatch, narrow.FailureClass);
        Assert.True(narrow.FirstMismatch!.Call > 1, narrow.Summary);
        Assert.Equal(narrow.FirstMismatch.Call, narrow.MatchedCalls);

        // The sanitizers stop the program at the first out-of-bounds access, whatever it would have computed.
        Assert.Equal(FailureClass.SimulationAborted, outOfBounds.FailureClass);
        Assert.Contains("during call 0", outOfBounds.Summary);
        Assert.True(outOfBounds.Summary.Contains("runtime error") || outOfBounds.Summary.Contains("AddressSanitizer"), outOfBounds.Summary);
    }

    /// <summary>A C testbench in the kernel's file, as Vitis projects often have: it must neither run nor matter.</summary>
    private const string WithTestbench = """

        int main() {
            acc_t out;
            for (int i = 0; i < 10; i++) mac(i, i, i == 0, out);
            std::printf("PASS\n");
            return out == 0 ? 0 : 1;
        }
        """;

    [Fact]
    public async Task A_mac_with_a_static_accumulator_passes_and_a_wrong_reset_or_shift_fails()
    {
        var results = await InOrderAsync(
            () => RunAsync(HlsKernels.Mac, "mac", HlsKernels.MacReference, "mac_ref"),
            () => RunAsync(HlsKernels.MacWrongStaticReset, "mac", HlsKernels.MacReference, "mac_ref"),
            () => RunAsync(HlsKernels.MacWrongShift, "mac", HlsKernels.MacReference, "mac_ref"),
            () => RunAsync(HlsKernels.Mac + WithTestbench, "mac", HlsKernels.MacReference, "mac_ref"));

        Assert.True(results[0].Verdict == Verdict.Pass, results[0].Summary);
        Assert.True(results[3].Verdict == Verdict.Pass, results[3].Summary);   // its own main is renamed away, never run
        Assert.Equal(FailureClass.FunctionalMismatch, results[1].FailureClass);
        Assert.Equal(3, results[1].FirstMismatch!.Call);   // call 2 clears (the bool's top bit), call 3 accumulates
        Assert.Equal(FailureClass.FunctionalMismatch, results[2].FailureClass);
        Assert.Equal(1, results[2].FirstMismatch!.Call);   // (-1 * -1) >> 2 is 0, << 2 is 4
        Assert.Equal("output out", results[2].FirstMismatch!.Output);
    }

    [Fact]
    public async Task A_dot_product_over_const_arrays_passes_and_a_sign_mix_up_fails()
    {
        var results = await InOrderAsync(
            () => RunAsync(HlsKernels.Dot, "dot", HlsKernels.DotReference, "dot_ref"),
            () => RunAsync(HlsKernels.DotSignMixUp, "dot", HlsKernels.DotReference, "dot_ref"));

        Assert.True(results[0].Verdict == Verdict.Pass, results[0].Summary);
        Assert.Equal(["in a 8 8", "in b 8 8", "inout y 19 1"], results[0].Signature);
        Assert.Equal(FailureClass.FunctionalMismatch, results[1].FailureClass);
        Assert.Equal(1, results[1].FirstMismatch!.Call);
        Assert.Contains("a=0xff,ff,ff,ff,ff,ff,ff,ff", results[1].FirstMismatch!.Inputs);
    }

    [Fact]
    public async Task A_stateless_kernel_with_few_input_bits_is_checked_on_every_input_and_proven()
    {
        var results = await InOrderAsync(
            () => RunAsync(HlsKernels.SaturatingAdd, "satadd", HlsKernels.SaturatingAddReference, "satadd_ref"),
            () => RunAsync(HlsKernels.SaturatingAdd.Replace("AP_SAT", "AP_WRAP"), "satadd", HlsKernels.SaturatingAddReference, "satadd_ref"));

        Assert.True(results[0].Verdict == Verdict.Pass, results[0].Summary);
        Assert.Equal(Assurance.Proven, results[0].Assurance);
        Assert.Equal("exhaustive", results[0].Mode);
        Assert.Equal(1 << 15, results[0].Calls);          // a, b and the initial value of y: 15 bits
        Assert.Equal(FailureClass.FunctionalMismatch, results[1].FailureClass);
        Assert.Equal(Assurance.None, results[1].Assurance);
    }

    [Fact]
    public async Task Hostile_kernels_cannot_pass_by_printing_exiting_aborting_looping_or_forging_the_log()
    {
        const string forgeLog = """
            #include <cstdio>
            #include <cstdlib>
            static void forge() {
                FILE* f = std::fopen("hwforge-csim.log", "w");
                std::fprintf(f, "S in a 8 1\nM random 300\nE 300\n");
                std::fclose(f);
                std::exit(0);
            }
            """;
        var results = await InOrderAsync(
            () => RunAsync(HlsKernels.Mac.Replace("out = acc;", "out = 0; std::printf(\"PASS\\n\"); std::fprintf(stderr, \"PASS\\n\");"), "mac", HlsKernels.MacReference, "mac_ref", calls: 5000, timeoutSeconds: 5),
            () => RunAsync(HlsKernels.Mac.Replace("out = acc;", "out = acc; static int calls = 0; if (++calls == 5) std::exit(0);").Replace("#include <cstdio>", "#include <cstdlib>"), "mac", HlsKernels.MacReference, "mac_ref", calls: 5000, timeoutSeconds: 5),
            () => RunAsync(HlsKernels.Mac.Replace("out = acc;", "out = acc; if (a == 77) std::abort();").Replace("#include <cstdio>", "#include <cstdlib>"), "mac", HlsKernels.MacReference, "mac_ref", calls: 5000, timeoutSeconds: 5),
            () => RunAsync(HlsKernels.Mac.Replace("out = acc;", "out = acc; volatile int spin = 0; while (clear && a == 5) { spin = spin + 1; }"), "mac", HlsKernels.MacReference, "mac_ref", calls: 5000, timeoutSeconds: 5),
            () => RunAsync(forgeLog + HlsKernels.Mac.Replace("out = acc;", "forge();"), "mac", HlsKernels.MacReference, "mac_ref", calls: 5000, timeoutSeconds: 5));
        var (printsPass, exits, aborts, loops, forges) = (results[0], results[1], results[2], results[3], results[4]);

        Assert.Equal(FailureClass.FunctionalMismatch, printsPass.FailureClass);
        Assert.Equal(FailureClass.SimulationAborted, exits.FailureClass);
        Assert.Contains("during call 4", exits.Summary);
        Assert.Contains("exit()", exits.Summary);
        Assert.Equal(FailureClass.SimulationAborted, aborts.FailureClass);
        Assert.Contains("SIGABRT", aborts.Summary);
        Assert.Equal(FailureClass.Timeout, loops.FailureClass);
        Assert.All(results, r => Assert.Equal(Verdict.Fail, r.Verdict));
        Assert.NotEqual(Verdict.Pass, forges.Verdict);
    }

    [Fact]
    public async Task A_kernel_whose_arguments_differ_from_the_reference_or_cannot_compile_is_told_why()
    {
        var results = await InOrderAsync(
            () => RunAsync(HlsKernels.Mac.Replace("typedef ap_int<8> in_t;", "typedef ap_int<9> in_t;"), "mac", HlsKernels.MacReference, "mac_ref"),
            () => RunAsync(HlsKernels.Mac.Replace("out = acc;", "out = acc +;"), "mac", HlsKernels.MacReference, "mac_ref"),
            () => RunAsync(HlsKernels.Mac, "mac_top", HlsKernels.MacReference, "mac_ref"));

        Assert.Equal(FailureClass.WidthOrType, results[0].FailureClass);
        Assert.Contains("argument 1", results[0].Summary);
        Assert.Contains("9 bits", results[0].Summary);
        Assert.Equal(FailureClass.Compile, results[1].FailureClass);
        Assert.Contains("error", results[1].Summary);
        Assert.Equal(FailureClass.MissingPort, results[2].FailureClass);
        Assert.Contains("mac_top", results[2].Summary);
    }

    [Fact]
    public async Task The_hls_target_verifies_through_the_targets_seam_and_without_rtl_measures_nothing_only_estimates()
    {
        var registry = TargetRegistry.Create(fixture.Test.Host, fixture.Test.Versions);
        var target = registry.Get("hls");
        var design = DesignArtifact.Single("hls", "dot", "dot.cpp", HlsKernels.DotSignMixUp);
        var reference = DesignReference.Of(DesignArtifact.Single("hls", "dot_ref", "dot_ref.cpp", HlsKernels.DotReference));

        Assert.Null(await target.CheckReferenceAsync(reference, DesignHints.None, CancellationToken.None));
        var verdict = await target.VerifyAsync(design, reference, DesignHints.None, TargetJob.Default with
        {
            Options = new Dictionary<string, string> { ["calls"] = "300" },
        }, CancellationToken.None);
        var measured = await target.MeasureAsync(design, DesignHints.None, TargetJob.Default, CancellationToken.None);

        Assert.Equal(Verdict.Fail, verdict.Verdict);
        Assert.StartsWith("call 1: output y", verdict.FirstMismatch);
        Assert.Contains("call 1", target.Feedback(verdict, design));
        Assert.Equal("dot", target.TopOf(design));
        Assert.StartsWith("no RTL in the design, so nothing measured", measured.Basis);
        Assert.Empty(measured.Metrics.Values);
        Assert.Contains("estimated latency", measured.Details.Keys);
        Assert.Equal([".cpp", ".h", ".v", ".sv"], target.FileKinds.Select(k => k.Extension));
    }
}
