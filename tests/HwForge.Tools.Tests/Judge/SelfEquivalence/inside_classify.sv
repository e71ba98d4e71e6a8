// Classifies a value with the SystemVerilog inside operator (ranges and sets).
module inside_classify (
    input  logic [7:0] v,
    output logic       low,
    output logic       special
);
  assign low = v inside {[8'd0:8'd15]};
  assign special = v inside {8'd42, 8'd99, 8'd200};
endmodule
