// 8-bit Gray conversions: explicit XOR gates and a log-step prefix XOR
module gray_code8 (
    input  wire [7:0] bin,
    input  wire [7:0] gray_in,
    output wire [7:0] gray_out,
    output wire [7:0] bin_out
);
    wire [7:0] t1 = gray_in ^ {1'b0, gray_in[7:1]};
    wire [7:0] t2 = t1 ^ {2'b00, t1[7:2]};
    wire [7:0] t3 = t2 ^ {4'b0000, t2[7:4]};

    assign gray_out = {bin[7], bin[7] ^ bin[6], bin[6] ^ bin[5], bin[5] ^ bin[4],
                       bin[4] ^ bin[3], bin[3] ^ bin[2], bin[2] ^ bin[1], bin[1] ^ bin[0]};
    assign bin_out  = t3;
endmodule
