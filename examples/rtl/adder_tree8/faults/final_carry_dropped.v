// FAULT: final addition truncated to 10 bits
module adder_tree8 (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        in_valid,
    input  wire [63:0] din,        // eight packed 8-bit operands
    output reg  [10:0] sum,
    output reg         out_valid
);
    reg [8:0] s1_0, s1_1, s1_2, s1_3;
    reg [9:0] s2_0, s2_1;
    reg       v1, v2;

    always @(posedge clk) begin
        if (!rst_n) begin
            s1_0 <= 9'd0;  s1_1 <= 9'd0;  s1_2 <= 9'd0;  s1_3 <= 9'd0;
            s2_0 <= 10'd0; s2_1 <= 10'd0;
            sum  <= 11'd0;
            v1 <= 1'b0; v2 <= 1'b0; out_valid <= 1'b0;
        end else begin
            // stage 1: pairs
            s1_0 <= {1'b0, din[7:0]}   + {1'b0, din[15:8]};
            s1_1 <= {1'b0, din[23:16]} + {1'b0, din[31:24]};
            s1_2 <= {1'b0, din[39:32]} + {1'b0, din[47:40]};
            s1_3 <= {1'b0, din[55:48]} + {1'b0, din[63:56]};
            v1   <= in_valid;
            // stage 2: quads
            s2_0 <= {1'b0, s1_0} + {1'b0, s1_1};
            s2_1 <= {1'b0, s1_2} + {1'b0, s1_3};
            v2   <= v1;
            // stage 3: final
            sum  <= {1'b0, s2_0 + s2_1};
            out_valid <= v2;
        end
    end
endmodule
