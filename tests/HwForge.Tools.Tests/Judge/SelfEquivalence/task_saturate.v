// Saturating unsigned add written with a task called from a combinational always block.
module task_saturate (
    input      [7:0] a,
    input      [7:0] b,
    output reg [7:0] y,
    output reg       clipped
);
  task automatic sat_add(input [7:0] x, input [7:0] z, output [7:0] r, output c);
    reg [8:0] t;
    begin
      t = {1'b0, x} + {1'b0, z};
      c = t[8];
      r = t[8] ? 8'hff : t[7:0];
    end
  endtask
  always @(*) sat_add(a, b, y, clipped);
endmodule
