// register file as a flat 64-bit vector with per-entry write enables
module regfile8x8 (
    input  wire       clk,
    input  wire       rst,
    input  wire       we,
    input  wire [2:0] waddr,
    input  wire [7:0] wdata,
    input  wire [2:0] raddr_a,
    input  wire [2:0] raddr_b,
    output wire [7:0] rdata_a,
    output wire [7:0] rdata_b
);
    reg [63:0] bits;

    genvar e;
    generate
        for (e = 0; e < 8; e = e + 1) begin : g_entry
            always @(posedge clk) begin
                if (rst)
                    bits[8*e +: 8] <= 8'd0;
                else if (we && waddr == e)
                    bits[8*e +: 8] <= wdata;
            end
        end
    endgenerate

    assign rdata_a = bits[{raddr_a, 3'b000} +: 8];
    assign rdata_b = bits[{raddr_b, 3'b000} +: 8];
endmodule
