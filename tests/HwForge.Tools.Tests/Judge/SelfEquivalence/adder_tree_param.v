// A parameterised sum of N unsigned words, written as a binary tree with localparams and a generate.
module adder_tree_param #(
    parameter N = 4,
    parameter W = 8
) (
    input  wire [N*W-1:0]            in,
    output wire [W+$clog2(N)-1:0]    sum
);
  localparam OW = W + $clog2(N);
  wire [OW-1:0] level0 [0:N-1];
  genvar i;
  generate
    for (i = 0; i < N; i = i + 1) begin : widen
      assign level0[i] = {{(OW-W){1'b0}}, in[i*W +: W]};
    end
  endgenerate
  wire [OW-1:0] s01 = level0[0] + level0[1];
  wire [OW-1:0] s23 = level0[2] + level0[3];
  assign sum = s01 + s23;
endmodule
