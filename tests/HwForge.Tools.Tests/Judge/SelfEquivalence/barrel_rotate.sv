// A left rotator built from log2 stages in an always_comb for loop.
module barrel_rotate (
    input  logic [15:0] x,
    input  logic [3:0]  amt,
    output logic [15:0] y
);
  always_comb begin
    y = x;
    for (int s = 0; s < 4; s++)
      if (amt[s]) y = (y << (1 << s)) | (y >> (16 - (1 << s)));
  end
endmodule
