using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs.Liberty;

namespace HwForge.Tools.Tests.Yosys;

/// <summary>Small designs the PPA tests synthesize, and the libraries they use.</summary>
internal static class AsicDesigns
{
    public const string Counter = """
        module counter(input clk, input rst, output reg [3:0] q);
          always @(posedge clk)
            if (rst) q <= 4'd0;
            else q <= q + 4'd1;
        endmodule
        """;

    /// <summary>A 16x16 multiplier between registers: about a thousand to fifteen hundred cells.</summary>
    public const string Multiplier = """
        module mul(input clk, input [15:0] a, input [15:0] b, output reg [31:0] p);
          reg [15:0] ra, rb;
          always @(posedge clk) begin
            ra <= a;
            rb <= b;
            p <= ra * rb;
          end
        endmodule
        """;

    /// <summary>A ripple-carry adder written as a chain of full adders, so its depth follows its width.</summary>
    public static string RippleAdder(int width) => $$"""
        module adder(input [{{width - 1}}:0] a, input [{{width - 1}}:0] b, output [{{width}}:0] s);
          wire [{{width}}:0] c;
          assign c[0] = 1'b0;
          genvar i;
          generate
            for (i = 0; i < {{width}}; i = i + 1) begin : stage
              assign s[i] = a[i] ^ b[i] ^ c[i];
              assign c[i + 1] = (a[i] & b[i]) | (c[i] & (a[i] ^ b[i]));
            end
          endgenerate
          assign s[{{width}}] = c[{{width}}];
        endmodule
        """;

    public static IReadOnlyList<SourceFile> Design(TestHost test, string name, string text) =>
        SourceLoader.Load([test.WriteFile(name, text)]);

    public static LibertyLibrary Osu018(TestHost test) => new LibertyResolver(test.Home).Resolve("osu018")!;

    /// <summary>SKY130 from ../shared/pdk, unpacked into the test's own cache by the resolver.</summary>
    public static LibertyLibrary Sky130(TestHost test) =>
        new LibertyResolver(test.Home).Resolve(Path.Combine(Repository.SharedPdk, "sky130hd_tt.lib.gz"))!;
}
