using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Hls;

namespace HwForge.Tools.Tests.Targets.Hls;

/// <summary>
/// The HLS target with RTL, through <see cref="ITarget"/> as a run uses it: a design's .v is co-simulated after C
/// simulation, an RTL reference judges a C++ kernel, and RTL that breaks the handshake or tries to forge the
/// testbench's log fails with the reason named. Real g++ and Verilator.
/// </summary>
public sealed class HlsRtlVerifyTests(HlsHost fixture) : IClassFixture<HlsHost>
{
    private readonly HlsTarget _target = new(fixture.Test.Host, fixture.Test.Versions);

    private static string Example(string kernel, string file) => File.ReadAllText(Path.Combine(Repository.Root, "examples", "hls", kernel, file));

    private static readonly string Fir4Rtl = Example("fir4", "rtl/fir4.v");

    private Task<TargetVerdict> VerifyAsync(string kernel, string? rtl, string referenceText, string referenceName, int calls = 100)
    {
        IReadOnlyList<SourceFile> files = rtl is null
            ? [SourceLoader.FromText("kernel.cpp", kernel)]
            : [SourceLoader.FromText("kernel.cpp", kernel), SourceLoader.FromText("fir4.v", rtl)];
        var design = new DesignArtifact(HlsTarget.TargetName, "fir4", files);
        var reference = DesignReference.Of(DesignArtifact.Single(HlsTarget.TargetName, "fir4", referenceName, referenceText));
        return _target.VerifyAsync(design, reference, DesignHints.None,
            new TargetJob { Options = new Dictionary<string, string> { ["calls"] = calls.ToString() } }, CancellationToken.None);
    }

    [Fact]
    public async Task A_kernel_with_its_rtl_passes_as_simulated_and_reports_both_stages()
    {
        var verdict = await VerifyAsync(Example("fir4", "equiv.cpp"), Fir4Rtl, Example("fir4", "ref.cpp"), "ref.cpp");

        Assert.True(verdict.Passed, verdict.Summary);
        Assert.Equal(Assurance.Simulated, verdict.Assurance);
        Assert.Equal("cosim", verdict.DecidedBy);
        var report = Assert.IsType<HlsReport>(verdict.Report);
        Assert.Equal(Verdict.Pass, report.CSim!.Verdict);
        Assert.Equal(1, report.Rtl!.LatencyMax);
        Assert.Contains("latency 1 cycle(s)", verdict.Summary);
    }

    [Fact]
    public async Task An_rtl_reference_judges_a_kernel_and_a_faulty_kernel_fails_at_its_first_differing_call()
    {
        var good = await VerifyAsync(Example("fir4", "equiv.cpp"), null, Fir4Rtl, "fir4.v");
        var bad = await VerifyAsync(Example("fir4", "faults/reversed_taps.cpp"), null, Fir4Rtl, "fir4.v");

        Assert.True(good.Passed, good.Summary);
        Assert.Equal(Assurance.Simulated, good.Assurance);
        Assert.Equal(Verdict.Fail, bad.Verdict);
        Assert.Equal(FailureClass.FunctionalMismatch, bad.FailureClass);
        Assert.Contains("differs from the RTL reference", bad.Summary);
        Assert.StartsWith("call 1:", bad.FirstMismatch);   // call 1 (x = -1) meets the first coefficient, 31 against 20
        Assert.Contains("RTL co-simulation", _target.Feedback(bad, DesignArtifact.Single(HlsTarget.TargetName, "fir4", "kernel.cpp", "")));
    }

    [Fact]
    public async Task Rtl_that_writes_files_is_refused_and_rtl_that_ends_the_simulation_fails()
    {
        var writer = Fir4Rtl.Replace("    always @(posedge ap_clk) begin\n", "    integer fd;\n    initial fd = $fopen(\"hwforge-cosim.log\", \"w\");\n    always @(posedge ap_clk) begin\n");
        var quitter = Fir4Rtl.Replace("            busy <= ap_start;\n", "            busy <= ap_start;\n            if (ap_start) $finish;\n");

        var wrote = await VerifyAsync(Example("fir4", "equiv.cpp"), writer, Example("fir4", "ref.cpp"), "ref.cpp");
        var quit = await VerifyAsync(Example("fir4", "equiv.cpp"), quitter, Example("fir4", "ref.cpp"), "ref.cpp");

        Assert.Equal(FailureClass.ForbiddenConstruct, wrote.FailureClass);
        Assert.Contains("$fopen", wrote.Summary);
        Assert.Equal(Verdict.Fail, quit.Verdict);
        Assert.Equal(FailureClass.SimulationAborted, quit.FailureClass);
    }

