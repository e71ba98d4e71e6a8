// 8-bit adder built from two 4-bit halves (carry passed between nibbles)
module adder8 (
    input  wire [7:0] a,
    input  wire [7:0] b,
    input  wire       cin,
    output wire [7:0] sum,
    output wire       cout
);
    wire [4:0] lo;
    wire [4:0] hi;

    assign lo   = a[3:0] + b[3:0] + {3'd0, cin};
    assign hi   = a[7:4] + b[7:4] + {3'd0, lo[4]};
    assign sum  = {hi[3:0], lo[3:0]};
    assign cout = hi[4];
endmodule
