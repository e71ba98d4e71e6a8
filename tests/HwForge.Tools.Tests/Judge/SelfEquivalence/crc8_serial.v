// CRC-8 (polynomial 0x07) over a byte per cycle, the byte's bits folded in by a for loop.
module crc8_serial (
    input            clk,
    input            rst,
    input            valid,
    input      [7:0] data,
    output reg [7:0] crc
);
  integer i;
  reg [7:0] c;
  always @(posedge clk) begin
    if (rst) crc <= 8'h00;
    else if (valid) begin
      c = crc ^ data;
      for (i = 0; i < 8; i = i + 1)
        c = c[7] ? ((c << 1) ^ 8'h07) : (c << 1);
      crc <= c;
    end
  end
endmodule
