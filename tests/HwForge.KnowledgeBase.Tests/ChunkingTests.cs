using HwForge.KnowledgeBase.Chunking;

namespace HwForge.KnowledgeBase.Tests;

public sealed class ChunkingTests
{
    [Fact]
    public void Markdown_is_cut_at_headings_and_each_chunk_carries_its_heading_path()
    {
        var chunks = DocumentChunker.Chunk("/docs/guide.md", """
            # Guide
            Intro text.
            ## Resets
            Use one style.
            ```verilog
            # not a heading inside a fence
            ```
            ### Async
            Synchronize the release.
            ## Clocks
            One clock per domain.
            """);

        Assert.Equal(["Guide", "Guide > Resets", "Guide > Resets > Async", "Guide > Clocks"], chunks.Select(c => c.Title));
        Assert.Contains("# not a heading inside a fence", chunks[1].Text);
        Assert.All(chunks, c => Assert.Equal("/docs/guide.md", c.Source.Path));
    }

    [Fact]
    public void Verilog_is_cut_by_module_with_the_comment_above_each_module()
    {
        var chunks = DocumentChunker.Chunk("/rtl/parts.v", """
            // This module adds two bytes.
            module add8(input [7:0] a, b, output [8:0] s); assign s = a + b; endmodule
            /* a register */
            module reg8(input clk, input [7:0] d, output reg [7:0] q); always @(posedge clk) q <= d; endmodule
            """);

        Assert.Equal(["module add8 (parts.v)", "module reg8 (parts.v)"], chunks.Select(c => c.Title));
        Assert.StartsWith("// This module adds two bytes.", chunks[0].Text);
    }

    [Fact]
    public void Cpp_is_cut_at_top_level_definitions_and_braces_in_comments_strings_and_pragmas_do_not_count()
    {
        var chunks = DocumentChunker.Chunk("/hls/kernels.cpp", """
            #include "ap_int.h"
            // The accumulator's state: one struct { per kernel }.
            struct Acc { ap_int<32> sum; };

            /* dot product } of two vectors */
            ap_int<32> dot(const ap_int<8> a[4], const ap_int<8> b[4]) {
            #pragma HLS PIPELINE II=1
                ap_int<32> s = 0;
                for (int i = 0; i < 4; i++) { s += a[i] * b[i]; }
                const char* tag = "{";
                return s;
            }
            __global__ void scale(float* x, int n) { if (threadIdx.x < n) { x[threadIdx.x] *= 2.0f; } }
            """);

        Assert.Equal(["struct Acc (kernels.cpp)", "function dot (kernels.cpp)", "function scale (kernels.cpp)"], chunks.Select(c => c.Title));
        Assert.Contains("#include \"ap_int.h\"", chunks[0].Text);
        Assert.StartsWith("/* dot product } of two vectors */", chunks[1].Text);
        Assert.EndsWith("return s;\n}", chunks[1].Text);
    }

    [Fact]
    public void The_files_read_are_text_markdown_and_every_target_source_kind_that_has_sections()
    {
        Assert.Superset(new HashSet<string> { ".md", ".txt", ".v", ".sv", ".vh", ".svh", ".cpp", ".h", ".cu" }, new HashSet<string>(DocumentChunker.Extensions));
        Assert.DoesNotContain(".yaml", DocumentChunker.Extensions);
    }

    [Fact]
    public void Long_text_is_cut_into_parts_under_the_cap_at_paragraph_ends()
    {
        var paragraph = string.Join(' ', Enumerable.Repeat("word", 300));
        var chunks = DocumentChunker.Chunk("/notes/long.txt", string.Join("\n\n", Enumerable.Repeat(paragraph, 5)));

        Assert.True(chunks.Count >= 3);
        Assert.All(chunks, c => Assert.True(c.Text.Length <= DocumentChunker.MaxChunkChars));
        Assert.Equal("long.txt (part 1)", chunks[0].Title);
        Assert.All(chunks, c => Assert.StartsWith("word", c.Text));
    }

    [Fact]
    public void A_file_can_declare_its_kind()
    {
        var chunks = DocumentChunker.Chunk("/notes/tips.md", "<!-- kind: ppa-technique -->\n# Tips\n\nPipeline the multiplier.\n");
        Assert.Equal(KnowledgeKind.PpaTechnique, Assert.Single(chunks).Kind);
    }
}
