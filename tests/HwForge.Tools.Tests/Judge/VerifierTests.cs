using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Tools.Tests.Judge;

public sealed class VerifierTests : IDisposable
{
    private readonly TestHost _test = new();

    [Fact]
    public async Task An_equivalent_adder_is_proven_for_all_inputs()
    {
        var design = "module add8(input [7:0] a, input [7:0] b, output [8:0] s);\n  wire [8:0] t = {1'b0, a} + {1'b0, b};\n  assign s = t;\nendmodule\n";
        var report = await JudgeFixture.VerifyAsync(_test, design, JudgeFixture.Adder, "add8");
        Assert.Equal(Verdict.Pass, report.Verdict);
        Assert.Equal(FormalStatus.Proven, report.Formal.Status);
        Assert.Equal(StageName.Formal, report.DecidedBy);
    }

    [Fact]
    public async Task A_dropped_carry_is_caught_with_the_cycle_signal_and_inputs()
    {
        var design = "module add8(input [7:0] a, input [7:0] b, output [8:0] s);\n  assign s = {1'b0, a + b};\nendmodule\n";
        var report = await JudgeFixture.VerifyAsync(_test, design, JudgeFixture.Adder, "add8");
        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.Equal(FailureClass.FunctionalMismatch, report.FailureClass);
        var mismatch = Assert.IsType<Mismatch>(report.FirstMismatch);
        Assert.Equal("s", mismatch.Signal);
        Assert.NotEmpty(mismatch.PrecedingInputs);
        Assert.Contains("a=", mismatch.PrecedingInputs[^1]);
    }

    /// <summary>A bug on one input value out of 65536 slips past random simulation; the SAT proof finds it.</summary>
    [Fact]
    public async Task A_bug_that_random_simulation_misses_is_found_by_formal_and_replayed()
    {
        var design = "module add8(input [7:0] a, input [7:0] b, output [8:0] s);\n  assign s = (a == 8'd77 && b == 8'd201) ? 9'd0 : a + b;\nendmodule\n";
        var report = await JudgeFixture.VerifyAsync(_test, design, JudgeFixture.Adder, "add8", r => r with { Cycles = 50 });
        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.Equal(StageName.Formal, report.DecidedBy);
        Assert.Equal(FormalStatus.Counterexample, report.Formal.Status);
        var replay = Assert.IsType<Mismatch>(report.FirstMismatch);
        Assert.Equal("formal counterexample", replay.Source);
        Assert.Contains("a=0x4d", replay.PrecedingInputs[^1]);
        Assert.Contains("b=0xc9", replay.PrecedingInputs[^1]);
    }

    [Fact]
    public async Task A_wrong_reset_value_is_a_reset_behaviour_failure()
    {
        var design = JudgeFixture.Counter.Replace("q <= 8'd0", "q <= 8'd5");
        var report = await JudgeFixture.VerifyAsync(_test, design, JudgeFixture.Counter, "counter");
        Assert.Equal(FailureClass.ResetBehaviour, report.FailureClass);
    }

    [Fact]
    public async Task A_sequential_design_gets_a_formal_result_with_its_bound()
    {
        var design = "module counter(input clk, input rst, input en, output reg [7:0] q);\n  always @(posedge clk) begin\n    if (rst) q <= 0;\n    else q <= q + {7'd0, en};\n  end\nendmodule\n";
        var report = await JudgeFixture.VerifyAsync(_test, design, JudgeFixture.Counter, "counter");
        Assert.Equal(Verdict.Pass, report.Verdict);
        Assert.Contains(report.Formal.Status, new[] { FormalStatus.Proven, FormalStatus.Bounded });
        if (report.Formal.Status == FormalStatus.Bounded) Assert.Equal(20, report.Formal.Bound);
        Assert.Equal("clk", report.Interface!.Clock);
        Assert.Equal("rst", report.Interface.Reset);
    }

    [Fact]
    public async Task A_clock_and_reset_with_unusual_names_are_found_by_their_use()
    {
        var reference = "module acc(input tick, input clear_l, input [3:0] d, output reg [7:0] sum);\n  always @(posedge tick or negedge clear_l) if (!clear_l) sum <= 0; else sum <= sum + d;\nendmodule\n";
        var report = await JudgeFixture.VerifyAsync(_test, reference, reference, "acc");
        Assert.Equal(Verdict.Pass, report.Verdict);
        Assert.Equal("tick", report.Interface!.Clock);
        Assert.Equal("clear_l", report.Interface.Reset);
        Assert.True(report.Interface.ResetActiveLow);
    }

