// 3-stage pipelined signed MAC: stage 1 input registers, stage 2 product,
// stage 3 accumulator. clear restarts the accumulation with the current product.
module pipe_mac8 (
    input  wire               clk,
    input  wire               rst,
    input  wire               in_valid,
    input  wire               clear,
    input  wire signed [7:0]  a,
    input  wire signed [7:0]  b,
    output reg  signed [19:0] acc,
    output reg                out_valid
);
    // stage 1
    reg signed [7:0]  a1, b1;
    reg               v1, c1;
    // stage 2
    reg signed [15:0] p2;
    reg               v2, c2;

    wire signed [19:0] p2x = {{4{p2[15]}}, p2};

    always @(posedge clk) begin
        if (rst) begin
            a1 <= 8'sd0;  b1 <= 8'sd0;  v1 <= 1'b0;  c1 <= 1'b0;
            p2 <= 16'sd0; v2 <= 1'b0;   c2 <= 1'b0;
            acc <= 20'sd0;
            out_valid <= 1'b0;
        end else begin
            a1 <= a;  b1 <= b;  v1 <= in_valid;  c1 <= clear;
            p2 <= a1 * b1;  v2 <= v1;  c2 <= c1;
            if (c2)      acc <= v2 ? p2x : 20'sd0;
            else if (v2) acc <= acc + p2x;
            out_valid <= v2;
        end
    end
endmodule
