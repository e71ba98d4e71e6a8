using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Tools.Tests.Judge;

/// <summary>Verifies inline designs against inline references with the real tools.</summary>
public static class JudgeFixture
{
    public static Task<VerifyReport> VerifyAsync(TestHost test, string design, string reference, string top,
        Func<VerifyRequest, VerifyRequest>? adjust = null)
    {
        var request = new VerifyRequest([SourceLoader.FromText("design.v", design)], top, [SourceLoader.FromText("reference.v", reference)], top);
        return new Verifier(test.Host, test.Versions).VerifyAsync(adjust?.Invoke(request) ?? request);
    }

    public const string Counter = """
        module counter(input clk, input rst, input en, output reg [7:0] q);
          always @(posedge clk) if (rst) q <= 8'd0; else if (en) q <= q + 8'd1;
        endmodule
        """;

    public const string Adder = """
        module add8(input [7:0] a, input [7:0] b, output [8:0] s);
          assign s = a + b;
        endmodule
        """;
}