    [Theory]
    [InlineData("module add8(input [7:0] a, input [7:0] b, output [8:0] s)\n  assign s = a + b;\nendmodule\n", FailureClass.Syntax, StageName.Lint)]
    [InlineData("module add8(input [7:0] a, input [7:0] b, output [8:0] s);\n  adder9 u(.a(a), .b(b), .s(s));\nendmodule\n", FailureClass.UnknownModule, StageName.Lint)]
    [InlineData("module add8(input [7:0] a, input [7:0] b, output [8:0] s);\n  assign s = a + c;\nendmodule\n", FailureClass.Undeclared, StageName.Lint)]
    [InlineData("module add8(input [7:0] a, input [7:0] b, output [7:0] s);\n  assign s = a + b;\nendmodule\n", FailureClass.WidthOrType, StageName.Interface)]
    [InlineData("module add8(input [7:0] a, output [8:0] s);\n  assign s = a;\nendmodule\n", FailureClass.MissingPort, StageName.Interface)]
    public async Task Broken_designs_fail_at_the_right_stage_with_the_right_class(string design, FailureClass failure, StageName stage)
    {
        var report = await JudgeFixture.VerifyAsync(_test, design, JudgeFixture.Adder, "add8");
        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.Equal(failure, report.FailureClass);
        Assert.Equal(stage, report.DecidedBy);
    }

    [Fact]
    public async Task A_broken_reference_is_an_error_not_a_design_failure()
    {
        var report = await JudgeFixture.VerifyAsync(_test, JudgeFixture.Adder, "module add8(input a output b); endmodule", "add8");
        Assert.Equal(Verdict.Error, report.Verdict);
    }

    [Fact]
    public async Task Verifying_an_unchanged_pair_again_comes_from_the_cache()
    {
        var first = await JudgeFixture.VerifyAsync(_test, JudgeFixture.Counter, JudgeFixture.Counter, "counter");
        var again = await JudgeFixture.VerifyAsync(_test, JudgeFixture.Counter, JudgeFixture.Counter, "counter");
        Assert.False(first.FromCache);
        Assert.True(again.FromCache);
        Assert.Equal(first.Verdict, again.Verdict);
        Assert.Equal(first.Formal.Status, again.Formal.Status);

        // A new stimulus is a new question, but the unchanged design's lint and elaboration are reused.
        var reseeded = await JudgeFixture.VerifyAsync(_test, JudgeFixture.Counter, JudgeFixture.Counter, "counter", r => r with { Seed = 7 });
        Assert.False(reseeded.FromCache);
        Assert.True(reseeded.Stages.Single(s => s.Stage == StageName.Lint).FromCache);
        Assert.True(reseeded.Stages.Single(s => s.Stage == StageName.Compile).FromCache);
    }

    [Fact]
    public async Task A_vcd_is_written_on_request()
    {
        var report = await JudgeFixture.VerifyAsync(_test, JudgeFixture.Counter, JudgeFixture.Counter, "counter", r => r with { WantVcd = true, Cycles = 20 });
        Assert.NotNull(report.Vcd);
        Assert.Contains("$enddefinitions", System.Text.Encoding.ASCII.GetString(report.Vcd!));
    }

    [Fact]
    public async Task A_design_can_be_verified_against_a_cpp_golden_model()
    {
        var model = "#include \"hwforge_model.h\"\nvoid hwforge_step(const Inputs& in, Outputs& out) { out.s = in.a + in.b; }\n";
        var wrongModel = model.Replace("in.a + in.b", "in.a - in.b");
        VerifyRequest WithModel(VerifyRequest r, string text) => r with { Reference = [], ReferenceModel = HwForge.Tools.Foundation.Sources.SourceLoader.FromText("model.cpp", text) };

        var good = await JudgeFixture.VerifyAsync(_test, JudgeFixture.Adder, JudgeFixture.Adder, "add8", r => WithModel(r, model));
        Assert.Equal(Verdict.Pass, good.Verdict);
        Assert.Equal(FormalStatus.Skipped, good.Formal.Status);

        var bad = await JudgeFixture.VerifyAsync(_test, JudgeFixture.Adder, JudgeFixture.Adder, "add8", r => WithModel(r, wrongModel));
        Assert.Equal(Verdict.Fail, bad.Verdict);
        Assert.Equal("s", bad.FirstMismatch!.Signal);
    }

    public void Dispose() => _test.Dispose();
}
