// FAULT: counts when en is low
module counter8 (
    input  wire       clk,
    input  wire       rst,
    input  wire       en,
    input  wire       load,
    input  wire [7:0] din,
    output reg  [7:0] q
);
    always @(posedge clk) begin
        if (rst)       q <= 8'd0;
        else if (load) q <= din;
        else if (!en)   q <= q + 8'd1;
    end
endmodule
