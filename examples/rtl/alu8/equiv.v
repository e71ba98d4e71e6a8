// 8-bit ALU: all results computed in parallel, selected by a mux tree on op bits
module alu8 (
    input  wire [7:0] a,
    input  wire [7:0] b,
    input  wire [2:0] op,
    output wire [7:0] y,
    output wire       zero
);
    wire [7:0] sum = a + b;
    wire [8:0] dif = {1'b0, a} + {1'b0, ~b} + 9'd1;   // a - b in two's complement
    wire       slt = (a[7] ^ b[7]) ? a[7] : dif[7];    // signed a < b
    wire [7:0] shl = a << b[2:0];
    wire [7:0] shr = a >> b[2:0];

    assign y = op[2] ? (op[1] ? (op[0] ? shr : shl) : (op[0] ? {7'd0, slt} : a ^ b))
                     : (op[1] ? (op[0] ? a | b : a & b) : (op[0] ? dif[7:0] : sum));
    assign zero = ~|y;
endmodule
