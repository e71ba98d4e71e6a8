// FAULT: only 7 shift steps are performed
module crc8_step (
    input  wire [7:0] crc_in,
    input  wire [7:0] data,
    output reg  [7:0] crc_out
);
    integer   i;
    reg [7:0] c;

    always @(*) begin
        c = crc_in ^ data;
        for (i = 0; i < 7; i = i + 1)
            c = c[7] ? ({c[6:0], 1'b0} ^ 8'h07) : {c[6:0], 1'b0};
        crc_out = c;
    end
endmodule
