// 8-bit up counter: next-state logic as a separate combinational mux
module counter8 (
    input  wire       clk,
    input  wire       rst,
    input  wire       en,
    input  wire       load,
    input  wire [7:0] din,
    output reg  [7:0] q
);
    wire [7:0] inc = q + 8'd1;
    wire [7:0] nxt = load ? din : (en ? inc : q);

    always @(posedge clk)
        q <= rst ? 8'd0 : nxt;
endmodule
