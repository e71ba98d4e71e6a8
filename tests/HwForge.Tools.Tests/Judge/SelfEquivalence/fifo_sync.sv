// A 4-deep synchronous FIFO: memory without reset, pointers and a count with reset.
module fifo_sync (
    input  logic       clk,
    input  logic       rst,
    input  logic       push,
    input  logic       pop,
    input  logic [7:0] din,
    output logic [7:0] dout,
    output logic       empty,
    output logic       full
);
  logic [7:0] mem [0:3];
  logic [1:0] wptr, rptr;
  logic [2:0] count;
  wire do_push = push && !full;
  wire do_pop = pop && !empty;
  always_ff @(posedge clk) begin
    if (do_push) mem[wptr] <= din;
  end
  always_ff @(posedge clk) begin
    if (rst) begin
      wptr <= '0;
      rptr <= '0;
      count <= '0;
    end else begin
      if (do_push) wptr <= wptr + 2'd1;
      if (do_pop) rptr <= rptr + 2'd1;
      count <= count + {2'b00, do_push} - {2'b00, do_pop};
    end
  end
  assign dout = empty ? 8'd0 : mem[rptr];
  assign empty = (count == 3'd0);
  assign full = (count == 3'd4);
endmodule
