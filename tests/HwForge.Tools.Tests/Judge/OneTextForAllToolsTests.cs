using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl.Judge;
using HwForge.Tools.Targets.Rtl.Ppa;

namespace HwForge.Tools.Tests.Judge;

/// <summary>
/// Lint, simulation, proof and PPA read one preprocessed text, so a design cannot show the proof
/// correct code and the simulator code that is wrong only where random stimulus rarely goes.
/// </summary>
public sealed class OneTextForAllToolsTests : IDisposable
{
    private readonly TestHost _test = new();

    /// <summary>Wrong on one input pair in 65536: random simulation misses it, so only what the proof reads decides.</summary>
    private const string RareBug = "(a == 8'hA5 && b == 8'h5A) ? 9'd0 : a + b";

    [Theory]
    [InlineData("`ifdef YOSYS", "`ifdef YOSYS")]
    [InlineData("`ifdef SYNTHESIS", "`ifdef SYNTHESIS")]
    [InlineData("`ifdef FORMAL", "`ifdef FORMAL")]
    [InlineData("`ifndef VERILATOR", "`ifndef VERILATOR")]
    [InlineData("`ifndef __ICARUS__", "`ifndef __ICARUS__")]
    [InlineData("`ifdef SYSTEMVERILOG", "`ifdef SYSTEMVERILOG")]
    [InlineData("`ifdef MY_FLAG\n`elsif YOSYS", "`elsif YOSYS")]
    public async Task A_design_that_asks_which_tool_reads_it_is_rejected_naming_the_macro_and_line(string condition, string named)
    {
        var design = $"module add8(input [7:0] a, input [7:0] b, output [8:0] s);\n{condition}\n  assign s = a + b;\n`else\n  assign s = {RareBug};\n`endif\nendmodule\n";
        var report = await JudgeFixture.VerifyAsync(_test, design, JudgeFixture.Adder, "add8", r => r with { Cycles = 50 });
        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.Equal(FailureClass.ForbiddenConstruct, report.FailureClass);
        Assert.Contains(named, report.Summary);
        Assert.Contains($"design.v:{condition.Split('\n').Length + 1}", report.Summary);
    }

    [Fact]
    public async Task A_design_that_uses_a_tool_macro_as_a_value_is_rejected()
    {
        var design = "module add8(input [7:0] a, input [7:0] b, output [8:0] s);\n  assign s = a + b + `VERILATOR - 1;\nendmodule\n";
        var report = await JudgeFixture.VerifyAsync(_test, design, JudgeFixture.Adder, "add8");
        Assert.Equal(FailureClass.ForbiddenConstruct, report.FailureClass);
        Assert.Contains("`VERILATOR", report.Summary);
    }

    /// <summary>Yosys skips code between translate_off and translate_on comments; simulators read it.</summary>
    [Fact]
    public async Task A_bug_hidden_from_synthesis_by_a_translate_off_comment_is_found_by_the_proof()
    {
        var design = $"""
            module add8(input [7:0] a, input [7:0] b, output [8:0] s);
              assign s = a + b
              // synthesis translate_off
                - ((a == 8'hA5 && b == 8'h5A) ? 9'd1 : 9'd0)
              // synthesis translate_on
              ;
            endmodule
            """;
        var report = await JudgeFixture.VerifyAsync(_test, design, JudgeFixture.Adder, "add8", r => r with { Cycles = 50 });
        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.True(report.FailureClass == FailureClass.FunctionalMismatch, report.Summary);
        Assert.Equal(StageName.Formal, report.DecidedBy);
    }

    /// <summary>Yosys builds a parallel_case case as a parallel mux; simulators keep the priority, which here is wrong on one input.</summary>
    [Fact]
    public async Task A_bug_hidden_from_synthesis_by_a_parallel_case_attribute_is_found_by_the_proof()
    {
        var design = """
            module add8(input [7:0] a, input [7:0] b, output reg [8:0] s);
              always @* begin
                (* parallel_case *)
                casez ({a == 8'hA5 && b == 8'h5A, 1'b1})
                  2'b1?: s = 9'd0;
                  2'b?1: s = a + b;
                  default: s = 9'd0;
                endcase
              end
            endmodule
            """;
        var report = await JudgeFixture.VerifyAsync(_test, design, JudgeFixture.Adder, "add8", r => r with { Cycles = 50 });
        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.True(report.FailureClass == FailureClass.FunctionalMismatch, report.Summary);
    }

    /// <summary>Build hints stay for synthesis (the catalog's FSM encodings depend on fsm_encoding); attributes that change meaning go.</summary>
    [Fact]
    public async Task The_one_text_keeps_build_hints_and_drops_attributes_that_change_meaning()
    {
        var design = "module m(input clk, input d, output q);\n  (* fsm_encoding = \"none\" *) reg r;\n  (* nosync *) reg t;\n" +
                     "  (* keep, note = \"*)\" *) wire w = d;\n  always @(posedge clk) begin r <= w; t <= r; end\n  assign q = t;\nendmodule\n";
        var canonical = await CanonicalSource.PrepareAsync(_test.Host, _test.Versions, [SourceLoader.FromText("m.v", design)], CancellationToken.None);
        Assert.True(canonical.Succeeded, canonical.Detail);
        var text = Assert.Single(canonical.Sources).Text;
        Assert.Contains("(* fsm_encoding = \"none\" *) reg r;", text);
        Assert.DoesNotContain("nosync", text);
        Assert.DoesNotContain("note", text);
        Assert.Contains("wire w = d;", text);
    }

