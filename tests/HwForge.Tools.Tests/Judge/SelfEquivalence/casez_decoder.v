// An instruction-class decoder with casez wildcards, in Verilog-2001.
module casez_decoder (
    input      [7:0] opcode,
    output reg [2:0] cls
);
  always @* begin
    casez (opcode)
      8'b0000_????: cls = 3'd0;
      8'b0001_????: cls = 3'd1;
      8'b001?_????: cls = 3'd2;
      8'b01??_????: cls = 3'd3;
      8'b1???_???0: cls = 3'd4;
      default:      cls = 3'd5;
    endcase
  end
endmodule
