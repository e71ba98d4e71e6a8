using HwForge.Tools.Programs.Yosys;
using static HwForge.Tools.Tests.Yosys.AsicDesigns;

namespace HwForge.Tools.Tests.Yosys;

public class YosysSynthesisTests
{
    [Fact]
    public async Task I_get_generic_cell_counts_for_a_counter()
    {
        using var test = new TestHost();
        var report = await YosysSynthesis.RunAsync(test.Host, test.Versions, Design(test, "counter.v", Counter), "counter", null);

        Assert.True(report.Succeeded, report.Summary());
        var stats = report.Stats!;
        Assert.Equal(4, stats.CellsByType.Where(c => c.Key.Contains("DFF")).Sum(c => c.Value));
        Assert.All(stats.CellsByType.Keys, type => Assert.StartsWith("$_", type));
        Assert.Equal(stats.CellCount, stats.CellsByType.Values.Sum());
        Assert.InRange(stats.LogicDepth, 1, 8);
        Assert.Null(stats.AreaUm2);
        Assert.Null(report.Netlist);
    }

    [Fact]
    public async Task I_get_area_and_cell_counts_for_a_counter_with_osu018()
    {
        using var test = new TestHost();
        var report = await YosysSynthesis.RunAsync(test.Host, test.Versions, Design(test, "counter.v", Counter), "counter", Osu018(test));

        Assert.True(report.Succeeded, report.Summary());
        var stats = report.Stats!;
        Assert.Equal(4, stats.CellsByType.GetValueOrDefault("DFFPOSX1"));
        Assert.Equal(stats.CellCount, stats.CellsByType.Values.Sum());
        Assert.DoesNotContain(stats.CellsByType.Keys, type => type.StartsWith('$'));
        // Four osu018 flip-flops are 96 µm² each; a dozen gates add a few hundred more.
        Assert.InRange(stats.AreaUm2!.Value, 4 * 96, 2000);
        Assert.Contains("module counter(", report.Netlist);
        Assert.Contains("DFFPOSX1", report.Netlist);
    }

    [Fact]
    public async Task The_same_design_takes_less_area_in_sky130_than_in_osu018()
    {
        using var test = new TestHost();
        var sources = Design(test, "mul.v", Multiplier);
        var osu = await YosysSynthesis.RunAsync(test.Host, test.Versions, sources, "mul", Osu018(test));
        var sky = await YosysSynthesis.RunAsync(test.Host, test.Versions, sources, "mul", Sky130(test));

        Assert.True(osu.Succeeded, osu.Summary());
        Assert.True(sky.Succeeded, sky.Summary());
        Assert.InRange(osu.Stats!.CellCount, 800, 3000);
        Assert.Contains(sky.Stats!.CellsByType.Keys, type => type.StartsWith("sky130_fd_sc_hd__dfxtp"));
        // 130 nm cells against 180 nm ones: several times smaller, not a rounding difference.
        Assert.True(sky.Stats.AreaUm2 < osu.Stats.AreaUm2 / 2, $"sky130 {sky.Stats.AreaUm2} µm² vs osu018 {osu.Stats.AreaUm2} µm²");
        Assert.DoesNotContain(sky.Warnings, w => w.Message.Contains("in pin attribute of cell"));
    }

    [Fact]
    public async Task The_logic_depth_of_a_ripple_adder_grows_with_its_width()
    {
        using var test = new TestHost();
        var depths = new List<int>();
        foreach (var width in new[] { 4, 8, 16 })
        {
            var report = await YosysSynthesis.RunAsync(test.Host, test.Versions, Design(test, "adder.v", RippleAdder(width)), "adder", null);
            Assert.True(report.Succeeded, report.Summary());
            depths.Add(report.Stats!.LogicDepth);
        }
        Assert.True(depths[0] < depths[1] && depths[1] < depths[2], $"depths {string.Join(", ", depths)}");
        Assert.True(depths[2] >= 16, $"a 16-bit ripple carry chain should be at least 16 gates deep, got {depths[2]}");
    }

    [Fact]
    public async Task A_syntax_error_is_reported_at_its_line_in_my_file()
    {
        using var test = new TestHost();
        var path = test.WriteFile("broken.v", "module broken(input a, output y);\n  wire t;\n  assign y = a &;\nendmodule\n");
        var report = await YosysSynthesis.RunAsync(test.Host, test.Versions, HwForge.Tools.Foundation.Sources.SourceLoader.Load([path]), "broken", null);

        Assert.False(report.Succeeded);
        Assert.Equal(SynthesisFailureKind.ParseError, report.Failure!.Kind);
        var error = Assert.Single(report.Failure.Messages);
        Assert.Equal(path, error.File);
        Assert.Equal(3, error.Line);
        Assert.Contains("syntax error", error.Message);
        Assert.Contains($"{path}:3:", report.Failure.Summary);
    }

    [Fact]
    public async Task An_unknown_top_module_is_a_typed_failure_that_names_it()
    {
        using var test = new TestHost();
        var report = await YosysSynthesis.RunAsync(test.Host, test.Versions, Design(test, "counter.v", Counter), "countr", Osu018(test));

        Assert.Equal(SynthesisFailureKind.UnknownTop, report.Failure?.Kind);
        Assert.Contains("'countr'", report.Failure!.Summary);
        Assert.NotEqual(0, report.Run.ExitCode);

        var fileName = await YosysSynthesis.RunAsync(test.Host, test.Versions, Design(test, "counter.v", Counter), "counter.v", null);
        Assert.Equal(SynthesisFailureKind.UnknownTop, fileName.Failure?.Kind);
    }

    [Fact]
    public async Task A_second_identical_synthesis_comes_from_the_cache()
    {
        using var test = new TestHost();
        var sources = Design(test, "counter.v", Counter);
        var first = await YosysSynthesis.RunAsync(test.Host, test.Versions, sources, "counter", Osu018(test));
        var second = await YosysSynthesis.RunAsync(test.Host, test.Versions, sources, "counter", Osu018(test));

        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(first.Stats!.AreaUm2, second.Stats!.AreaUm2);
        Assert.Equal(first.Netlist, second.Netlist);
    }

    [Fact]
    public async Task A_synthesis_that_outlives_its_time_limit_is_a_limit_verdict_not_a_crash()
    {
        using var test = new TestHost();
        var limits = YosysSynthesis.DefaultLimits.WithTimeout(TimeSpan.FromMilliseconds(300));
        // A 48x48 multiplier takes Yosys many seconds, so the 300 ms limit is always hit first.
        var large = Multiplier.Replace("[15:0]", "[47:0]").Replace("[31:0]", "[95:0]");
        var report = await YosysSynthesis.RunAsync(test.Host, test.Versions, Design(test, "mul.v", large), "mul", Osu018(test), limits);

        Assert.Equal(SynthesisFailureKind.Limit, report.Failure?.Kind);
        Assert.True(report.Run.TimedOut);
        Assert.Contains("timed out", report.Failure!.Summary);
    }
}
