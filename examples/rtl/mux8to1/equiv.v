// 8-to-1 multiplexer built as a tree of 2-to-1 multiplexers plus an AND gate
module mux8to1 (
    input  wire [31:0] d,
    input  wire [2:0]  sel,
    input  wire        en,
    output wire [3:0]  y
);
    wire [3:0] m00 = sel[0] ? d[7:4]   : d[3:0];
    wire [3:0] m01 = sel[0] ? d[15:12] : d[11:8];
    wire [3:0] m02 = sel[0] ? d[23:20] : d[19:16];
    wire [3:0] m03 = sel[0] ? d[31:28] : d[27:24];
    wire [3:0] m10 = sel[1] ? m01 : m00;
    wire [3:0] m11 = sel[1] ? m03 : m02;
    wire [3:0] m20 = sel[2] ? m11 : m10;

    assign y = m20 & {4{en}};
endmodule
