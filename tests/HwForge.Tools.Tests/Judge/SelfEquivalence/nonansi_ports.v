// Verilog-1995 port declarations and a named-port submodule instance.
module nonansi_ports (clk, rst, a, b, y);
  input clk;
  input rst;
  input [3:0] a;
  input [3:0] b;
  output [4:0] y;
  reg [4:0] y;
  wire [4:0] s;
  nonansi_add u_add (.x(a), .z(b), .s(s));
  always @(posedge clk)
    if (rst) y <= 5'd0;
    else     y <= s;
endmodule

module nonansi_add (x, z, s);
  input [3:0] x;
  input [3:0] z;
  output [4:0] s;
  assign s = x + z;
endmodule
