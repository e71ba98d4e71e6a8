// Signed saturating add of two 8-bit values, using '0/'1 fills and signed comparisons.
module saturating_signed (
    input  logic signed [7:0] a,
    input  logic signed [7:0] b,
    output logic signed [7:0] y,
    output logic              sat
);
  logic signed [8:0] wide;
  always_comb begin
    wide = a + b;
    sat = 1'b0;
    if (wide > 9'sd127) begin
      y = 8'sd127;
      sat = 1'b1;
    end else if (wide < -9'sd128) begin
      y = -8'sd128;
      sat = 1'b1;
    end else begin
      y = wide[7:0];
    end
  end
endmodule
