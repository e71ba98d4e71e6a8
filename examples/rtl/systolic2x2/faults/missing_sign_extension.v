// FAULT: PE(1,0) product zero-extended before accumulation
module systolic2x2 (
    input  wire               clk,
    input  wire               rst,
    input  wire               clear,
    input  wire signed [7:0]  a0,    // row 0 input (left edge)
    input  wire signed [7:0]  a1,    // row 1 input (left edge)
    input  wire signed [7:0]  b0,    // column 0 input (top edge)
    input  wire signed [7:0]  b1,    // column 1 input (top edge)
    output reg  signed [19:0] c00,
    output reg  signed [19:0] c01,
    output reg  signed [19:0] c10,
    output reg  signed [19:0] c11
);
    // forwarded operands: a_ij leaves PE(i,j) to the right, b_ij leaves downwards
    reg signed [7:0] a_00, a_10, b_00, b_01;

    wire signed [15:0] p00 = a0   * b0;
    wire signed [15:0] p01 = a_00 * b1;
    wire signed [15:0] p10 = a1   * b_00;
    wire signed [15:0] p11 = a_10 * b_01;

    always @(posedge clk) begin
        if (rst) begin
            a_00 <= 8'sd0; a_10 <= 8'sd0; b_00 <= 8'sd0; b_01 <= 8'sd0;
            c00 <= 20'sd0; c01 <= 20'sd0; c10 <= 20'sd0; c11 <= 20'sd0;
        end else begin
            a_00 <= a0;
            a_10 <= a1;
            b_00 <= b0;
            b_01 <= b1;
            c00 <= (clear ? 20'sd0 : c00) + {{4{p00[15]}}, p00};
            c01 <= (clear ? 20'sd0 : c01) + {{4{p01[15]}}, p01};
            c10 <= (clear ? 20'sd0 : c10) + {4'd0, p10};
            c11 <= (clear ? 20'sd0 : c11) + {{4{p11[15]}}, p11};
        end
    end
endmodule