    [Fact]
    public async Task A_design_that_tests_its_own_macros_and_carries_attributes_still_passes()
    {
        var design = """
            `define USE_WIDE_ADD
            `ifndef ADD8_WIDTH
            `define ADD8_WIDTH 8
            `endif
            module add8(input [`ADD8_WIDTH-1:0] a, input [7:0] b, output [8:0] s);
            `ifdef USE_WIDE_ADD
              (* keep *) wire [8:0] t = {1'b0, a} + {1'b0, b};
            `else
              wire [8:0] t = 9'd0;
            `endif
            `ifdef NEVER_DEFINED
              assign s = 9'd0;
            `else
              assign s = t;
            `endif
            endmodule
            """;
        var report = await JudgeFixture.VerifyAsync(_test, design, JudgeFixture.Adder, "add8");
        Assert.True(report.Passed, report.Summary);
        Assert.Equal(FormalStatus.Proven, report.Formal.Status);
    }

    [Fact]
    public async Task A_design_in_two_files_with_an_include_is_read_as_one_text_and_passes()
    {
        var header = "`ifndef ADD_VH\n`define ADD_VH\n`define SUM(x, y) ({1'b0, x} + \\\n  {1'b0, y})\n`endif\n";
        var design = "`include \"add.vh\"\nmodule add8(input [7:0] a, input [7:0] b, output [8:0] s);\n  assign s = `SUM(a, b);\nendmodule\n";
        var request = new VerifyRequest([SourceLoader.FromText("add.vh", header), SourceLoader.FromText("design.v", design)], "add8",
            [SourceLoader.FromText("reference.v", JudgeFixture.Adder)], "add8");
        var report = await new Verifier(_test.Host, _test.Versions).VerifyAsync(request);
        Assert.True(report.Passed, report.Summary);
    }

    [Fact]
    public async Task An_include_of_a_file_that_was_not_given_says_to_pass_it()
    {
        var design = "`include \"missing.vh\"\n" + JudgeFixture.Adder;
        var report = await JudgeFixture.VerifyAsync(_test, design, JudgeFixture.Adder, "add8");
        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.Contains("design.v:1", report.Summary);
        Assert.Contains("pass that file as a source", report.Summary);
    }

    /// <summary>The tools read the preprocessed text, yet their messages still name the user's file and line, past an include.</summary>
    [Fact]
    public async Task A_lint_error_after_an_include_names_the_users_file_and_line()
    {
        var header = "`define ONE 1'b1\n// two\n// three\n";
        var design = "`include \"defs.vh\"\n// a comment\nmodule add8(input [7:0] a, input [7:0] b, output [8:0] s);\n  assign s = a + ;\nendmodule\n";
        var request = new VerifyRequest([SourceLoader.FromText("defs.vh", header), SourceLoader.FromText("rtl/design.v", design)], "add8",
            [SourceLoader.FromText("reference.v", JudgeFixture.Adder)], "add8");
        var report = await new Verifier(_test.Host, _test.Versions).VerifyAsync(request);
        Assert.Equal(StageName.Lint, report.DecidedBy);
        Assert.Equal(FailureClass.Syntax, report.FailureClass);
        Assert.Contains("rtl/design.v:4", report.Summary);
        Assert.Contains(report.Diagnostics, d => d.File == "rtl/design.v" && d.Line == 4);
    }

    [Fact]
    public async Task A_lint_warning_names_the_users_file_and_line()
    {
        var design = "module add8(input [7:0] a, input [7:0] b, output [8:0] s);\n  /* a\n  comment */ wire [3:0] narrow = a;\n  assign s = a + b + {5'd0, narrow & 4'd0};\nendmodule\n";
        var report = await JudgeFixture.VerifyAsync(_test, design, JudgeFixture.Adder, "add8");
        Assert.True(report.Passed, report.Summary);
        Assert.Contains(report.Diagnostics, d => d.File == "design.v" && d.Line == 3 && d.Code.StartsWith("WIDTH", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PPA_refuses_a_design_whose_meaning_depends_on_the_tool_and_measures_one_that_does_not()
    {
        var ppa = new PpaAnalysis(_test.Host, _test.Versions);
        var forked = "module add8(input [7:0] a, input [7:0] b, output [8:0] s);\n`ifdef SYNTHESIS\n  assign s = 9'd0;\n`else\n  assign s = a + b;\n`endif\nendmodule\n";
        var refused = await ppa.MeasureAsync(new PpaRequest([SourceLoader.FromText("design.v", forked)], "add8") { Liberty = "generic" });
        Assert.False(refused.Succeeded);
        Assert.Contains("`ifdef SYNTHESIS", refused.Failure);

        var measured = await ppa.MeasureAsync(new PpaRequest([SourceLoader.FromText("design.v", "// c\n(* keep *)\n" + JudgeFixture.Adder)], "add8") { Liberty = "generic" });
        Assert.True(measured.Succeeded, measured.Failure);
        Assert.True(measured.CellCount > 0);
    }

    public void Dispose() => _test.Dispose();
}
