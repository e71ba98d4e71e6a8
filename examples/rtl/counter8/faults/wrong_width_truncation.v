// FAULT: increment computed on the low nibble only, upper bits cleared
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
        else if (en)   q <= {4'd0, q[3:0] + 4'd1};
    end
endmodule
