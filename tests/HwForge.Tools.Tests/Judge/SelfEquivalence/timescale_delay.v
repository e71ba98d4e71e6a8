`timescale 1ns / 1ps
// A registered comparator in the old style: a timescale and an intra-assignment delay on the
// non-blocking assignment (#1), which synthesis ignores and simulation shows within the cycle.
module timescale_delay (
    input            clk,
    input            rst,
    input      [7:0] a,
    input      [7:0] b,
    output reg       gt
);
  always @(posedge clk) begin
    if (rst) gt <= #1 1'b0;
    else     gt <= #1 (a > b);
  end
endmodule
