using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs.Nextpnr;

namespace HwForge.Tools.Tests.Nextpnr;

/// <summary>Real designs through the real yosys and nextpnr-ice40, in the sandbox.</summary>
public sealed class NextpnrIce40Tests : IDisposable
{
    private readonly TestHost _test = new();

    private static string Counter(int width) => $$"""
        module counter(input clk, input rst, output reg [{{width - 1}}:0] q);
          always @(posedge clk) if (rst) q <= 0; else q <= q + 1;
        endmodule
        """;

    /// <summary>
    /// Operands arrive serially so the design needs three pins, not 65: the UP5K's sg48 package has only 39.
    /// </summary>
    private static string SerialMultiplier(int width) => $$"""
        module mul(input clk, input din, output [7:0] y);
          reg [{{width - 1}}:0] a, b; reg [{{2 * width - 1}}:0] p;
          always @(posedge clk) begin a <= {a[{{width - 2}}:0], din}; b <= {b[{{width - 2}}:0], a[{{width - 1}}]}; p <= a * b; end
          assign y = p[{{2 * width - 1}}:{{2 * width - 8}}] ^ p[7:0];
        endmodule
        """;

    private Task<FpgaReport> PlaceAndRoute(string name, string text, string top, Ice40Device device, double? freq = null, TimeSpan? timeout = null) =>
        NextpnrIce40.RunAsync(_test.Host, _test.Versions, [SourceLoader.LoadOne(_test.WriteFile(name, text))], top, device, freq, timeout);

    [Fact]
    public async Task I_can_see_how_many_logic_cells_a_counter_uses_and_how_fast_it_runs_on_an_hx1k()
    {
        var report = await PlaceAndRoute("counter.v", Counter(8), "counter", Ice40Device.Hx1k, freq: 50);

        Assert.True(report.Routed, report.Summary);
        Assert.InRange(report.LogicCells!.Used, 8, 40); // eight flip-flops and their carry logic
        Assert.Equal(1280, report.LogicCells.Available);
        Assert.Equal(new ResourceUse(0, 16), report.RamBlocks);
        Assert.Null(report.DspBlocks);
        Assert.Equal(10, report.Io!.Used); // clk, rst and q[7:0]
        var clock = Assert.Single(report.Clocks);
        Assert.Equal("clk", clock.Clock);
        Assert.InRange(clock.FmaxMhz, 50, 2000);
        Assert.Equal(50, clock.TargetMhz);
        Assert.True(clock.MetTarget);
        Assert.True(report.MetTiming);
        Assert.Contains("clock clk: Fmax", report.Summary);
    }

    [Fact]
    public async Task A_clock_that_misses_its_target_still_gets_its_fmax_and_a_failing_verdict()
    {
        var report = await PlaceAndRoute("counter.v", Counter(32), "counter", Ice40Device.Hx1k, freq: 1000);

        Assert.True(report.Routed, report.Summary);
        var clock = Assert.Single(report.Clocks);
        Assert.Equal(1000, clock.TargetMhz);
        Assert.InRange(clock.FmaxMhz, 1, 999);
        Assert.False(clock.MetTarget);
        Assert.False(report.MetTiming);
        Assert.Contains("FAILS 1000 MHz", report.Summary);
    }

    [Fact]
    public async Task A_wider_counter_uses_more_logic_cells()
    {
        var narrow = await PlaceAndRoute("counter.v", Counter(8), "counter", Ice40Device.Hx1k);
        var wide = await PlaceAndRoute("counter.v", Counter(32), "counter", Ice40Device.Hx1k);

        Assert.True(narrow.Routed && wide.Routed, narrow.Summary + "\n" + wide.Summary);
        Assert.True(wide.LogicCells!.Used >= narrow.LogicCells!.Used + 24, $"{narrow.LogicCells} vs {wide.LogicCells}");
        // A longer carry chain is slower.
        Assert.True(wide.Clocks[0].FmaxMhz < narrow.Clocks[0].FmaxMhz, $"{narrow.Clocks[0].FmaxMhz} vs {wide.Clocks[0].FmaxMhz}");
    }

