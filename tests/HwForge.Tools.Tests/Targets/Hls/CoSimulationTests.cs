using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Hls;
using HwForge.Tools.Targets.Hls.CoSim;

namespace HwForge.Tools.Tests.Targets.Hls;

/// <summary>
/// RTL tied to HLS C++ by co-simulation: real g++ for the C side, real Verilator driving the RTL through the
/// ap_ctrl_hs handshake on the same calls. The examples' RTL matches its kernel bit for bit, one call at a time and
/// overlapped, with its latency and interval measured; faulty RTL fails at its first differing call.
/// </summary>
public sealed class CoSimulationTests(HlsHost fixture) : IClassFixture<HlsHost>
{
    private static string Example(string kernel, string file) => Path.Combine(Repository.Root, "examples", "hls", kernel, file);

    private async Task<CoSimReport> CoSimulateAsync(string kernel, string rtlFile, int calls = 200)
    {
        var csim = await new CSimulation(fixture.Test.Host, fixture.Test.Versions).RunAsync(
            new CSimRequest(SourceLoader.Load([Example(kernel, "equiv.cpp")]), kernel, SourceLoader.Load([Example(kernel, "ref.cpp")]), kernel) { Calls = calls },
            CancellationToken.None);
        Assert.True(csim.Verdict == Verdict.Pass, csim.Summary);
        return await new CoSimulation(fixture.Test.Host, fixture.Test.Versions).RunAsync(
            new CoSimRequest(SourceLoader.Load([Example(kernel, rtlFile)]), kernel), csim.KernelLog!, rtlIsReference: false, CancellationToken.None);
    }

    [Fact]
    public async Task A_pipelined_fir_in_rtl_matches_its_hls_kernel_with_latency_1_and_interval_1()
    {
        var report = await CoSimulateAsync("fir4", "rtl/fir4.v");

        Assert.True(report.Verdict == Verdict.Pass, report.Summary);
        Assert.Equal(200, report.MatchedCalls);
        Assert.Equal(1, report.LatencyMin);
        Assert.Equal(1, report.LatencyMax);
        Assert.Equal(1.0, report.Interval);
    }

    [Fact]
    public async Task Rtl_with_swapped_taps_fails_at_the_first_call_whose_history_shows_it()
    {
        var report = await CoSimulateAsync("fir4", "rtl/swapped_taps.v");

        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.Equal(FailureClass.FunctionalMismatch, report.FailureClass);
        // Taps 2 and 3 hold the samples of two and three calls back: zero until call 1's -1 (all ones) reaches
        // tap 2 at call 3, the first call on which the swapped coefficients give a different sum.
        Assert.Equal(3, report.FirstMismatch!.Call);
        Assert.Equal("y", report.FirstMismatch.Output);
        Assert.Contains("one call at a time", report.Summary);
    }

    [Fact]
    public async Task Rtl_that_resets_its_state_differently_from_the_c_statics_fails_on_a_call_that_reads_the_state()
    {
        var report = await CoSimulateAsync("fir4", "rtl/wrong_reset.v");

        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.Equal(0, report.FirstMismatch!.Call);   // the oldest tap is 1, not 0, from the start
        Assert.Equal("00014", report.FirstMismatch.Got);  // 1 * 20
    }

    [Fact]
    public async Task A_two_stage_mac_pipeline_matches_with_latency_2_and_a_logical_shift_fails()
    {
        var good = await CoSimulateAsync("mac8", "rtl/mac8.v");
        var bad = await CoSimulateAsync("mac8", "rtl/logical_shift.v");

        Assert.True(good.Verdict == Verdict.Pass, good.Summary);
        Assert.Equal(2, good.LatencyMax);
        Assert.Equal(1.0, good.Interval);
        Assert.Equal(Verdict.Fail, bad.Verdict);
        Assert.Equal(FailureClass.FunctionalMismatch, bad.FailureClass);
    }
}
