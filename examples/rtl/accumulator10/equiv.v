// 10-bit accumulator: overflow detected with a comparison, separate always blocks
module accumulator10 (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       en,
    input  wire [7:0] din,
    output reg  [9:0] acc,
    output reg        ovf
);
    wire carry = acc > (10'h3FF - {2'b00, din});

    always @(posedge clk)
        if (!rst_n)  acc <= 10'd0;
        else if (en) acc <= acc + {2'b00, din};

    always @(posedge clk)
        if (!rst_n)           ovf <= 1'b0;
        else if (en && carry) ovf <= 1'b1;
endmodule
