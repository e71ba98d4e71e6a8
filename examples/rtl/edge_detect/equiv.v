// edge detector using a 3-bit shift register
module edge_detect (
    input  wire clk,
    input  wire rst,
    input  wire sig,
    output wire rise,
    output wire fall,
    output wire toggle
);
    reg [2:0] sh;   // sh[0]: meta, sh[1]: sync, sh[2]: prev

    always @(posedge clk)
        sh <= rst ? 3'b000 : {sh[1:0], sig};

    assign rise   = (sh[2:1] == 2'b01);
    assign fall   = (sh[2:1] == 2'b10);
    assign toggle = rise | fall;
endmodule
