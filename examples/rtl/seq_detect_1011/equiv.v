// 1011 detector implemented with a 4-bit history shift register
module seq_detect_1011 (
    input  wire clk,
    input  wire rst,
    input  wire din,
    output wire hit
);
    reg [3:0] hist;

    always @(posedge clk) begin
        if (rst) hist <= 4'b0000;
        else     hist <= {hist[2:0], din};
    end

    assign hit = (hist == 4'b1011);
endmodule
