using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Targets.Rtl.Ppa;

namespace HwForge.Tools.Tests.Ppa;

public sealed class PpaAnalysisTests : IDisposable
{
    private readonly TestHost _test = new();

    private Task<PpaReport> MeasureAsync(string example, Func<PpaRequest, PpaRequest>? adjust = null)
    {
        var request = new PpaRequest([SourceLoader.LoadOne(Path.Combine(Repository.Examples, example, "ref.v"))], example);
        return new PpaAnalysis(_test.Host, _test.Versions).MeasureAsync(adjust?.Invoke(request) ?? request);
    }

    /// <summary>An asynchronous reset arrives at 0 ns; it must not be reported as the design's critical path.</summary>
    [Fact]
    public async Task The_critical_path_of_a_design_with_an_asynchronous_reset_is_a_real_data_path()
    {
        var report = await MeasureAsync("shift_reg8");
        Assert.True(report.Succeeded, report.Failure);
        Assert.True(report.CriticalPathNs > 0.1, $"critical path {report.CriticalPathNs} ns");
        Assert.NotEqual("rst_n", report.CriticalPathFrom);
    }

    [Fact]
    public async Task Power_comes_from_the_designs_own_simulation_and_scales_with_the_clock()
    {
        var slow = await MeasureAsync("counter8");
        var fast = await MeasureAsync("counter8", r => r with { ClockPeriodNs = 5 });
        Assert.Contains("HwForge's random simulation", slow.Activity);
        Assert.InRange(fast.TotalPowerW!.Value / slow.TotalPowerW!.Value, 1.7, 2.3);
        Assert.Equal(slow.AreaUm2, fast.AreaUm2);
    }

    [Fact]
    public async Task The_generic_flow_counts_gates_and_depth_without_timing()
    {
        var report = await MeasureAsync("adder8", r => r with { Liberty = "generic" });
        Assert.True(report.Succeeded);
        Assert.Null(report.AreaUm2);
        Assert.Null(report.CriticalPathNs);
        Assert.True(report.LogicDepth > 4);
        Assert.Contains(report.CellsByType.Keys, k => k.StartsWith("$_", StringComparison.Ordinal));
    }

    public void Dispose() => _test.Dispose();
}
