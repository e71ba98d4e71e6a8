// Population count of a parameterised word: a generate loop of per-bit adders into partial sums.
module popcount_generate #(
    parameter WIDTH = 16
) (
    input  wire [WIDTH-1:0]         x,
    output wire [$clog2(WIDTH+1)-1:0] count
);
  localparam CW = $clog2(WIDTH + 1);
  wire [CW-1:0] partial [0:WIDTH];
  assign partial[0] = {CW{1'b0}};
  genvar i;
  generate
    for (i = 0; i < WIDTH; i = i + 1) begin : acc
      assign partial[i + 1] = partial[i] + {{(CW-1){1'b0}}, x[i]};
    end
  endgenerate
  assign count = partial[WIDTH];
endmodule
