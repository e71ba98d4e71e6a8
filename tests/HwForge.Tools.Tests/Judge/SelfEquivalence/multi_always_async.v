// Several always blocks and an asynchronous active-low reset: a counter, a comparator register and
// a sticky flag, each in its own block.
module multi_always_async (
    input            clk,
    input            rst_n,
    input            inc,
    input      [3:0] limit,
    output reg [3:0] value,
    output reg       at_limit,
    output reg       seen
);
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n)   value <= 4'd0;
    else if (inc) value <= value + 4'd1;
  end
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) at_limit <= 1'b0;
    else        at_limit <= (value == limit);
  end
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n)        seen <= 1'b0;
    else if (at_limit) seen <= 1'b1;
  end
endmodule
