// A small ALU decoded by an always_comb case with no default: op 3 is not listed, so y keeps its
// value there (a latch, as simulators run it). Simulators accept it; Yosys 0.23 stops with
// "Latch inferred ... from always_comb process" unless it is read otherwise.
module alu_case_nodefault (
    input  logic [1:0] op,
    input  logic [7:0] a,
    input  logic [7:0] b,
    output logic [7:0] y
);
  always_comb begin
    case (op)
      2'd0: y = a + b;
      2'd1: y = a - b;
      2'd2: y = a & b;
    endcase
  end
endmodule
