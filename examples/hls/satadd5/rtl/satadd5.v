// satadd5 in RTL behind the ap_ctrl_hs interface (docs/HLS.md): a saturating 5-bit add, registered, so each
// call is done one cycle after it starts and a new one may start every cycle.
module satadd5 (
    input  wire       ap_clk,
    input  wire       ap_rst,
    input  wire       ap_start,
    output wire       ap_done,
    output wire       ap_idle,
    output wire       ap_ready,
    input  wire [4:0] a,
    input  wire [4:0] b,
    output reg  [4:0] y,
    output reg        y_ap_vld
);
    wire [5:0] sum = a + b;
    assign ap_ready = ap_start;
    assign ap_done  = y_ap_vld;
    assign ap_idle  = !ap_start && !y_ap_vld;

    always @(posedge ap_clk) begin
        if (ap_rst) y_ap_vld <= 1'b0;
        else begin
            y_ap_vld <= ap_start;
            if (ap_start) y <= sum[5] ? 5'd31 : sum[4:0];
        end
    end
endmodule
