// A binary counter with its Gray-coded value registered beside it.
module gray_counter (
    input            clk,
    input            rst,
    input            en,
    output reg [4:0] gray
);
  reg [4:0] bin;
  always @(posedge clk) begin
    if (rst) begin
      bin  <= 5'd0;
      gray <= 5'd0;
    end else if (en) begin
      bin  <= bin + 5'd1;
      gray <= (bin + 5'd1) ^ ((bin + 5'd1) >> 1);
    end
  end
endmodule
