// A register with a load input and no reset: its value is set by load, never by a reset.
module load_register (
    input            clk,
    input            load,
    input      [7:0] d,
    output reg [7:0] q
);
  always @(posedge clk)
    if (load) q <= d;
endmodule
