// A 4:1 multiplexer with a unique case that lists every select value and has no default.
module unique_case_mux (
    input  logic [1:0]  sel,
    input  logic [15:0] d0,
    input  logic [15:0] d1,
    input  logic [15:0] d2,
    input  logic [15:0] d3,
    output logic [15:0] q
);
  always_comb begin
    unique case (sel)
      2'b00: q = d0;
      2'b01: q = d1;
      2'b10: q = d2;
      2'b11: q = d3;
    endcase
  end
endmodule
