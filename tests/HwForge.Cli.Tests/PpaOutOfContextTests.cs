using System.Text.Json;
using HwForge.Tools.Targets.Rtl.Catalog;
using Xunit.Abstractions;

namespace HwForge.Cli.Tests;

/// <summary>
/// <c>hwforge ppa --fpga ice40 --out-of-context</c>: the catalog's MACs have more ports than the UP5K's 39 pins, and
/// out of context they are placed and routed anyway, with Fmax and LUTs of the logic alone, said to be out of context.
/// </summary>
public sealed class PpaOutOfContextTests(ITestOutputHelper log) : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    public async Task A_catalog_MAC_with_more_ports_than_the_package_has_pins_gets_out_of_context_fmax_and_luts(int width)
    {
        var mac = KernelCatalog.Generate("mac", KernelParameters.Of(("width", width), ("signed", true), ("pipeline", 1)));
        var design = _hwforge.WriteFile(mac.DesignFileName, mac.Verilog);

        // In context the UP5K's package is too small for it: that is what the option is for.
        var inContext = await _hwforge.RunAsync("ppa", design, "--top", mac.Top, "--fpga", "up5k");
        Assert.Equal(1, inContext.ExitCode);
        Assert.Contains("IO", inContext.Output);

        var text = await _hwforge.RunAsync("ppa", design, "--top", mac.Top, "--fpga", "ice40", "--out-of-context");
        Assert.True(text.ExitCode == 0, text.Output + text.Error);
        log.WriteLine(text.Output);
        Assert.Contains("out of context", text.Output);
        Assert.Contains("not assigned to package pins", text.Output);
        Assert.Matches(@"\d+ LUTs", text.Output);
        Assert.Matches(@"Fmax [\d.]+ MHz", text.Output);
        Assert.Contains($"clock {mac.Clock}: Fmax", text.Output);
        Assert.DoesNotContain("measured on the iCE40HX8K", text.Error); // three pins fit the UP5K

        var json = await _hwforge.RunAsync("ppa", design, "--top", mac.Top, "--fpga", "ice40", "--out-of-context", "--json");
        Assert.Equal(0, json.ExitCode);
        var report = JsonDocument.Parse(json.Output).RootElement;
        Assert.True(report.GetProperty("outOfContext").GetBoolean());
        Assert.Contains("out of context", report.GetProperty("library").GetString());
        Assert.InRange(report.GetProperty("fmaxMhz").GetDouble(), 5, 500);
        // The design's own LUTs (its accumulator's adder alone needs one per bit; the UP5K's DSPs take the multiplier),
        // fewer than the logic cells, whose total includes the wrapper's registers.
        var cells = report.GetProperty("cellsByType");
        var luts = cells.GetProperty("SB_LUT4").GetInt32();
        Assert.False(cells.TryGetProperty("SB_DFF", out var plain) && plain.GetInt32() >= 2 * width, "the wrapper's registers are not the design's");
        Assert.InRange(luts, 2 * width, report.GetProperty("cellCount").GetInt32() - 2 * width);
    }

    [Fact]
    public async Task Out_of_context_without_an_fpga_is_a_usage_error()
    {
        var mac = KernelCatalog.Generate("mac", KernelParameters.Of(("width", 8)));
        var design = _hwforge.WriteFile(mac.DesignFileName, mac.Verilog);
        var run = await _hwforge.RunAsync("ppa", design, "--top", mac.Top, "--out-of-context");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--fpga", run.Error);
    }

    public void Dispose() => _hwforge.Dispose();
}
