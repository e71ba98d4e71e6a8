// Packed structs: a pixel's channels as fields, averaged channel by channel.
module packed_struct_pixel (
    input  logic [23:0] p0,
    input  logic [23:0] p1,
    output logic [23:0] avg
);
  typedef struct packed {
    logic [7:0] r;
    logic [7:0] g;
    logic [7:0] b;
  } pixel_t;

  pixel_t a, b, m;
  assign a = p0;
  assign b = p1;
  always_comb begin
    m.r = 8'((9'(a.r) + 9'(b.r)) >> 1);
    m.g = 8'((9'(a.g) + 9'(b.g)) >> 1);
    m.b = 8'((9'(a.b) + 9'(b.b)) >> 1);
  end
  assign avg = m;
endmodule
