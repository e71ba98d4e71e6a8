// A transparent latch written with always_latch, as clock-gating and some low-power code does.
module latch_enable (
    input  logic       en,
    input  logic [3:0] d,
    output logic [3:0] q
);
  always_latch begin
    if (en) q <= d;
  end
endmodule
