// A 16-bit Fibonacci LFSR whose state is seeded by a load input; no reset.
module lfsr_seed_load (
    input             clk,
    input             load,
    input      [15:0] seed,
    output reg [15:0] state,
    output            bit_out
);
  wire feedback = state[15] ^ state[13] ^ state[12] ^ state[10];
  always @(posedge clk) begin
    if (load) state <= seed;
    else      state <= {state[14:0], feedback};
  end
  assign bit_out = state[15];
endmodule
