// 2-stage pipelined multiplier: operands registered, full product in stage 2
module pipe_mult8 (
    input  wire        clk,
    input  wire        rst,
    input  wire        in_valid,
    input  wire [7:0]  a,
    input  wire [7:0]  b,
    output reg  [15:0] p,
    output reg         out_valid
);
    reg [7:0] ra, rb;
    reg       rv;

    always @(posedge clk) begin
        if (rst) begin
            {ra, rb, rv} <= 17'd0;
            {p, out_valid} <= 17'd0;
        end else begin
            {ra, rb, rv} <= {a, b, in_valid};
            p         <= ra * rb;
            out_valid <= rv;
        end
    end
endmodule
