using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Tools.Tests.Judge;

/// <summary>
/// C++ golden models compiled with the real g++ in the sandbox and compared with real Verilog
/// designs simulated by Icarus under the harness, on the same stimulus.
/// </summary>
public sealed class CppGoldenModelTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly TestHost _test = new();

    /// <summary>The registered counter of <see cref="JudgeFixture.Counter"/>, seen before each rising edge.</summary>
    private const string CounterModel = """
        #include "hwforge_model.h"

        void hwforge_step(const Inputs& in, Outputs& out) {
            static uint64_t q = 0;
            static bool reset_seen = false;            // the Verilog register is x until a reset edge
            out.q = q;                                 // what shows before this cycle's edge
            if (!reset_seen) out.hwforge_unknown.q = ~0ull;
            if (in.rst) { q = 0; reset_seen = true; }  // the edge at the end of this cycle
            else if (in.en) q = (q + 1) & 0xff;
        }
        """;

    private const string AdderModel = """
        #include "hwforge_model.h"

        void hwforge_step(const Inputs& in, Outputs& out) {
            out.s = in.a + in.b;
        }
        """;

    [Fact]
    public async Task A_counter_golden_model_matches_the_verilog_counter_cycle_for_cycle()
    {
        var (module, stimulus, verilog) = await SimulateVerilogAsync(JudgeFixture.Counter, "counter", cycles: 300);

        var model = await RunModelAsync(CounterModel, module, stimulus);

        Assert.True(model.Succeeded, model.Detail);
        Assert.True(model.Trace.Complete);
        Assert.Equal(300, model.Trace.Cycles.Count);
        Assert.Equal("xxxxxxxx", model.Trace.Cycles[0][0]); // before the first edge, as the Verilog shows it
        Assert.Contains(model.Trace.Cycles, c => c[0] != "xxxxxxxx" && Convert.ToInt32(c[0], 2) > 5); // it really counted
        Assert.Null(TraceComparer.FirstMismatch(module, stimulus, model.Trace, verilog, "C++ golden model"));
    }

    [Fact]
    public async Task A_golden_model_with_the_wrong_increment_disagrees_with_the_verilog()
    {
        var (module, stimulus, verilog) = await SimulateVerilogAsync(JudgeFixture.Counter, "counter", cycles: 300);

        var model = await RunModelAsync(CounterModel.Replace("q + 1", "q + 2"), module, stimulus);

        Assert.True(model.Succeeded, model.Detail);
        var mismatch = Assert.IsType<Mismatch>(TraceComparer.FirstMismatch(module, stimulus, model.Trace, verilog, "C++ golden model"));
        Assert.Equal("q", mismatch.Signal);
        Assert.Equal(Convert.ToInt32(verilog.Cycles[mismatch.Cycle][0], 2) + 1, Convert.ToInt32(model.Trace.Cycles[mismatch.Cycle][0], 2));
    }

    [Fact]
    public async Task A_combinational_adder_model_keeps_the_carry_in_its_nine_bit_output()
    {
        var (module, stimulus, verilog) = await SimulateVerilogAsync(JudgeFixture.Adder, "add8", cycles: 200);

        var model = await RunModelAsync(AdderModel, module, stimulus);

        Assert.True(model.Succeeded, model.Detail);
        Assert.All(model.Trace.Cycles, c => Assert.Equal(9, c[0].Length));
        Assert.Contains(model.Trace.Cycles, c => c[0][0] == '1'); // some sums carried
        Assert.Null(TraceComparer.FirstMismatch(module, stimulus, model.Trace, verilog, "C++ golden model"));
    }

    [Fact]
    public async Task Outputs_are_masked_to_the_port_width_and_signed_inputs_arrive_as_raw_bits()
    {
        var module = new ModuleInterface("neg", [new Port("a", PortDirection.Input, 4), new Port("y", PortDirection.Output, 6)]);
        var stimulus = new Stimulus(module.DrivenInputs, [["1111"], ["0111"]]);
        const string Negate = """
            #include "hwforge_model.h"
            void hwforge_step(const Inputs& in, Outputs& out) {
                out.y = static_cast<uint64_t>(-hwforge_signed(in.a, 4)); // -(-1) = 1, -(7) = -7
            }
            """;

        var model = await RunModelAsync(Negate, module, stimulus);

        Assert.True(model.Succeeded, model.Detail);
        Assert.Equal(["000001"], model.Trace.Cycles[0]);
        Assert.Equal(["111001"], model.Trace.Cycles[1]);
    }

    [Fact]
    public async Task A_model_that_does_not_compile_is_a_compile_failure_with_the_gxx_message()
    {
        var (module, stimulus) = await AdderInterfaceAsync();

        var model = await RunModelAsync(AdderModel.Replace("in.b", "in.c"), module, stimulus);

        Assert.Equal(CppModelFailure.Compile, model.Failure);
        Assert.Contains("golden.cpp", model.Detail);
        Assert.Contains("has no member named", model.Detail);
        Assert.Empty(model.Trace.Cycles);
    }

    [Fact]
    public async Task A_model_that_loops_forever_is_a_timeout_that_says_where_it_stuck()
    {
        var (module, stimulus) = await AdderInterfaceAsync();
        const string Hangs = """
            #include "hwforge_model.h"
            void hwforge_step(const Inputs& in, Outputs& out) {
                static int cycle = 0;
                if (cycle++ == 3) for (volatile unsigned long spin = 0;; ++spin) {}
                out.s = in.a + in.b;
            }
            """;

        var model = await RunModelAsync(Hangs, module, stimulus, TimeSpan.FromSeconds(8));

        Assert.Equal(CppModelFailure.Limit, model.Failure);
        Assert.Equal(LimitHit.WallClock, model.Limit);
        Assert.Contains("timed out", model.Detail);
        Assert.Contains("after 3 of 20 cycles", model.Detail);
    }

    [Fact]
    public async Task A_model_that_crashes_is_a_crash_with_its_exit_code()
    {
        var (module, stimulus) = await AdderInterfaceAsync();
        const string Crashes = """
            #include "hwforge_model.h"
            #include <cstdio>
            void hwforge_step(const Inputs& in, Outputs& out) {
                static int cycle = 0;
                if (cycle++ == 5) { std::puts("about to fail"); std::fflush(stdout); *static_cast<volatile int*>(nullptr) = 1; }
                out.s = in.a + in.b;
            }
            """;

        var model = await RunModelAsync(Crashes, module, stimulus);

        Assert.Equal(CppModelFailure.Crash, model.Failure);
        Assert.NotEqual(0, model.Run!.ExitCode);
        Assert.Contains("after 5 of 20 cycles", model.Detail);
        Assert.Contains("about to fail", model.Detail);
    }

    [Fact]
    public async Task A_port_wider_than_64_bits_is_refused_before_anything_runs()
    {
        var (module, _) = await ProbeAsync("module wide(input [127:0] a, output [127:0] y);\n  assign y = ~a;\nendmodule\n", "wide");
        var stimulus = StimulusGenerator.Generate(module, 4, seed: 1);

        var model = await RunModelAsync(AdderModel, module, stimulus);

        Assert.Equal(CppModelFailure.Unsupported, model.Failure);
        Assert.Null(model.Run);
        Assert.Contains("at most 64 bits", model.Detail);
        Assert.Contains("[127:0] a", model.Detail);
    }

    [Fact]
    public async Task Running_the_same_model_on_the_same_stimulus_again_is_answered_from_the_cache()
    {
        var (module, stimulus) = await AdderInterfaceAsync();

        var first = await RunModelAsync(AdderModel, module, stimulus);
        var second = await RunModelAsync(AdderModel, module, stimulus);

        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(first.Trace.Cycles, second.Trace.Cycles);
    }

    [Fact]
    public void The_header_names_every_port_and_renames_cpp_keywords()
    {
        var module = new ModuleInterface("m", [
            new Port("clk", PortDirection.Input, 1), new Port("new", PortDirection.Input, 3), new Port("out", PortDirection.Output, 64)])
            { Clock = "clk", IsSequential = true };

        var header = CppGoldenModelAbi.Header(module);

        Assert.Contains("uint64_t new_;  // input [2:0] new", header);
        Assert.Contains("uint64_t out;  // output [63:0] out", header);
        Assert.DoesNotContain("uint64_t clk", header); // the clock is the call itself
        Assert.Contains("void hwforge_step(const Inputs& in, Outputs& out);", header);
    }

    private Task<CppModelResult> RunModelAsync(string code, ModuleInterface module, Stimulus stimulus, TimeSpan? timeout = null) =>
        CppGoldenModel.RunAsync(_test.Host, _test.Versions, SourceLoader.FromText("golden.cpp", code), module, stimulus,
            timeout ?? Timeout, CancellationToken.None);

    private async Task<(ModuleInterface Module, Stimulus Stimulus)> ProbeAsync(string verilog, string top, int cycles = 20)
    {
        var probe = await InterfaceProbe.RunAsync(_test.Host, _test.Versions, [SourceLoader.FromText($"{top}.v", verilog)], top, CancellationToken.None);
        var module = Assert.IsType<ModuleInterface>(probe.Interface);
        return (module, StimulusGenerator.Generate(module, cycles, seed: 7));
    }

    private Task<(ModuleInterface Module, Stimulus Stimulus)> AdderInterfaceAsync() => ProbeAsync(JudgeFixture.Adder, "add8");

    /// <summary>The design's interface by Yosys, a stimulus for it, and the Verilog's own trace under the harness.</summary>
    private async Task<(ModuleInterface Module, Stimulus Stimulus, Trace Trace)> SimulateVerilogAsync(string verilog, string top, int cycles)
    {
        var (module, stimulus) = await ProbeAsync(verilog, top, cycles);
        var run = await TraceSimulation.RunAsync(_test.Host, _test.Versions, [SourceLoader.FromText($"{top}.v", verilog)], module, stimulus,
            "cppmodeltest", Timeout, wantVcd: false, CancellationToken.None);
        Assert.True(run.Trace.Complete, run.Report.Summary);
        return (module, stimulus, run.Trace);
    }

    public void Dispose() => _test.Dispose();
}
