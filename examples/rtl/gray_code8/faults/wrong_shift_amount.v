// FAULT: binary-to-Gray shifts by 2 instead of 1
module gray_code8 (
    input  wire [7:0] bin,
    input  wire [7:0] gray_in,
    output wire [7:0] gray_out,
    output wire [7:0] bin_out
);
    assign gray_out = bin ^ (bin >> 2);

    genvar i;
    generate
        for (i = 0; i < 8; i = i + 1) begin : g_g2b
            assign bin_out[i] = ^gray_in[7:i];
        end
    endgenerate
endmodule
