using HwForge.Tools.Targets.Rtl.Syntax;

namespace HwForge.Tools.Tests.Judge;

/// <summary>The lexer sees code where the tools see code, and only there.</summary>
public sealed class VerilogLexerTests
{
    private static List<(VerilogTokenKind Kind, string Text)> Lex(string text) =>
        [.. VerilogLexer.Tokens(text).Select(t => (t.Kind, t.Text(text)))];

    private static List<string> Code(string text) =>
        [.. VerilogLexer.Tokens(text).Where(t => t.Kind is not (VerilogTokenKind.Comment or VerilogTokenKind.Attribute)).Select(t => t.Text(text))];

    [Theory]
    [InlineData(@"wire \x// = 1; final", @"\x//")]
    [InlineData(@"wire \y"" = 1; final", @"\y""")]
    [InlineData(@"wire \z/* = 1; final", @"\z/*")]
    [InlineData(@"wire \$fopen = 1; final", @"\$fopen")]
    public void An_escaped_identifier_runs_to_white_space_and_hides_nothing(string text, string name)
    {
        var tokens = Lex(text);
        Assert.Contains((VerilogTokenKind.EscapedIdentifier, name), tokens);
        Assert.Equal((VerilogTokenKind.Identifier, "final"), tokens[^1]);
    }

    [Fact]
    public void A_string_holding_comment_marks_is_one_string()
    {
        var tokens = Lex("$display(\"a // b /* c \\\" d\"); final");
        Assert.Contains((VerilogTokenKind.String, "\"a // b /* c \\\" d\""), tokens);
        Assert.Equal("final", tokens[^1].Text);
    }

    [Fact]
    public void A_block_comment_ends_at_the_first_close_so_a_nested_one_does_not_hide_code()
    {
        Assert.Equal(["final", "$display", "(", ")", ";"], Code("/* outer /* inner */ final $display(); // */"));
    }

    [Fact]
    public void An_attribute_ends_at_its_real_close_not_at_one_inside_a_string()
    {
        var tokens = Lex("(* note = \"*)\" *) final");
        Assert.Equal((VerilogTokenKind.Attribute, "(* note = \"*)\" *)"), tokens[0]);
        Assert.Equal((VerilogTokenKind.Identifier, "final"), tokens[1]);
    }

    [Fact]
    public void An_event_star_is_not_an_attribute()
    {
        Assert.Equal(["always", "@", "(", "*", ")", "y", "=", "a", ";"], Code("always @(*) y = a;"));
        Assert.Equal(["@", "(", "*", ")"], Code("@( * )"));
    }

    [Theory]
    [InlineData("8'hff", new[] { "8", "'hff" })]
    [InlineData("8'h ff", new[] { "8", "'h ff" })]
    [InlineData("4'sb1x0z", new[] { "4", "'sb1x0z" })]
    [InlineData("'hfinal", new[] { "'hf", "inal" })]
    [InlineData("'b1final", new[] { "'b1", "final" })]
    [InlineData("'0", new[] { "'0" })]
    [InlineData("1.5e-3", new[] { "1.5e-3" })]
    [InlineData("1ebind", new[] { "1", "ebind" })]
    public void A_number_takes_only_the_digits_of_its_base(string text, string[] expected)
    {
        Assert.Equal(expected, Code(text));
    }

    [Fact]
    public void Directives_system_names_and_names_with_a_dollar_are_told_apart()
    {
        var tokens = Lex("`ifdef YOSYS a$fopen $fopen `endif");
        Assert.Equal(
            [(VerilogTokenKind.Directive, "`ifdef"), (VerilogTokenKind.Identifier, "YOSYS"), (VerilogTokenKind.Identifier, "a$fopen"),
             (VerilogTokenKind.SystemName, "$fopen"), (VerilogTokenKind.Directive, "`endif")],
            tokens);
    }

    [Fact]
    public void A_line_continuation_in_a_macro_yields_no_token_and_lines_are_counted()
    {
        var text = "`define W(f) \\\n  $fwrite(f)\n/* a\nb */ final";
        var tokens = VerilogLexer.Tokens(text).ToList();
        Assert.DoesNotContain(tokens, t => t.Text(text).StartsWith('\\'));
        Assert.Equal(2, tokens.Single(t => t.Text(text) == "$fwrite").Line);
        Assert.Equal(4, tokens.Single(t => t.Text(text) == "final").Line);
    }
}
