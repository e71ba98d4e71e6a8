// A status word whose low bit is live (combinational, a blocking assignment) and whose upper bits
// are a registered history (non-blocking), written into one vector from two always blocks. Legal,
// race-free and read alike by simulators and synthesis, but Verilator reports "Unsupported: Blocked
// and non-blocking assignments to same variable" (BLKANDNBLK).
module shift_blk_nblk (
    input        clk,
    input        rst,
    input        a,
    input        b,
    output [3:0] status
);
  reg [3:0] r;
  always @(posedge clk) begin
    if (rst) r[3:1] <= 3'b000;
    else     r[3:1] <= {r[2:1], a ^ b};
  end
  always @(*) r[0] = a & b;
  assign status = r;
endmodule
