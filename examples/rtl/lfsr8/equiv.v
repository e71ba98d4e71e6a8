// 8-bit LFSR: feedback as XOR-reduction of a tap mask, next state via case
module lfsr8 (
    input  wire       clk,
    input  wire       rst,
    input  wire       en,
    input  wire       load,
    input  wire [7:0] seed,
    output reg  [7:0] q
);
    localparam [7:0] TAPS = 8'b1011_1000;

    reg [7:0] nxt;

    always @(*) begin
        case ({load, en})
            2'b10, 2'b11: nxt = seed;
            2'b01:        nxt = {q[6:0], ^(q & TAPS)};
            default:      nxt = q;
        endcase
    end

    always @(posedge clk) begin
        if (rst) q <= 8'b0000_0001;
        else     q <= nxt;
    end
endmodule
