using System.Diagnostics;
using HwForge.Tools.Programs.OpenSta;
using HwForge.Tools.Programs.Yosys;
using Xunit.Abstractions;
using static HwForge.Tools.Tests.Yosys.AsicDesigns;

namespace HwForge.Tools.Tests.OpenSta;

public class OpenStaAnalysisTests(ITestOutputHelper output)
{
    private static async Task<SynthesisReport> SynthesizeAsync(TestHost test, string name, string text, string top, bool sky130 = false)
    {
        var report = await YosysSynthesis.RunAsync(test.Host, test.Versions, Design(test, name, text), top, sky130 ? Sky130(test) : Osu018(test));
        Assert.True(report.Succeeded, report.Summary());
        return report;
    }

    [Fact]
    public async Task The_slack_of_a_registered_design_follows_the_clock_period()
    {
        using var test = new TestHost();
        var counter = await SynthesizeAsync(test, "counter.v", Counter, "counter");
        var slow = await OpenStaAnalysis.RunAsync(test.Host, test.Versions, counter.Netlist!, "counter", Osu018(test), "clk", 10, null, null);
        var fast = await OpenStaAnalysis.RunAsync(test.Host, test.Versions, counter.Netlist!, "counter", Osu018(test), "clk", 5, null, null);

        Assert.True(slow.Succeeded, slow.Summary());
        Assert.True(fast.Succeeded, fast.Summary());
        output.WriteLine(slow.Summary());
        Assert.InRange(slow.WorstSlackNs!.Value - fast.WorstSlackNs!.Value, 4.99, 5.01);
        Assert.Contains("flip-flop", slow.CriticalPath!.StartpointKind);
        Assert.Contains("flip-flop", slow.CriticalPath.EndpointKind);
        Assert.InRange(slow.CriticalPath.ArrivalNs, 0.1, 5);
        // Fmax is a property of the design, not of the period asked about.
        Assert.InRange(slow.FmaxMhz!.Value, fast.FmaxMhz!.Value * 0.999, fast.FmaxMhz.Value * 1.001);
        Assert.True(slow.MinPeriodNs > slow.CriticalPath.ArrivalNs, "the minimum period includes the setup time");
        Assert.InRange(slow.Power!.TotalW, 1e-6, 1e-2);
        Assert.False(slow.Activity.FromVcd);
        Assert.Contains("0.1 toggles per clock period", slow.Activity.Description);
    }

    [Fact]
    public async Task A_combinational_adder_reports_its_critical_path_from_input_to_output()
    {
        using var test = new TestHost();
        var narrow = await SynthesizeAsync(test, "adder.v", RippleAdder(4), "adder");
        var wide = await SynthesizeAsync(test, "adder.v", RippleAdder(16), "adder");
        var short_ = await OpenStaAnalysis.RunAsync(test.Host, test.Versions, narrow.Netlist!, "adder", Osu018(test), null, 20, null, null);
        var long_ = await OpenStaAnalysis.RunAsync(test.Host, test.Versions, wide.Netlist!, "adder", Osu018(test), null, 20, null, null);

        Assert.True(long_.Succeeded, long_.Summary());
        output.WriteLine(long_.CriticalPath!.Text);
        Assert.True(long_.Combinational);
        Assert.Contains("input port", long_.CriticalPath.StartpointKind);
        Assert.Contains("output port", long_.CriticalPath.EndpointKind);
        Assert.StartsWith("s[", long_.CriticalPath.Endpoint);
        // With zero external delays the minimum period is exactly the critical path.
        Assert.InRange(long_.MinPeriodNs!.Value, long_.CriticalPath.ArrivalNs - 0.001, long_.CriticalPath.ArrivalNs + 0.001);
        Assert.True(long_.CriticalPath.ArrivalNs > short_.CriticalPath!.ArrivalNs * 2,
            $"16-bit {long_.CriticalPath.ArrivalNs} ns vs 4-bit {short_.CriticalPath.ArrivalNs} ns");
    }

