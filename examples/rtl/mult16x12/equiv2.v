// 16x12 unsigned multiplier as a shift-and-add loop
module mult16x12 (
    input  wire [15:0] a,
    input  wire [11:0] b,
    output reg  [27:0] p
);
    integer i;

    always @(*) begin
        p = 28'd0;
        for (i = 0; i < 12; i = i + 1)
            if (b[i]) p = p + ({12'd0, a} << i);
    end
endmodule
