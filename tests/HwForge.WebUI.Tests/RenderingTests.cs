using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl.Syntax;
using HwForge.WebUI.Rendering;

namespace HwForge.WebUI.Tests;

public sealed class RenderingTests
{
    [Fact]
    public void Agent_markdown_is_rendered_but_raw_html_and_script_links_are_not()
    {
        var html = MarkdownText.ToHtml("**verified** <script>alert(1)</script> [x](javascript:alert(2)) [docs](https://example.org/a)");

        Assert.Contains("<strong>verified</strong>", html);
        Assert.DoesNotContain("<script", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("href=\"https://example.org/a\"", html);
    }

    [Fact]
    public void Verilog_is_split_into_keywords_numbers_comments_strings_and_directives_without_losing_a_character()
    {
        const string source = "`timescale 1ns/1ps\nmodule add(input [7:0] a, output reg [8:0] s); // sum\n  /* block */ always @(posedge clk) s <= a + 8'hFF + 4'b1x0z;\n  initial $display(\"hi \\\"there\\\"\");\nendmodule\n";
        var tokens = VerilogHighlighter.Tokenize(source);

        Assert.Equal(source, string.Concat(tokens.Select(t => t.Text)));
        string[] Of(CodeTokenKind kind) => [.. tokens.Where(t => t.Kind == kind).Select(t => t.Text)];
        Assert.Equal(["module", "input", "output", "reg", "always", "posedge", "initial", "endmodule"], Of(CodeTokenKind.Keyword));
        Assert.Equal(["1", "1", "7", "0", "8", "0", "8'hFF", "4'b1x0z"], Of(CodeTokenKind.Number));
        Assert.Equal(["// sum", "/* block */"], Of(CodeTokenKind.Comment));
        Assert.Equal(["\"hi \\\"there\\\"\""], Of(CodeTokenKind.String));
        Assert.Equal(["`timescale"], Of(CodeTokenKind.Directive));
    }

    [Fact]
    public void The_pareto_frontier_keeps_exactly_the_points_nothing_beats_on_both_area_and_delay()
    {
        var points = ParetoPoints.Of([("small-slow", 100, 3.0), ("big-fast", 300, 1.0), ("middle", 200, 2.0), ("dominated", 250, 2.5), ("tie", 100, 3.0)]);

        Assert.Equal(["small-slow", "big-fast", "middle", "tie"], points.Where(p => p.OnFrontier).Select(p => p.Id));
    }
}