    [Fact]
    public async Task Rtl_without_the_conventions_ports_or_without_ap_done_fails_saying_which()
    {
        var noValid = Fir4Rtl.Replace(",\n    output reg         y_ap_vld", "").Replace("y_ap_vld <= 1'b0;", "").Replace("y_ap_vld <= ap_start;", "");
        var neverDone = Fir4Rtl.Replace("assign ap_done  = busy;", "assign ap_done  = 1'b0;");

        var missing = await VerifyAsync(Example("fir4", "equiv.cpp"), noValid, Example("fir4", "ref.cpp"), "ref.cpp", calls: 20);
        var hangs = await VerifyAsync(Example("fir4", "equiv.cpp"), neverDone, Example("fir4", "ref.cpp"), "ref.cpp", calls: 20);

        Assert.Equal(FailureClass.MissingPort, missing.FailureClass);
        Assert.Contains("y_ap_vld", missing.Summary);
        Assert.Equal(FailureClass.Timeout, hangs.FailureClass);
        Assert.Contains("no ap_done", hangs.Summary);
    }

    [Fact]
    public async Task Measuring_a_kernel_with_rtl_gives_measured_latency_and_real_ppa_with_the_estimate_named_as_such()
    {
        var design = new DesignArtifact(HlsTarget.TargetName, "mac8",
            [SourceLoader.FromText("kernel.cpp", Example("mac8", "equiv.cpp")), SourceLoader.FromText("mac8.v", Example("mac8", "rtl/mac8.v"))]);
        var alone = design with { Files = [design.Files[0]] };

        var measured = await _target.MeasureAsync(design, DesignHints.None, new TargetJob { Options = new Dictionary<string, string> { ["calls"] = "100" } }, CancellationToken.None);
        var estimatedOnly = await _target.MeasureAsync(alone, DesignHints.None, TargetJob.Default, CancellationToken.None);

        Assert.True(measured.Succeeded, measured.Problem);
        Assert.Equal(2, measured.Metrics["latency"]);          // the two-stage pipeline, as co-simulation saw it
        Assert.True(measured.Metrics.Area > 0);                // Yosys synthesis of the RTL
        Assert.True(measured.Metrics.Delay > 0);
        Assert.Equal(1, measured.Details["interval"]);
        Assert.True(measured.Details.ContainsKey("estimated latency"));
        Assert.Contains("estimated from the source", measured.Basis);
        Assert.True(estimatedOnly.Succeeded);
        Assert.Null(estimatedOnly.Metrics["latency"]);         // no RTL: nothing measured, nothing for the reward
        Assert.True(estimatedOnly.Details.ContainsKey("estimated interval"));
        Assert.StartsWith("no RTL in the design", estimatedOnly.Basis);
    }

    [Fact]
    public async Task A_kernel_whose_pragma_vitis_would_reject_fails_before_anything_is_built_and_the_draft_check_says_so()
    {
        var kernel = Example("fir4", "equiv.cpp").Replace("variable=shift_reg", "variable=shift_register");

        var verdict = await VerifyAsync(kernel, null, Example("fir4", "ref.cpp"), "ref.cpp");
        var draft = await _target.DraftCheck!.RunAsync(kernel, CancellationToken.None);

        Assert.Equal(FailureClass.Syntax, verdict.FailureClass);
        Assert.Equal("pragmas", verdict.DecidedBy);
        Assert.Contains("variable=shift_register is not an array of fir4", verdict.Summary);
        Assert.Contains("shift_register", draft);
        Assert.StartsWith("no pragma problems", await _target.DraftCheck.RunAsync(Example("fir4", "equiv.cpp"), CancellationToken.None));
    }
}
