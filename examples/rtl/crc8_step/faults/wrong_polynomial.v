// FAULT: polynomial constant 0x05 instead of 0x07
module crc8_step (
    input  wire [7:0] crc_in,
    input  wire [7:0] data,
    output reg  [7:0] crc_out
);
    integer   i;
    reg [7:0] c;

    always @(*) begin
        c = crc_in ^ data;
        for (i = 0; i < 8; i = i + 1)
            c = c[7] ? ({c[6:0], 1'b0} ^ 8'h05) : {c[6:0], 1'b0};
        crc_out = c;
    end
endmodule