    [Fact]
    public async Task A_16x16_multiplier_on_an_up5k_uses_a_dsp_block_instead_of_logic()
    {
        var report = await PlaceAndRoute("mul.v", SerialMultiplier(16), "mul", Ice40Device.Up5k);

        Assert.True(report.Routed, report.Summary);
        Assert.Equal(new ResourceUse(1, 8), report.DspBlocks);
        Assert.True(report.LogicCells!.Used < 200, $"{report.LogicCells} logic cells: the multiplier went into LUTs");
        Assert.Equal(5280, report.LogicCells.Available);
        Assert.Contains("DSP blocks", report.Summary);
    }

    [Fact]
    public async Task A_combinational_design_reports_its_longest_path_instead_of_a_clock()
    {
        var report = await PlaceAndRoute("add.v", "module add(input [7:0] a, b, output [8:0] y);\n  assign y = a + b;\nendmodule\n",
            "add", Ice40Device.Hx8k);

        Assert.True(report.Routed, report.Summary);
        Assert.Empty(report.Clocks);
        Assert.InRange(report.CombinationalDelayNs ?? 0, 0.5, 100);
        Assert.Equal(7680, report.LogicCells!.Available);
    }

    [Fact]
    public async Task A_design_too_big_for_an_hx1k_is_a_typed_failure_that_says_what_to_do()
    {
        var shiftRegister = """
            module big(input clk, input din, output dout);
              reg [1499:0] s;
              always @(posedge clk) s <= {s[1498:0], din};
              assign dout = s[1499] ^ s[700];
            endmodule
            """;
        var report = await PlaceAndRoute("big.v", shiftRegister, "big", Ice40Device.Hx1k);

        Assert.Equal(FpgaOutcome.TooBig, report.Outcome);
        Assert.True(report.LogicCells!.Used > 1280, report.LogicCells.ToString());
        Assert.False(report.LogicCells.Fits);
        Assert.Contains("logic cells", report.Message);
        Assert.Contains("larger device", report.Message);
    }

    [Fact]
    public async Task A_synthesis_error_carries_yosys_message_at_my_file()
    {
        var path = _test.WriteFile("broken.v", "module broken(input a, output b);\n  assign b = a\nendmodule\n");
        var report = await NextpnrIce40.RunAsync(_test.Host, _test.Versions, [SourceLoader.LoadOne(path)], "broken", Ice40Device.Hx1k, null);

        Assert.Equal(FpgaOutcome.SynthesisFailed, report.Outcome);
        Assert.Contains($"{path}:3: ERROR: syntax error", report.Message);
        Assert.Empty(report.Utilisation);
    }

    [Fact]
    public async Task A_place_and_route_that_outlives_its_budget_is_a_typed_timeout()
    {
        var report = await PlaceAndRoute("mul.v", SerialMultiplier(32), "mul", Ice40Device.Hx8k, timeout: TimeSpan.FromSeconds(1));

        Assert.Equal(FpgaOutcome.LimitHit, report.Outcome);
        Assert.True(report.TimedOut);
        Assert.Equal(LimitHit.WallClock, report.Run.Limit);
        Assert.Contains("timed out", report.Message);
    }

    [Fact]
    public async Task The_same_design_twice_is_answered_from_the_cache_with_the_same_figures()
    {
        var first = await PlaceAndRoute("counter.v", Counter(16), "counter", Ice40Device.Hx1k, freq: 100);
        var second = await PlaceAndRoute("counter.v", Counter(16), "counter", Ice40Device.Hx1k, freq: 100);

        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(first.LogicCells, second.LogicCells);
        Assert.Equal(first.Clocks, second.Clocks);
    }

    public void Dispose() => _test.Dispose();
}
