// An automatic function with a loop: bit reversal, plus parity of the result.
module function_bitrev (
    input  logic [11:0] x,
    output logic [11:0] r,
    output logic        parity
);
  function automatic logic [11:0] reverse(input logic [11:0] v);
    for (int i = 0; i < 12; i++) reverse[i] = v[11 - i];
  endfunction
  assign r = reverse(x);
  assign parity = ^r;
endmodule
