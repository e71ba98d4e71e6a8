// FAULT: logical right shift implemented as arithmetic shift (sign fill)
module barrel_shift8 (
    input  wire [7:0] d,
    input  wire [2:0] amt,
    input  wire       dir,
    input  wire       rot,
    output reg  [7:0] y
);
    wire [15:0] rl = {d, d} << amt;   // rotate-left result in rl[15:8]
    wire [15:0] rr = {d, d} >> amt;   // rotate-right result in rr[7:0]

    always @(*) begin
        case ({rot, dir})
            2'b00:   y = d << amt;
            2'b01:   y = $signed(d) >>> amt;
            2'b10:   y = rl[15:8];
            default: y = rr[7:0];
        endcase
    end
endmodule
