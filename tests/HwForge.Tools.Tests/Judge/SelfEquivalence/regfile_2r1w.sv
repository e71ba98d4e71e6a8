// An 8x16 register file: one synchronous write port, two asynchronous read ports, register 0 reads as zero.
module regfile_2r1w (
    input  logic        clk,
    input  logic        rst,
    input  logic        we,
    input  logic [2:0]  waddr,
    input  logic [15:0] wdata,
    input  logic [2:0]  raddr_a,
    input  logic [2:0]  raddr_b,
    output logic [15:0] rdata_a,
    output logic [15:0] rdata_b
);
  logic [15:0] regs [0:7];
  always_ff @(posedge clk) begin
    if (rst) begin
      for (int i = 0; i < 8; i++) regs[i] <= '0;
    end else if (we && waddr != 3'd0) begin
      regs[waddr] <= wdata;
    end
  end
  assign rdata_a = (raddr_a == 3'd0) ? 16'd0 : regs[raddr_a];
  assign rdata_b = (raddr_b == 3'd0) ? 16'd0 : regs[raddr_b];
endmodule
