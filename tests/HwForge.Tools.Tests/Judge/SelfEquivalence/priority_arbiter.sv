// Fixed-priority arbiter: priority case over a casez pattern, grant one-hot.
module priority_arbiter (
    input  logic [3:0] req,
    output logic [3:0] gnt,
    output logic       any
);
  always_comb begin
    gnt = 4'b0000;
    priority casez (req)
      4'b???1: gnt = 4'b0001;
      4'b??10: gnt = 4'b0010;
      4'b?100: gnt = 4'b0100;
      4'b1000: gnt = 4'b1000;
      default: gnt = 4'b0000;
    endcase
  end
  assign any = |req;
endmodule
