// CRC-8 update, bit-serial formulation: each data bit is XORed into the feedback
module crc8_step (
    input  wire [7:0] crc_in,
    input  wire [7:0] data,
    output reg  [7:0] crc_out
);
    integer   i;
    reg [7:0] c;
    reg       fb;

    always @(*) begin
        c = crc_in;
        for (i = 7; i >= 0; i = i - 1) begin
            fb = c[7] ^ data[i];
            c  = {c[6:0], 1'b0} ^ (fb ? 8'h07 : 8'h00);
        end
        crc_out = c;
    end
endmodule
