// 8-bit barrel shifter as a 3-stage logarithmic right shifter; left
// operations are done by bit-reversing the input and the output
module barrel_shift8 (
    input  wire [7:0] d,
    input  wire [2:0] amt,
    input  wire       dir,
    input  wire       rot,
    output wire [7:0] y
);
    function [7:0] rev8(input [7:0] x);
        integer k;
        begin
            for (k = 0; k < 8; k = k + 1)
                rev8[k] = x[7 - k];
        end
    endfunction

    wire [7:0] x0 = dir ? d : rev8(d);
    wire [7:0] x1 = amt[0] ? {rot ? x0[0]   : 1'b0,    x0[7:1]} : x0;
    wire [7:0] x2 = amt[1] ? {rot ? x1[1:0] : 2'b00,   x1[7:2]} : x1;
    wire [7:0] x3 = amt[2] ? {rot ? x2[3:0] : 4'b0000, x2[7:4]} : x2;

    assign y = dir ? x3 : rev8(x3);
endmodule
