`include "alu_defs.vh"
// Opcodes and the data width come from a header, as in many older code bases.
module include_alu (
    input      [1:0]           op,
    input      [`DATA_W-1:0]   a,
    input      [`DATA_W-1:0]   b,
    output reg [`DATA_W-1:0]   y
);
  always @(*) begin
    case (op)
      `OP_ADD:  y = a + b;
      `OP_XOR:  y = a ^ b;
      `OP_SHL:  y = a << b[2:0];
      default:  y = a;
    endcase
  end
endmodule
