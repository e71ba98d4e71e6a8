// 8-to-1 multiplexer using an indexed part-select
module mux8to1 (
    input  wire [31:0] d,
    input  wire [2:0]  sel,
    input  wire        en,
    output wire [3:0]  y
);
    assign y = en ? d[{sel, 2'b00} +: 4] : 4'd0;
endmodule
