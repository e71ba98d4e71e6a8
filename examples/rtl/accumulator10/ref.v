// 10-bit accumulator with sticky overflow flag
module accumulator10 (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       en,
    input  wire [7:0] din,
    output reg  [9:0] acc,
    output reg        ovf
);
    wire [10:0] sum = {1'b0, acc} + {3'd0, din};

    always @(posedge clk) begin
        if (!rst_n) begin
            acc <= 10'd0;
            ovf <= 1'b0;
        end else if (en) begin
            acc <= sum[9:0];
            ovf <= ovf | sum[10];
        end
    end
endmodule
