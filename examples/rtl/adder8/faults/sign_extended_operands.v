// FAULT: operands sign-extended instead of zero-extended, corrupting carry-out
module adder8 (
    input  wire [7:0] a,
    input  wire [7:0] b,
    input  wire       cin,
    output wire [7:0] sum,
    output wire       cout
);
    wire [8:0] total;

    assign total = {a[7], a} + {b[7], b} + {8'd0, cin};
    assign sum   = total[7:0];
    assign cout  = total[8];
endmodule
