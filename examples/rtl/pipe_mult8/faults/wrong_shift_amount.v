// FAULT: high partial product shifted by 3 instead of 4
module pipe_mult8 (
    input  wire        clk,
    input  wire        rst,
    input  wire        in_valid,
    input  wire [7:0]  a,
    input  wire [7:0]  b,
    output reg  [15:0] p,
    output reg         out_valid
);
    reg [11:0] lo1, hi1;
    reg        v1;

    always @(posedge clk) begin
        if (rst) begin
            lo1 <= 12'd0;
            hi1 <= 12'd0;
            v1  <= 1'b0;
            p   <= 16'd0;
            out_valid <= 1'b0;
        end else begin
            lo1 <= a * b[3:0];
            hi1 <= a * b[7:4];
            v1  <= in_valid;
            p   <= {4'd0, lo1} + {1'b0, hi1, 3'd0};
            out_valid <= v1;
        end
    end
endmodule
