// retimed MAC: the multiplier sits before the first register and the
// second stage only delays the product; output timing is unchanged
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
    reg signed [15:0] p1, p2;
    reg [1:0]         v, c;   // v[0]/c[0]: stage 1, v[1]/c[1]: stage 2

    wire signed [15:0] prod = a * b;

    always @(posedge clk) begin
        if (rst) begin
            p1 <= 16'sd0;
            p2 <= 16'sd0;
            v  <= 2'b00;
            c  <= 2'b00;
        end else begin
            p1 <= prod;
            p2 <= p1;
            v  <= {v[0], in_valid};
            c  <= {c[0], clear};
        end
    end

    wire signed [19:0] base = c[1] ? 20'sd0 : acc;

    always @(posedge clk) begin
        if (rst) begin
            acc       <= 20'sd0;
            out_valid <= 1'b0;
        end else begin
            if (c[1] || v[1])
                acc <= base + (v[1] ? {{4{p2[15]}}, p2} : 20'sd0);
            out_valid <= v[1];
        end
    end
endmodule
