// 16x12 unsigned multiplier using the built-in operator
module mult16x12 (
    input  wire [15:0] a,
    input  wire [11:0] b,
    output wire [27:0] p
);
    assign p = a * b;
endmodule
