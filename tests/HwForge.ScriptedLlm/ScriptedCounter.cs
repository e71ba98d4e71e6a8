namespace HwForge.ScriptedLlm;

/// <summary>
/// One small design story told the way a model would answer, shared by the tests that drive HwForge's LLM path:
/// the Architect's spec and reference for a 4-bit counter with enable, a Coder's first try that ignores the
/// enable (a realistic mistake), its repair, and an Optimizer's equivalent rewrite.
/// </summary>
public static class ScriptedCounter
{
    public const string Spec = """
        ```json
        {"top": "counter4", "description": "4-bit up counter: synchronous active-high reset to 0; counts up by one each cycle en is high, wraps at 15.", "clock": "clk", "reset": "rst", "reset_active_low": false}
        ```
        ```verilog
        module counter4(input clk, input rst, input en, output reg [3:0] q);
          always @(posedge clk) if (rst) q <= 4'd0; else if (en) q <= q + 4'd1;
        endmodule
        ```
        """;

    public const string IgnoresEnable = """
        ```verilog
        module counter4(input clk, input rst, input en, output reg [3:0] q);
          always @(posedge clk) if (rst) q <= 4'd0; else q <= q + 4'd1;
        endmodule
        ```
        Counts every cycle.
        """;

    public const string Repaired = """
        ```verilog
        module counter4(input clk, input rst, input en, output reg [3:0] q);
          wire [3:0] next = en ? q + 4'd1 : q;
          always @(posedge clk) q <= rst ? 4'd0 : next;
        endmodule
        ```
        The enable was ignored; the next state now holds when en is low.
        """;

    public const string Optimized = """
        ```verilog
        module counter4(input clk, input rst, input en, output reg [3:0] q);
          always @(posedge clk) begin
            if (rst) q <= 4'd0;
            else q <= q + {3'd0, en};
          end
        endmodule
        ```
        Adds the enable bit directly, removing the hold multiplexer.
        """;
}
