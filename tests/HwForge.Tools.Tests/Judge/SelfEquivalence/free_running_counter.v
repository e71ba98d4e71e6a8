// A free-running counter with no reset, initialised in the declaration (as FPGA code often is).
module free_running_counter (
    input            clk,
    output reg [5:0] count,
    output           wrap
);
  initial count = 6'd0;
  always @(posedge clk) count <= count + 6'd1;
  assign wrap = &count;
endmodule
