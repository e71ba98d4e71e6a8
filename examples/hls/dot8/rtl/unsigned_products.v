// Faulty: the products are unsigned (the ports are unsigned wires and $signed was left out).
module dot8 (
    input  wire        ap_clk,
    input  wire        ap_rst,
    input  wire        ap_start,
    output wire        ap_done,
    output wire        ap_idle,
    output wire        ap_ready,
    input  wire [7:0]  a_0,
    input  wire [7:0]  a_1,
    input  wire [7:0]  a_2,
    input  wire [7:0]  a_3,
    input  wire [7:0]  a_4,
    input  wire [7:0]  a_5,
    input  wire [7:0]  a_6,
    input  wire [7:0]  a_7,
    input  wire [7:0]  b_0,
    input  wire [7:0]  b_1,
    input  wire [7:0]  b_2,
    input  wire [7:0]  b_3,
    input  wire [7:0]  b_4,
    input  wire [7:0]  b_5,
    input  wire [7:0]  b_6,
    input  wire [7:0]  b_7,
    output wire [18:0] y,
    output wire        y_ap_vld
);
    wire signed [18:0] sum = a_0 * b_0 + a_1 * b_1 + a_2 * b_2 + a_3 * b_3 + a_4 * b_4 + a_5 * b_5 + a_6 * b_6 + a_7 * b_7;

    assign ap_done  = ap_start;
    assign ap_ready = ap_start;
    assign ap_idle  = !ap_start;
    assign y        = sum;
    assign y_ap_vld = ap_start;
endmodule
