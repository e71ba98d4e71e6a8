// Loads a byte on start and shifts it out LSB first, with a busy flag; a counter says when it is done.
module serializer (
    input        clk,
    input        rst,
    input        start,
    input  [7:0] data,
    output       tx,
    output       busy
);
  reg [7:0] shreg;
  reg [3:0] left;
  always @(posedge clk) begin
    if (rst) begin
      shreg <= 8'd0;
      left  <= 4'd0;
    end else if (start && left == 4'd0) begin
      shreg <= data;
      left  <= 4'd8;
    end else if (left != 4'd0) begin
      shreg <= {1'b0, shreg[7:1]};
      left  <= left - 4'd1;
    end
  end
  assign tx = shreg[0];
  assign busy = (left != 4'd0);
endmodule
