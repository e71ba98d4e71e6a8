`ifndef ALU_DEFS_VH
`define ALU_DEFS_VH
`define OP_ADD 2'b00
`define OP_XOR 2'b01
`define OP_SHL 2'b10
`define OP_PASS 2'b11
`define DATA_W 8
`endif