    [Fact]
    public async Task Power_measured_from_a_simulation_differs_from_the_default_activity()
    {
        using var test = new TestHost();
        var mul = await SynthesizeAsync(test, "mul.v", Multiplier, "mul");
        var vcd = await Traces.SimulateAsync(test, Multiplier, Traces.MultiplierBench);
        var assumed = await OpenStaAnalysis.RunAsync(test.Host, test.Versions, mul.Netlist!, "mul", Osu018(test), "clk", 10, null, null);
        var measured = await OpenStaAnalysis.RunAsync(test.Host, test.Versions, mul.Netlist!, "mul", Osu018(test), "clk", 10, vcd, "tb.dut");

        Assert.True(measured.Succeeded, measured.Summary());
        output.WriteLine(assumed.Summary());
        output.WriteLine(measured.Summary());
        Assert.True(measured.Activity.FromVcd);
        Assert.Equal(32, measured.Activity.AnnotatedPorts.Count);
        Assert.Contains("a[0]", measured.Activity.AnnotatedPorts);
        Assert.DoesNotContain("clk", measured.Activity.AnnotatedPorts);
        // Random operands toggle each bit about every other cycle, five times the assumed 0.1.
        Assert.True(measured.Power!.TotalW > assumed.Power!.TotalW * 1.3, $"VCD {measured.Power.TotalW} W vs default {assumed.Power.TotalW} W");
        Assert.Equal(assumed.WorstSlackNs, measured.WorstSlackNs);
    }

    [Fact]
    public async Task A_clock_port_the_design_lacks_is_a_typed_failure()
    {
        using var test = new TestHost();
        var counter = await SynthesizeAsync(test, "counter.v", Counter, "counter");
        var report = await OpenStaAnalysis.RunAsync(test.Host, test.Versions, counter.Netlist!, "counter", Osu018(test), "clock", 10, null, null);

        Assert.Equal(StaFailureKind.ClockPortMissing, report.Failure?.Kind);
        Assert.Contains("'clock'", report.Failure!.Summary);
        Assert.Null(report.WorstSlackNs);
    }

    [Fact]
    public async Task A_netlist_analysed_against_the_wrong_library_is_a_typed_failure()
    {
        using var test = new TestHost();
        var counter = await SynthesizeAsync(test, "counter.v", Counter, "counter");
        var report = await OpenStaAnalysis.RunAsync(test.Host, test.Versions, counter.Netlist!, "counter", Sky130(test), "clk", 10, null, null);

        Assert.Equal(StaFailureKind.NetlistError, report.Failure?.Kind);
        Assert.Contains("DFFPOSX1", report.Failure!.Summary);
    }

    [Fact]
    public async Task A_thousand_cell_multiplier_gets_timing_and_power_in_sky130()
    {
        using var test = new TestHost();
        var clock = Stopwatch.StartNew();
        var mul = await SynthesizeAsync(test, "mul.v", Multiplier, "mul", sky130: true);
        var synthesis = clock.Elapsed;
        var timing = await OpenStaAnalysis.RunAsync(test.Host, test.Versions, mul.Netlist!, "mul", Sky130(test), "clk", 10, null, null);
        var total = clock.Elapsed;

        Assert.True(timing.Succeeded, timing.Summary());
        output.WriteLine($"{mul.Summary()}\n{timing.Summary()}");
        output.WriteLine($"synthesis {synthesis.TotalSeconds:0.00} s (yosys {mul.Run.Duration.TotalSeconds:0.00} s), " +
            $"STA {(total - synthesis).TotalSeconds:0.00} s (sta {timing.Run.Duration.TotalSeconds:0.00} s)");
        Assert.InRange(mul.Stats!.CellCount, 800, 3000);
        Assert.InRange(timing.CriticalPath!.ArrivalNs, 1, 10);
        Assert.InRange(timing.FmaxMhz!.Value, 50, 1000);
    }
}
