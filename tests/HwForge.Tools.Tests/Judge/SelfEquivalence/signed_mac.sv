// Signed multiply-accumulate with synchronous clear and enable.
module signed_mac (
    input  logic               clk,
    input  logic               rst,
    input  logic               en,
    input  logic signed [7:0]  a,
    input  logic signed [7:0]  b,
    output logic signed [19:0] acc
);
  logic signed [15:0] prod;
  assign prod = a * b;
  always_ff @(posedge clk) begin
    if (rst)     acc <= '0;
    else if (en) acc <= acc + 20'(prod);
  end
endmodule
