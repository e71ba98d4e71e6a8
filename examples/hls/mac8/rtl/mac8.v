// mac8 in RTL behind the ap_ctrl_hs interface (docs/HLS.md): a two-stage pipeline (multiply, then accumulate),
// a new call every cycle, each done two cycles after it is taken.
module mac8 (
    input  wire        ap_clk,
    input  wire        ap_rst,
    input  wire        ap_start,
    output wire        ap_done,
    output wire        ap_idle,
    output wire        ap_ready,
    input  wire [7:0]  a,
    input  wire [7:0]  b,
    input  wire        clear,
    output wire [23:0] out,
    output wire        out_ap_vld
);
    reg signed [15:0] product;
    reg               clear_1, valid_1, valid_2;
    reg signed [23:0] acc;          // the C kernel's static accumulator

    assign ap_ready   = ap_start;
    assign ap_done    = valid_2;
    assign ap_idle    = !ap_start && !valid_1 && !valid_2;
    assign out        = acc;
    assign out_ap_vld = valid_2;

    always @(posedge ap_clk) begin
        if (ap_rst) begin
            valid_1 <= 1'b0; valid_2 <= 1'b0; acc <= 0;
        end else begin
            valid_1 <= ap_start;
            valid_2 <= valid_1;
            if (ap_start) begin
                product <= $signed(a) * $signed(b);
                clear_1 <= clear;
            end
            if (valid_1) acc <= (clear_1 ? 24'sd0 : acc) + (product >>> 2);
        end
    end
endmodule
