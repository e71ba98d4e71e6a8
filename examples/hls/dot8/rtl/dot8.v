// dot8 in RTL behind the ap_ctrl_hs interface (docs/HLS.md): the arrays partitioned into one port per element
// (a_0..a_7, b_0..b_7), the sum combinational, so a call is done in the cycle it starts (latency 0).
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
    wire signed [18:0] sum = $signed(a_0) * $signed(b_0) + $signed(a_1) * $signed(b_1) + $signed(a_2) * $signed(b_2) + $signed(a_3) * $signed(b_3) + $signed(a_4) * $signed(b_4) + $signed(a_5) * $signed(b_5) + $signed(a_6) * $signed(b_6) + $signed(a_7) * $signed(b_7);

    assign ap_done  = ap_start;
    assign ap_ready = ap_start;
    assign ap_idle  = !ap_start;
    assign y        = sum;
    assign y_ap_vld = ap_start;
endmodule
