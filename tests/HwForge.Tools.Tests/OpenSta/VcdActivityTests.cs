using HwForge.Tools.Programs.OpenSta;
using static HwForge.Tools.Tests.Yosys.AsicDesigns;

namespace HwForge.Tools.Tests.OpenSta;

public class VcdActivityTests
{
    [Fact]
    public async Task Activity_read_from_an_Icarus_trace_matches_what_the_testbench_did()
    {
        using var test = new TestHost();
        var vcd = await Traces.SimulateAsync(test, Multiplier, Traces.MultiplierBench);
        var trace = VcdActivity.Read(vcd, "tb.dut", clockPeriodNs: 10);

        Assert.Null(trace.Problem);
        var byName = trace.Signals.ToDictionary(s => s.Name);
        // The clock rises and falls once per period and is high half the time.
        Assert.InRange(byName["clk"].TogglesPerPeriod, 1.95, 2.05);
        Assert.InRange(byName["clk"].Duty, 0.45, 0.55);
        // Random operands: each bit changes on about half the cycles.
        Assert.InRange(byName["a[0]"].TogglesPerPeriod, 0.35, 0.65);
        Assert.InRange(byName["b[15]"].Duty, 0.3, 0.7);
        Assert.Contains("p[31]", byName.Keys);
        Assert.Contains("ra[7]", byName.Keys);
    }

    [Fact]
    public void A_scope_the_trace_lacks_is_a_problem_not_silence()
    {
        const string vcd = "$timescale 1ns $end\n$scope module tb $end\n$var wire 1 ! x $end\n$upscope $end\n$enddefinitions $end\n#0\n0!\n#10\n1!\n#20\n";
        Assert.Contains("no signals in scope 'tb.dut'", VcdActivity.Read(vcd, "tb.dut", 10).Problem);
        var tb = VcdActivity.Read(vcd, null, 10);
        Assert.Equal("tb", tb.Scope);
        var x = Assert.Single(tb.Signals);
        Assert.Equal(0.5, x.TogglesPerPeriod, 3);
        Assert.Equal(0.5, x.Duty, 3);
    }
}
