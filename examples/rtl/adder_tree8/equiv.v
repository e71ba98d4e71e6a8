// adder tree with a different stage split: quads in stage 1, final sum in
// stage 2, stage 3 is a plain output register (same latency of 3)
module adder_tree8 (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        in_valid,
    input  wire [63:0] din,
    output reg  [10:0] sum,
    output reg         out_valid
);
    function [9:0] add4(input [31:0] x);
        add4 = {2'b00, x[7:0]} + {2'b00, x[15:8]} + {2'b00, x[23:16]} + {2'b00, x[31:24]};
    endfunction

    reg [9:0]  q0, q1;
    reg [10:0] t;
    reg [1:0]  v;

    always @(posedge clk) begin
        if (!rst_n) begin
            q0 <= 10'd0; q1 <= 10'd0; t <= 11'd0; sum <= 11'd0;
            v <= 2'b00; out_valid <= 1'b0;
        end else begin
            q0  <= add4(din[31:0]);
            q1  <= add4(din[63:32]);
            t   <= {1'b0, q0} + {1'b0, q1};
            sum <= t;
            v   <= {v[0], in_valid};
            out_valid <= v[1];
        end
    end
endmodule
