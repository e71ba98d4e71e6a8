using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Tools.Tests.Judge;

/// <summary>
/// The forbidden-construct policy is decided on tokens lexed as the tools lex them: text that only
/// looks like a comment or a string to a regular expression hides nothing, and legal names and
/// strings that merely contain forbidden words are not refused.
/// </summary>
public sealed class TokenPolicyTests : IDisposable
{
    private readonly TestHost _test = new();

    /// <summary>Every hostile design is also wrong (s = a - b): if the policy missed it, it would still have to fail, but by the wrong class.</summary>
    [Theory]
    [InlineData(@"wire \x// = 1'b0; final begin : w integer f; f = $fopen(""t.txt""); end")]
    [InlineData(@"wire \y"" = 1'b0; final $display(""after the harness"");")]
    [InlineData("wire \\z/* = 1'b0; final $display(\"c\"); // */")]
    [InlineData(@"initial $display(""// not a comment""); final $display(""d"");")]
    [InlineData("/* outer /* inner */ final $display(\"e\"); // */")]
    [InlineData("(* note = \"*)\" *) final $display(\"f\");")]
    [InlineData("`define OPEN $fopen\n  initial begin : o integer f; f = `OPEN(\"t.txt\"); end")]
    [InlineData("`define W(f) \\\n    $fwrite(f, \"x\")\n  initial `W(1);")]
    [InlineData("initial $display(\"%d\", $root.add8.a);")]
    [InlineData("initial $display(\"%d\", hwforge_tb_reference.hwforge_i);")]
    [InlineData("initial $display(\"%d\", \\hwforge_tb_reference .hwforge_i);")]
    [InlineData("always @* assume (a == 8'd0);")]
    [InlineData("import \"DPI-C\" function int c_peek();")]
    [InlineData("bind add8 add8 spy (.a(a), .b(b), .s());")]
    public async Task A_hidden_construct_is_found_in_a_wrong_design(string hostile)
    {
        var design = $"module add8(input [7:0] a, input [7:0] b, output [8:0] s);\n  {hostile}\n  assign s = a - b;\nendmodule\n";
        var report = await JudgeFixture.VerifyAsync(_test, design, JudgeFixture.Adder, "add8");
        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.Equal(FailureClass.ForbiddenConstruct, report.FailureClass);
        Assert.Contains("design.v:", report.Summary);
    }

    [Fact]
    public async Task The_policy_names_the_users_line_of_a_forbidden_call_that_a_macro_made()
    {
        var design = "`define OPEN(n) $fopen(n)\nmodule add8(input [7:0] a, input [7:0] b, output [8:0] s);\n  // a comment\n  initial begin : o integer f; f = `OPEN(\"t\"); end\n  assign s = a + b;\nendmodule\n";
        var report = await JudgeFixture.VerifyAsync(_test, design, JudgeFixture.Adder, "add8");
        Assert.Equal(FailureClass.ForbiddenConstruct, report.FailureClass);
        Assert.Contains("$fopen (design.v:4)", report.Summary);
    }

    /// <summary>Escaped names (even \final and \$fopen), strings holding comment marks and forbidden words, attributes and names with a $ are all legal.</summary>
    [Fact]
    public async Task Escaped_names_strings_and_attributes_used_legitimately_pass()
    {
        var design = """
            module add8(input [7:0] a, input [7:0] b, output [8:0] s);
              wire [8:0] \sum// = {1'b0, a} + {1'b0, b};
              wire \$fopen = 1'b0;
              wire \final = 1'b0;
              wire \q" = 1'b0;
              wire x$y = 1'b0;
              (* keep, note = "*) // not a comment" *) wire [8:0] t = \sum// ;
              always @(*) if (a == 8'd255 && b == 8'd255) $display("// $fopen /* final */ %d", t);
              assign s = t | {8'd0, \$fopen | \final | \q" | x$y };
            endmodule
            """;
        var report = await JudgeFixture.VerifyAsync(_test, design, JudgeFixture.Adder, "add8");
        Assert.True(report.Passed, report.Summary);
        Assert.Equal(FormalStatus.Proven, report.Formal.Status);
    }

    public void Dispose() => _test.Dispose();
}
