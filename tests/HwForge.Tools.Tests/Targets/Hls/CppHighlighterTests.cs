using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Hls;

namespace HwForge.Tools.Tests.Targets.Hls;

/// <summary>The HLS target's C++ highlighting: pragmas and includes as directives, keywords, comments, numbers; nothing lost.</summary>
public sealed class CppHighlighterTests
{
    private const string Kernel = """
        #include "ap_int.h"
        // a 4-tap FIR
        void fir4(ap_int<8> x, ap_int<20> &y) {
          #pragma HLS PIPELINE II=1
          static ap_int<8> taps[4] = {0};
          for (int i = 3; i > 0; i--) taps[i] = taps[i - 1]; /* shift */
          y = taps[0] * 3 + 'a';
        }
        """;

    [Fact]
    public void The_tokens_give_the_source_back_and_say_what_each_piece_is()
    {
        var tokens = CppHighlighter.Instance.Tokenize(Kernel);

        Assert.Equal(Kernel, string.Concat(tokens.Select(t => t.Text)));
        Assert.Contains(new CodeToken(CodeTokenKind.Directive, "#include \"ap_int.h\""), tokens);
        Assert.Contains(new CodeToken(CodeTokenKind.Directive, "#pragma HLS PIPELINE II=1"), tokens);
        Assert.Contains(new CodeToken(CodeTokenKind.Comment, "// a 4-tap FIR"), tokens);
        Assert.Contains(new CodeToken(CodeTokenKind.Comment, "/* shift */"), tokens);
        Assert.Contains(new CodeToken(CodeTokenKind.Keyword, "static"), tokens);
        Assert.Contains(new CodeToken(CodeTokenKind.Number, "3"), tokens);
        Assert.Contains(new CodeToken(CodeTokenKind.String, "'a'"), tokens);
        // ap_int is a type of the kernel's headers, not a keyword of the language.
        Assert.DoesNotContain(tokens, t => t.Kind == CodeTokenKind.Keyword && t.Text.StartsWith("ap_"));
    }

    [Fact]
    public void The_web_ui_finds_the_highlighter_by_the_files_extension()
    {
        Assert.Same(CppHighlighter.Instance, TargetRegistry.ShippedFileKind("kernel.cpp")?.Highlighter);
        Assert.Same(CppHighlighter.Instance, TargetRegistry.ShippedFileKind("types.h")?.Highlighter);
    }
}
