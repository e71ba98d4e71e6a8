// FAULT: register shifted right (reflected) while the polynomial is not
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
            c = c[0] ? ({1'b0, c[7:1]} ^ 8'h07) : {1'b0, c[7:1]};
        crc_out = c;
    end
endmodule
