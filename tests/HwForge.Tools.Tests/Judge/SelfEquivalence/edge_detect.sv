// Rising and falling edge detector on a two-flop synchroniser.
module edge_detect (
    input  logic clk,
    input  logic rst_n,
    input  logic din,
    output logic rise,
    output logic fall
);
  logic [2:0] sync;
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) sync <= 3'b000;
    else        sync <= {sync[1:0], din};
  end
  assign rise = sync[1] & ~sync[2];
  assign fall = ~sync[1] & sync[2];
endmodule
