// fir4 in RTL behind the ap_ctrl_hs interface (docs/HLS.md): one sample taken per cycle, y one cycle later.
module fir4 (
    input  wire        ap_clk,
    input  wire        ap_rst,
    input  wire        ap_start,
    output wire        ap_done,
    output wire        ap_idle,
    output wire        ap_ready,
    input  wire [7:0]  x,
    output reg  [19:0] y,
    output reg         y_ap_vld
);
    reg signed [7:0] s0, s1, s2;   // the last three samples, newest first (the C kernel's static shift register)
    reg busy;
    wire signed [7:0] xs = x;

    assign ap_ready = ap_start;          // a new sample every cycle
    assign ap_done  = busy;              // the call taken on the last edge is done now
    assign ap_idle  = !ap_start && !busy;

    always @(posedge ap_clk) begin
        if (ap_rst) begin
            s0 <= 0; s1 <= 0; s2 <= 0;
            busy <= 1'b0; y_ap_vld <= 1'b0;
        end else begin
            busy <= ap_start;
            y_ap_vld <= ap_start;
            if (ap_start) begin
                y  <= xs * 31 + s0 * -57 + s1 * 93 + s2 * 20;
                s0 <= xs; s1 <= s0; s2 <= s1;
            end
        end
    end
endmodule
